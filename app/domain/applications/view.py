"""What the tracker's pages show: cards (the offer, match score, days since the last move, the
next follow-up), the board's columns, the list's filters and sorts, the follow-ups due that
the dashboard embeds, and the offer's excerpt on an application's page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import ApplicationStatus, User
from app.domain.applications.services import Tracked, list_tracked
from app.domain.matching.services import MatchService
from app.domain.offers.services import display_title
from app.domain.offers.view import posting_badge

# Closed applications need no follow-up: the dashboard leaves them out.
CLOSED = frozenset({ApplicationStatus.REJECTED, ApplicationStatus.HIRED})
SORTS = ("recent", "follow_up", "company", "rating")
DUE_FILTERS = ("", "due", "today", "overdue")


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    offer_id: str
    title: str
    company: str
    status: str
    score: int | None
    rating: int | None
    days_since_change: int
    follow_up_at: date | None
    today: date
    # The offer's posting: closed (why, when checked) or a repost (offers/_partials/posting_badge).
    posting: dict[str, Any] = field(default_factory=dict)

    @property
    def overdue(self) -> bool:
        return self.follow_up_at is not None and self.follow_up_at < self.today

    @property
    def due_today(self) -> bool:
        return self.follow_up_at == self.today


def _days_since(moment: datetime, now: datetime) -> int:
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return max((now - moment).days, 0)


def card(item: Tracked, today: date, now: datetime, score: int | None = None) -> Card:
    application, offer = item.application, item.offer
    return Card(
        id=application.id,
        offer_id=offer.id,
        title=display_title(offer),
        company=offer.company,
        status=str(application.status),
        score=score,
        rating=application.rating,
        days_since_change=_days_since(application.status_changed_at, now),
        follow_up_at=application.follow_up_at,
        today=today,
        posting=posting_badge(offer),
    )


async def cards(db: AsyncSession, user: User, *, with_scores: bool = True) -> list[Card]:
    """Every card of the user, the most recently moved first. Its score is the match of the CV
    linked to the application (the tailored one sent) when there is one, else of the most
    recent source CV (the one the offers page scores with)."""
    tracked = await list_tracked(db, user.id)
    scores = await _scores(db, user, tracked) if with_scores and tracked else {}
    now = datetime.now(UTC)
    return [card(t, now.date(), now, scores.get(t.application.id)) for t in tracked]


async def _scores(db: AsyncSession, user: User, tracked: list[Tracked]) -> dict[str, int]:
    """Score per application id."""
    matching = MatchService(db)
    linked = await matching.generated_matches(
        user.id, [t.application.cv_file_id for t in tracked if t.application.cv_file_id]
    )
    scores = {
        t.application.id: linked[t.application.cv_file_id].analysis.score
        for t in tracked
        if t.application.cv_file_id in linked
    }
    rest = [t for t in tracked if t.application.id not in scores]
    sources = await matching.source_cvs(user) if rest else []
    if sources:
        by_offer = await matching.scores(sources[0], [t.offer for t in rest])
        scores.update(
            {t.application.id: by_offer[t.offer.id] for t in rest if t.offer.id in by_offer}
        )
    return scores


def columns(all_cards: list[Card]) -> list[tuple[str, list[Card]]]:
    """One column per status, in the order an application moves."""
    return [(str(s), [c for c in all_cards if c.status == s]) for s in ApplicationStatus]


def filtered(
    all_cards: list[Card], *, status: str = "", due: str = "", company: str = "", sort: str = ""
) -> list[Card]:
    """The list page: ``status``, follow-up ``due`` (any due, today, overdue), a ``company``
    substring (case-insensitive), then sorted (``recent`` keeps the most recently moved first)."""
    chosen = [c for c in all_cards if not status or c.status == status]
    if due:
        chosen = [
            c
            for c in chosen
            if c.follow_up_at is not None
            and c.status not in CLOSED
            and (
                (due == "due" and c.follow_up_at <= c.today)
                or (due == "today" and c.due_today)
                or (due == "overdue" and c.overdue)
            )
        ]
    if company.strip():
        needle = company.strip().casefold()
        chosen = [c for c in chosen if needle in c.company.casefold()]
    if sort == "follow_up":
        chosen.sort(key=lambda c: (c.follow_up_at is None, c.follow_up_at or c.today))
    elif sort == "company":
        chosen.sort(key=lambda c: (c.company.casefold(), c.title.casefold()))
    elif sort == "rating":
        chosen.sort(key=lambda c: -(c.rating or 0))
    return chosen


async def follow_ups_due(db: AsyncSession, user: User) -> list[Card]:
    """The dashboard's "to follow up": open applications whose follow-up is today or past,
    the most overdue first."""
    due = filtered(await cards(db, user, with_scores=False), due="due", sort="follow_up")
    return due


EXCERPT_CHARS = 700


def offer_excerpt(text: str, limit: int = EXCERPT_CHARS) -> tuple[str, bool]:
    """The start of the offer's text for the detail page, cut at the end of a paragraph, a
    sentence or at least a word (never mid-word), and whether anything was left out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n\n".join(part.strip() for part in text.strip().split("\n\n") if part.strip())
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    for mark in ("\n\n", ". ", "\n", " "):
        cut = head.rfind(mark)
        if cut >= limit // 2:
            return head[: cut + (1 if mark == ". " else 0)].rstrip() + " …", True
    return head.rstrip() + "…", True


def safe_link(url: str | None) -> str | None:
    """A web address to link to, or None (``javascript:`` and the like are never links)."""
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else None
