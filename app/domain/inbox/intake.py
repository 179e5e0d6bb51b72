"""File one discovered offer in the user's inbox: canonical URL, content hash, de-duplication,
score and red flags → a ``pending`` item, a ``rejected`` one (with its reason), or None when the
user already has it (in the inbox, or as a job offer).

"Already has it" compares both keys with both places: the inbox items' canonical URL and content
hash, and the job offers' source URL (canonicalised) and text (``JobOffer.description``, hashed
like an item's), so an offer pasted without a URL is matched by its text. A job offer's hash is
computed from its text, not stored: ``offer_keys`` keeps each one in a per-process cache keyed
by the offer's id and ``updated_at``, so an edited offer is hashed again and a run reads only
the texts it has not hashed yet.

Two runs filing the same offer at once cannot both insert it: the unique constraint on
(user, canonical URL) refuses the second, which is then a duplicate like any other.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import JobOffer
from app.db.models.base import utcnow
from app.db.models.job_search import FeedSource, InboxItem, InboxStatus, SavedSearch
from app.domain.inbox.salary import detect_salary
from app.domain.inbox.scoring import (
    RED_FLAG_REASON,
    SearchCriteria,
    detect_remote,
    red_flag,
    score_item,
)
from app.lib.cv_content import CvContent
from app.lib.page_keys import canonical_url, text_digest
from app.lib.text_forms import squash

OFFER_TEXTS_PER_READ = 200  # job offers' texts read (and hashed) per query
MAX_CACHED_DIGESTS = 100_000  # job offers' hashes kept by offer_keys (then started afresh)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An offer found by a feed, a listing page or the bookmarklet, before it is filed."""

    url: str
    title: str = ""
    company: str = ""
    location: str = ""
    text: str = ""  # the offer's text as extracted (or the feed's summary when the page failed)
    summary: str = ""
    published_at: datetime | None = None
    remote: str | None = None


def content_hash(candidate: Candidate) -> str:
    """``text_digest`` of the offer's text; without text, of the title, company and canonical
    URL (then only the URL check can match it)."""
    digest = text_digest(candidate.text)
    if digest is not None:
        return digest
    basis = squash(f"{candidate.title}\n{candidate.company}\n{canonical_url(candidate.url)}")
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


# Job offer id → (its updated_at, the digest of its text or None): see the module's docstring.
_offer_digests: dict[str, tuple[Any, str | None]] = {}


def _digests_of(rows: list[tuple[str, Any, str]]) -> list[tuple[str, Any, str | None]]:
    return [(offer_id, updated, text_digest(text or "")) for offer_id, updated, text in rows]


async def offer_keys(session: AsyncSession, user_id: str) -> tuple[set[str], set[str]]:
    """(canonical source URLs, text digests) of the user's job offers."""
    rows = await session.execute(
        select(JobOffer.id, JobOffer.updated_at, JobOffer.source_url).where(
            JobOffer.user_id == user_id
        )
    )
    urls: set[str] = set()
    digests: set[str] = set()
    stale: list[str] = []
    for offer_id, updated, url in rows:
        if url:
            urls.add(canonical_url(url))
        cached = _offer_digests.get(offer_id)
        if cached is None or cached[0] != updated:
            stale.append(offer_id)
        elif cached[1] is not None:
            digests.add(cached[1])
    if len(_offer_digests) + len(stale) > MAX_CACHED_DIGESTS:
        _offer_digests.clear()
    for start in range(0, len(stale), OFFER_TEXTS_PER_READ):
        texts = await session.execute(
            select(JobOffer.id, JobOffer.updated_at, JobOffer.description).where(
                JobOffer.id.in_(stale[start : start + OFFER_TEXTS_PER_READ])
            )
        )
        batch = [(offer_id, updated, text) for offer_id, updated, text in texts]
        # Folding and hashing up to 200 offers' texts: off the event loop.
        for offer_id, updated, digest in await asyncio.to_thread(_digests_of, batch):
            _offer_digests[offer_id] = (updated, digest)
            if digest is not None:
                digests.add(digest)
    return urls, digests


async def is_known(session: AsyncSession, user_id: str, canonical: str, digest: str) -> bool:
    """Already in the user's inbox (any status) or among the user's job offers (by URL or by
    text)."""
    found = await session.scalar(
        select(InboxItem.id)
        .where(
            InboxItem.user_id == user_id,
            or_(InboxItem.canonical_url == canonical, InboxItem.content_hash == digest),
        )
        .limit(1)
    )
    if found is not None:
        return True
    offer_urls, offer_digests = await offer_keys(session, user_id)
    return canonical in offer_urls or digest in offer_digests


