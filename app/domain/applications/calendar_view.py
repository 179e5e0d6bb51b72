"""The tracker's calendar: follow-ups, interviews and application deadlines on a month or a
week, each event leading to its application.

What the tracker stores decides the events: an open application's ``follow_up_at``; the day an
application moved to *interview* (its history of moves), or the interview's own day when an
employer's reply gave it (``interview_at``); and, for an offer still *to apply*, the deadline
its text states (``deadlines.py``).
Closed applications (rejected, hired) need no follow-up, as on the dashboard
(``view.CLOSED``). Weeks start on Monday (ISO 8601). The .ics export of the follow-ups is
``calendar.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import ApplicationStatus, ApplicationStatusChange
from app.domain.applications.deadlines import find_deadline
from app.domain.applications.services import Tracked, list_tracked
from app.domain.applications.stats import histories
from app.domain.applications.view import CLOSED
from app.domain.offers.services import display_title
from app.lib.html_time import local_time

FOLLOW_UP, INTERVIEW, DEADLINE = "follow_up", "interview", "deadline"
KINDS = (FOLLOW_UP, INTERVIEW, DEADLINE)  # also the order of a day's events
MONTH, WEEK = "month", "week"


@dataclass(frozen=True, slots=True)
class Event:
    day: date
    kind: str  # FOLLOW_UP, INTERVIEW or DEADLINE
    application_id: str
    title: str
    company: str
    overdue: bool = False  # a follow-up before today


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    in_period: bool  # False for the days of the weeks around a month
    today: bool
    events: list[Event]


@dataclass(frozen=True, slots=True)
class Period:
    """What the page shows: a month (``start`` its first day) or a week (``start`` its
    Monday), and the weeks of days that cover it."""

    view: str
    start: date
    end: date  # its last day
    weeks: list[list[Day]]

    @property
    def previous(self) -> date:
        return _add_months(self.start, -1) if self.view == MONTH else self.start - timedelta(7)

    @property
    def next(self) -> date:
        return _add_months(self.start, 1) if self.view == MONTH else self.start + timedelta(7)

    @property
    def days(self) -> list[Day]:
        """The period's own days, in order."""
        return [d for week in self.weeks for d in week if d.in_period]

    @property
    def event_count(self) -> int:
        return sum(len(d.events) for d in self.days)


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def parse_month(value: str) -> date | None:
    """``2030-03`` → 1 March 2030; None for anything else."""
    try:
        year, month = (int(part) for part in value.strip().split("-"))
        return date(year, month, 1)
    except ValueError:
        return None


def parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _dates(
    item: Tracked, moves: list[ApplicationStatusChange], today: date
) -> list[tuple[date, str]]:
    """The ``(day, kind)`` of one application's events."""
    application, offer = item.application, item.offer
    found = []
    if application.follow_up_at is not None and application.status not in CLOSED:
        found.append((application.follow_up_at, FOLLOW_UP))
    if application.interview_at is not None:
        # The day an employer's reply gave (app/domain/mailbox/), not the day the card moved.
        found.append((local_time(application.interview_at).date(), INTERVIEW))
    else:
        for move in moves:
            if move.to_status == ApplicationStatus.INTERVIEW:
                moment = move.at if move.at.tzinfo else move.at.replace(tzinfo=UTC)
                found.append((moment.date(), INTERVIEW))
    if application.status == ApplicationStatus.TO_APPLY:
        added = offer.created_at.date() if offer.created_at else today
        deadline = find_deadline(offer.description, added)
        if deadline is not None:
            found.append((deadline, DEADLINE))
    return found


def events(
    tracked: list[Tracked],
    moves: dict[str, list[ApplicationStatusChange]],
    today: date,
) -> list[Event]:
    """Every event of the user's applications, in date order."""
    found = [
        Event(
            day,
            kind,
            item.application.id,
            display_title(item.offer),
            item.offer.company,
            overdue=kind == FOLLOW_UP and day < today,
        )
        for item in tracked
        for day, kind in _dates(item, moves.get(item.application.id, []), today)
    ]
    return sorted(found, key=lambda e: (e.day, KINDS.index(e.kind), e.title.casefold()))


def period(view: str, anchor: date, all_events: list[Event], today: date) -> Period:
    """The month of ``anchor`` (``MONTH``) or its week (``WEEK``), with its events."""
    by_day: dict[date, list[Event]] = {}
    for event in all_events:
        by_day.setdefault(event.day, []).append(event)
    if view == WEEK:
        start = week_start(anchor)
        end = start + timedelta(days=6)
        first, last = start, end
    else:
        start = anchor.replace(day=1)
        end = _add_months(start, 1) - timedelta(days=1)
        first, last = week_start(start), week_start(end) + timedelta(days=6)
    weeks: list[list[Day]] = []
    day = first
    while day <= last:
        week = []
        for _ in range(7):
            week.append(Day(day, start <= day <= end, day == today, by_day.get(day, [])))
            day += timedelta(days=1)
        weeks.append(week)
    return Period(view, start, end, weeks)


async def calendar(
    session: AsyncSession, user_id: str, view: str, anchor: date, today: date
) -> Period:
    """The user's month or week around ``anchor`` with its events."""
    tracked = await list_tracked(session, user_id)
    found = events(tracked, await histories(session, user_id), today)
    return period(view, anchor, found, today)
