"""The tracker's insights: applications sent per week, by source and by stage, the response and
interview rates, the median days to a first answer (all from ``stats.py``, which reads the
history of moves), and what was sent where (the frozen copies of CVs and letters, per offer).

``summarise`` is a function of rows already read, so its figures are checked without a
database; ``insights`` reads the rows of one user."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import load_only

from app.db.models import Application, ApplicationStatus, ApplicationStatusChange, SentDocument
from app.domain.applications.services import Tracked, list_tracked
from app.domain.applications.stats import REPLIED, Stats, compute, histories, sent_on
from app.domain.offers.services import display_title

WEEKS = 12  # the weeks the per-week chart shows, this one last


@dataclass(frozen=True, slots=True)
class SourceCount:
    """Applications whose offer came from one site (its host, ``""`` for an offer pasted or
    typed without an address)."""

    source: str
    tracked: int
    sent: int
    replied: int


@dataclass(frozen=True, slots=True)
class SentRow:
    """One document marked as sent, with the offer it went to."""

    document_id: str
    kind: str  # "cv" or "letter"
    filename: str
    sent_at: datetime
    application_id: str
    title: str
    company: str


@dataclass(frozen=True, slots=True)
class Insights:
    stats: Stats
    tracked: int
    weeks: list[tuple[date, int]]  # (Monday, applications sent that week), oldest first
    sources: list[SourceCount]
    stages: list[tuple[str, int]]  # (status, applications in it), in the board's order
    sent: list[SentRow]  # the latest first


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def source_of(url: str | None) -> str:
    """The site an offer came from: its address's host without ``www.``; ``""`` without one."""
    text = (url or "").strip()
    if not text.lower().startswith(("http://", "https://")):
        return ""
    host = (urlsplit(text).hostname or "").lower()
    return host.removeprefix("www.")


def per_week(days: list[date], today: date, weeks: int = WEEKS) -> list[tuple[date, int]]:
    """How many of ``days`` fall in each of the ``weeks`` weeks (Monday to Sunday) up to this
    one; earlier and later days are not counted."""
    counts = Counter(week_start(day) for day in days)
    last = week_start(today)
    mondays = [last - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    return [(monday, counts.get(monday, 0)) for monday in mondays]


def summarise(
    tracked: list[Tracked],
    moves: dict[str, list[ApplicationStatusChange]],
    sent_documents: list[SentDocument],
    today: date,
) -> Insights:
    """The insights of one user's ``tracked`` applications, their ``moves`` (oldest first, by
    application id) and the documents they marked as sent."""
    statuses = [str(t.application.status) for t in tracked]
    applied_on = {t.application.id: t.application.applied_on for t in tracked}
    own_moves = {t.application.id: moves.get(t.application.id, []) for t in tracked}
    stats = compute(statuses, own_moves, applied_on)
    sent_days: list[date] = []
    sources: dict[str, list[int]] = {}
    for item in tracked:
        history = moves.get(item.application.id, [])
        day = sent_on(history, item.application.applied_on)
        counts = sources.setdefault(source_of(item.offer.source_url), [0, 0, 0])
        counts[0] += 1
        if day is not None:
            sent_days.append(day)
            counts[1] += 1
            counts[2] += any(move.to_status in REPLIED for move in history)
    by_source = sorted(
        (SourceCount(name, *counts) for name, counts in sources.items()),
        key=lambda s: (s.source == "", -s.tracked, s.source),
    )
    offers = {t.application.id: t.offer for t in tracked}
    sent = [
        SentRow(
            document_id=d.id,
            kind=d.kind,
            filename=d.filename,
            sent_at=d.sent_at if d.sent_at.tzinfo else d.sent_at.replace(tzinfo=UTC),
            application_id=d.application_id,
            title=display_title(offers[d.application_id]),
            company=offers[d.application_id].company,
        )
        for d in sent_documents
        if d.application_id in offers
    ]
    return Insights(
        stats=stats,
        tracked=len(tracked),
        weeks=per_week(sent_days, today),
        sources=by_source,
        stages=[(str(s), stats.per_status.get(str(s), 0)) for s in ApplicationStatus],
        sent=sorted(sent, key=lambda row: row.sent_at, reverse=True),
    )


async def insights(session: AsyncSession, user_id: str, today: date) -> Insights:
    tracked = await list_tracked(session, user_id)
    moves = await histories(session, user_id)
    documents = await session.scalars(
        select(SentDocument)
        .join(Application, Application.id == SentDocument.application_id)
        .where(Application.user_id == user_id)
        # What the table shows: a copy's content (a whole CV) and its PDF stay unread.
        .options(
            load_only(
                SentDocument.id,
                SentDocument.kind,
                SentDocument.filename,
                SentDocument.sent_at,
                SentDocument.application_id,
            )
        )
    )
    return summarise(tracked, moves, list(documents), today)