async def known_keys(
    session: AsyncSession, user_id: str, canonicals: set[str], digests: set[str]
) -> tuple[set[str], set[str]]:
    """Which of these canonical URLs and content hashes the user already has (inbox items and
    job offers): one read for a whole feed, before any of its pages is fetched."""
    if not canonicals and not digests:
        return set(), set()
    rows = await session.execute(
        select(InboxItem.canonical_url, InboxItem.content_hash).where(
            InboxItem.user_id == user_id,
            or_(InboxItem.canonical_url.in_(canonicals), InboxItem.content_hash.in_(digests)),
        )
    )
    urls: set[str] = set()
    hashes: set[str] = set()
    for url, digest in rows:
        urls.add(url)
        hashes.add(digest)
    offer_urls, offer_digests = await offer_keys(session, user_id)
    urls.update(offer_urls)
    hashes.update(offer_digests)
    return urls & canonicals, hashes & digests


@dataclass(frozen=True, slots=True)
class Assessment:
    """What filing computes from the offer alone (pure: no session), so a run can compute it
    off the event loop (``asyncio.to_thread``) before its short write."""

    canonical: str
    digest: str
    remote: str | None
    salary: tuple[int | None, int | None]
    score: float
    details: dict[str, Any]
    flag: str | None  # the red-flag phrase found, as the user wrote it


def assess(
    candidate: Candidate,
    criteria: SearchCriteria | None,
    red_flags: tuple[str, ...] = (),
    cv: CvContent | None = None,
) -> Assessment:
    """Canonical URL, content hash, remote policy, salary, score (the CV match is the costly
    part) and red flag of one candidate."""
    body = candidate.text or candidate.summary
    remote = candidate.remote or detect_remote(f"{candidate.title}\n{body}")
    salary = detect_salary(body)
    score, details = score_item(
        criteria,
        title=candidate.title,
        text=body,
        location=candidate.location,
        remote=remote,
        salary=salary,
        cv=cv,
    )
    return Assessment(
        canonical=canonical_url(candidate.url),
        digest=content_hash(candidate),
        remote=remote,
        salary=salary,
        score=score,
        details=details,
        flag=red_flag(candidate.title, body, list(red_flags)) if red_flags else None,
    )


async def file_item(
    session: AsyncSession,
    user_id: str,
    candidate: Candidate,
    *,
    search: SavedSearch | None,
    source: FeedSource | None,
    origin: str,
    cv: CvContent | None = None,
    assessment: Assessment | None = None,
) -> InboxItem | None:
    """The new item (flushed in a SAVEPOINT, not committed), or None when it is a duplicate.
    ``cv``: the user's CV to score against (the caller loads it once per run);
    ``assessment``: ``assess`` already run by the caller (off the event loop) for this
    candidate and search.

    Many items can be filed in one transaction: each insert runs in its own SAVEPOINT, so a
    concurrent run's insert of the same offer (the unique constraint) rolls back only that one.
    """
    if assessment is None:
        criteria = SearchCriteria.of(search) if search is not None else None
        flags = tuple(str(f) for f in (search.red_flags or [])) if search is not None else ()
        assessment = assess(candidate, criteria, flags, cv)
    if await is_known(session, user_id, assessment.canonical, assessment.digest):
        return None
    body = candidate.text or candidate.summary
    item = InboxItem(
        user_id=user_id,
        search_id=search.id if search is not None else None,
        source_id=source.id if source is not None else None,
        origin=origin,
        url=candidate.url[:2048],
        canonical_url=assessment.canonical[:2048],
        content_hash=assessment.digest,
        title=candidate.title[:300],
        company=candidate.company[:300],
        location=candidate.location[:300],
        remote=assessment.remote,
        salary_min=assessment.salary[0],
        salary_max=assessment.salary[1],
        summary=" ".join((candidate.summary or body).split())[:500],
        text=candidate.text,
        published_at=candidate.published_at,
        score=assessment.score,
        score_details=assessment.details,
        status=InboxStatus.PENDING,
        reason_params={},
    )
    if assessment.flag is not None:
        item.status = InboxStatus.REJECTED
        item.reason = RED_FLAG_REASON
        item.reason_params = {"phrase": assessment.flag}
        item.decided_at = utcnow()
    try:
        async with session.begin_nested():  # a concurrent run's insert wins; this one is a dup
            session.add(item)
    except IntegrityError:
        return None
    return item
