"""The replies read from a user's mailbox: the one service the worker, the board's pages, the
JSON API and the agent tools call.

- ``take``: one parsed message linked (linking.py), classified (classify.py) and decided
  (decide.py); kept only when some evidence ties it to an application; a confident one moves
  the card in the same transaction, its history pointing at the reply (which it quotes), and
  an interview's date goes on the application (the calendar and the .ics read it).
- ``review_list`` / ``accept`` / ``dismiss``: the unsure ones, which only the user moves.
Callers commit, then ``announce``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from redis.asyncio import Redis
from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import (
    Application,
    ApplicationStatus,
    JobOffer,
    MailReply,
    ReplyKind,
    ReplyState,
)
from app.db.models.base import utcnow
from app.domain.applications import services as applications
from app.domain.mailbox.classify import Classification, classify
from app.domain.mailbox.decide import Decision, decide
from app.domain.mailbox.linking import Candidate, Link, link
from app.lib.errors import NotFound
from app.lib.i18n import N_
from app.lib.imap.message import MailMessage
from app.lib.input_errors import InputError
from app.lib.owned_rows import child_rows, owned
from app.lib.paging import Page, PageRequest, read_rows_page

QUOTE_CHARS = 600  # what the history and the review list quote of a message
REVIEW_LIMIT = 100


@dataclass(frozen=True, slots=True)
class Taken:
    """What one message did: ``reply`` is None when it was not kept (or already read)."""

    reply: MailReply | None
    moved: Application | None  # the application it changed (its status or interview date)
    link: Link
    classification: Classification
    decision: Decision


@dataclass(frozen=True, slots=True)
class ReviewItem:
    reply: MailReply
    application: Application
    offer: JobOffer


async def candidates(db: AsyncSession, user_id: str) -> list[Candidate]:
    """Every application of the user with its offer and the Message-IDs already tied to it."""
    threads: dict[str, set[str]] = defaultdict(set)
    rows = await db.execute(
        select(MailReply.application_id, MailReply.message_id).where(
            MailReply.user_id == user_id,
            MailReply.message_id != "",
            MailReply.state != ReplyState.DISMISSED,
        )
    )
    for application_id, message_id in rows:
        if application_id:
            threads[application_id].add(message_id)
    return [
        Candidate(t.application, t.offer, frozenset(threads.get(t.application.id, ())))
        for t in await applications.list_tracked(db, user_id)
    ]


def quote_of(message: MailMessage) -> str:
    lines = [line.strip() for line in message.text.splitlines()]
    # The reply's own words: stop at the quoted earlier message.
    kept = []
    for line in lines:
        lowered = line.lower()
        quoted_header = lowered.startswith(("on ", "le ")) and (
            "wrote" in lowered or "a écrit" in lowered
        )
        if line.startswith(">") or quoted_header:
            break
        if line:
            kept.append(line)
    text = " ".join(kept)
    return text[:QUOTE_CHARS] + ("…" if len(text) > QUOTE_CHARS else "")


async def _move(
    db: AsyncSession, user_id: str, reply: MailReply, status: ApplicationStatus | None
) -> Application:
    application = await applications.get_application(
        db, user_id, str(reply.application_id), lock=True
    )
    if status is not None:
        await applications.move(db, application, status, mail_reply_id=reply.id)
    if reply.kind == ReplyKind.INTERVIEW and reply.interview_at is not None:
        application.interview_at = reply.interview_at
        application.updated_at = utcnow()
    return application


async def take(
    db: AsyncSession,
    user_id: str,
    message_key: str,
    message: MailMessage,
    *,
    pool: list[Candidate] | None = None,
) -> Taken:
    """Link, classify and decide one message (see the module). Idempotent per ``message_key``:
    a message read twice does nothing the second time."""
    pool = pool if pool is not None else await candidates(db, user_id)
    found = link(message, pool)
    classification = classify(message.subject, message.text, message.date)
    current = next(
        (str(c.application.status) for c in pool if c.application.id == found.application_id),
        None,
    )
    decision = decide(found, classification, current, bulk=message.bulk)
    if decision.state is None:
        return Taken(None, None, found, classification, decision)
    reply = MailReply(
        user_id=user_id,
        application_id=found.application_id,
        message_key=message_key[:64],
        message_id=message.message_id[:300],
        sender=message.sender[:320],
        subject=message.subject[:300],
        quote=quote_of(message),
        received_at=message.date,
        kind=classification.kind,
        interview_at=classification.interview_at,
        confidence=found.confidence,
        target_status=decision.target,
        state=decision.state,
        evidence=found.evidence,
        created_at=utcnow(),
    )
    try:
        async with db.begin_nested():
            db.add(reply)
            await db.flush()
    except IntegrityError:
        return Taken(None, None, found, classification, decision)  # already read
    moved = None
    if decision.state == ReplyState.MOVED:
        application = await _move(db, user_id, reply, decision.target)
        # Moved, or given its interview's date: the board and the calendar change.
        if decision.target is not None or reply.interview_at is not None:
            moved = application
    return Taken(reply, moved, found, classification, decision)


def _to_review(user_id: str) -> Select[MailReply, Application, JobOffer]:
    return (
        select(MailReply, Application, JobOffer)
        .join(Application, Application.id == MailReply.application_id)
        .join(JobOffer, JobOffer.id == Application.job_offer_id)
        .where(MailReply.user_id == user_id, MailReply.state == ReplyState.REVIEW)
        .order_by(MailReply.created_at.desc(), MailReply.id)
    )


async def review_list(db: AsyncSession, user_id: str) -> list[ReviewItem]:
    """The newest replies to review (the board's list shows at most ``REVIEW_LIMIT``)."""
    rows = await db.execute(_to_review(user_id).limit(REVIEW_LIMIT))
    return [ReviewItem(reply, application, offer) for reply, application, offer in rows]


async def review_page(db: AsyncSession, user_id: str, paging: PageRequest) -> Page[ReviewItem]:
    """One page of the replies to review, the newest first (the JSON API, the agent API)."""
    page = await read_rows_page(db, _to_review(user_id), paging)
    return page.map(lambda row: ReviewItem(*row))


async def get_reply(db: AsyncSession, user_id: str, reply_id: str) -> MailReply:
    missing = NotFound(N_("No such reply."), code="mail_reply.not_found")
    return await owned(db, MailReply, user_id, reply_id, missing)


async def replies_for(db: AsyncSession, application_id: str) -> list[MailReply]:
    """The replies tied to an application, oldest first (the account export)."""
    return await child_rows(db, MailReply, MailReply.application_id, application_id)


async def replies_of(db: AsyncSession, reply_ids: set[str]) -> dict[str, MailReply]:
    """The replies behind some history moves, by id (the history quotes them)."""
    if not reply_ids:
        return {}
    rows = await db.scalars(select(MailReply).where(MailReply.id.in_(reply_ids)))
    return {r.id: r for r in rows}


def _reviewable(reply: MailReply) -> None:
    if reply.state != ReplyState.REVIEW:
        raise InputError(
            N_("This reply was already decided."), code="mail_reply.decided", http_status=409
        )


async def accept(
    db: AsyncSession, user_id: str, reply_id: str, status: str | None = None
) -> Application:
    """The user says the reply is about its application: the card moves to ``status`` (the
    proposed one when not given)."""
    reply = await get_reply(db, user_id, reply_id)
    _reviewable(reply)
    chosen = status or reply.target_status
    if chosen is not None and chosen not in set(ApplicationStatus):
        raise InputError(
            N_("Choose one of the board's statuses."), code="mail_reply.bad_status", where="status"
        )
    reply.state = ReplyState.ACCEPTED
    return await _move(db, user_id, reply, ApplicationStatus(chosen) if chosen else None)


async def dismiss(db: AsyncSession, user_id: str, reply_id: str) -> MailReply:
    reply = await get_reply(db, user_id, reply_id)
    _reviewable(reply)
    reply.state = ReplyState.DISMISSED
    return reply


async def announce(redis: Redis, user_id: str, application: Application | None) -> None:
    if application is not None:
        await applications.announce(redis, user_id, application)
