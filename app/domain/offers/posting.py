"""Whether an offer's posting is still open: the one service the worker's re-check, the pages,
the JSON API and the agent tools call.

- ``claim_due``: the offers with an address whose check is due, at most ``PER_USER`` of one
  user and ``PER_RUN`` in all per scheduled run (the rest wait for the next run), their next
  check set at once so a second scheduler does not claim them too.
- ``record``: a check's verdict (posting_rules.py) kept: ``closed`` with its reason code and
  values; ``unknown`` (network error, 5xx, timeout) changes nothing but brings the next check
  forward to the next run; a posting the user reopened is never closed again by a check.
- ``reopen``: the user says the posting is open after all.
- ``find_repost``: the user's earlier offer this one repeats under another address (same
  company and title, near-identical text: app/lib/page_keys.py).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import JobOffer
from app.domain.offers.posting_rules import REASON_MESSAGES, ClosedReason, PostingStatus, Verdict
from app.domain.offers.services import get_offer
from app.lib.input_errors import stored_message
from app.lib.page_keys import canonical_url, near_identical
from app.lib.text_forms import squash

PER_USER = 10  # offers of one user checked per scheduled run
PER_RUN = 200  # offers checked per scheduled run, every user together
RETRY_AFTER = timedelta(minutes=10)  # a check without an answer: tried at the next run
REPOST_CANDIDATES = 500  # the user's most recent offers compared with a new one


async def claim_due(
    db: AsyncSession,
    now: datetime,
    interval: timedelta,
    *,
    per_user: int = PER_USER,
    per_run: int = PER_RUN,
) -> list[tuple[str, list[str]]]:
    """(user id, offer ids) of the due checks, committed as claimed (next check in
    ``interval``); each user's offers least recently checked first."""
    rows = await db.execute(
        select(JobOffer.id, JobOffer.user_id)
        .where(
            JobOffer.source_url.is_not(None),
            JobOffer.source_url != "",
            JobOffer.posting_status == PostingStatus.OPEN,
            or_(
                JobOffer.posting_next_check_at.is_(None),
                JobOffer.posting_next_check_at <= now,
            ),
        )
        .order_by(JobOffer.posting_next_check_at.asc().nulls_first(), JobOffer.created_at)
        .limit(per_run * 5)
    )
    by_user: dict[str, list[str]] = defaultdict(list)
    taken = 0
    for offer_id, user_id in rows:
        if taken >= per_run:
            break
        if len(by_user[user_id]) < per_user:
            by_user[user_id].append(offer_id)
            taken += 1
    claimed = [offer_id for ids in by_user.values() for offer_id in ids]
    if claimed:
        for offer in await db.scalars(select(JobOffer).where(JobOffer.id.in_(claimed))):
            offer.posting_next_check_at = now + interval
        await db.commit()
    return [(user_id, ids) for user_id, ids in by_user.items() if ids]


async def release(db: AsyncSession, offer_ids: list[str], now: datetime) -> None:
    """Claimed checks not made this run (the user's fetching time ran out): due again."""
    if not offer_ids:
        return
    for offer in await db.scalars(select(JobOffer).where(JobOffer.id.in_(offer_ids))):
        offer.posting_next_check_at = now
    await db.commit()


def record(offer: JobOffer, verdict: Verdict, now: datetime) -> bool:
    """Keep ``verdict`` on the offer (not committed); whether its posting's status changed."""
    if verdict.status == "unknown":
        offer.posting_next_check_at = now + RETRY_AFTER
        return False
    offer.posting_checked_at = now
    if offer.posting_status != PostingStatus.OPEN or not verdict.closed:
        return False  # open stays open; a reopened posting is the user's call
    offer.posting_status = PostingStatus.CLOSED
    offer.posting_reason = str(verdict.reason)
    offer.posting_reason_params = dict(verdict.params)
    return True


async def reopen(db: AsyncSession, user_id: str, offer_id: str) -> JobOffer:
    """The user says the posting is still open: shown open, never closed again by a check
    (not committed)."""
    offer = await get_offer(db, user_id, offer_id)
    if offer.posting_status == PostingStatus.CLOSED:
        offer.posting_status = PostingStatus.REOPENED
        offer.posting_reason = None
        offer.posting_reason_params = {}
    return offer


async def find_repost(db: AsyncSession, offer: JobOffer) -> JobOffer | None:
    """The user's earliest offer that ``offer`` repeats under another address: same company
    and title (folded), near-identical text. Sets ``repost_of_id`` (not committed)."""
    if offer.repost_of_id or not offer.source_url or not offer.title or not offer.company:
        return None
    earlier = await db.scalars(
        select(JobOffer)
        .where(
            JobOffer.user_id == offer.user_id,
            JobOffer.id != offer.id,
            JobOffer.created_at <= offer.created_at,
        )
        .order_by(JobOffer.created_at.desc())
        .limit(REPOST_CANDIDATES)
    )
    key = (squash(offer.title), squash(offer.company))
    address = canonical_url(offer.source_url)
    found = None
    for other in earlier:
        if (squash(other.title), squash(other.company)) != key:
            continue
        if not other.source_url or canonical_url(other.source_url) == address:
            continue
        if (other.created_at, other.id) > (offer.created_at, offer.id):
            continue  # created in the same instant, after this one
        if near_identical(offer.description or "", other.description or ""):
            found = other  # rows come newest first: the last match is the earliest
    if found is not None:
        offer.repost_of_id = found.repost_of_id or found.id
    return found


def reason_words(offer: JobOffer) -> str:
    """Why the posting closed, in the reader's language ("" when it is not closed)."""
    if offer.posting_status != PostingStatus.CLOSED or not offer.posting_reason:
        return ""
    try:
        template = REASON_MESSAGES[ClosedReason(offer.posting_reason)]
    except ValueError:  # a code from a later version
        return ""
    return stored_message({"template": template, "values": offer.posting_reason_params or {}})


def posting_fields(offer: JobOffer) -> dict[str, Any]:
    """The posting as the JSON API, the agent tools and the pages show it."""
    checked = offer.posting_checked_at
    return {
        "status": offer.posting_status or PostingStatus.OPEN,
        "reason": offer.posting_reason if offer.posting_status == PostingStatus.CLOSED else None,
        "reasonParams": dict(offer.posting_reason_params or {}),
        "message": reason_words(offer),
        "checkedAt": checked.isoformat() if checked else None,
        "repostOf": offer.repost_of_id,
    }
