"""Statistics of the tracker: applications per status, the response rate (any answer), the
interview rate, the median number of days an application stays in each status and the median
days from sending to a first answer (read from the history of moves).

An application counts as *sent* once it moved past *to apply*; it was sent on its ``applied_on``
date when the user set one, else on the day of that first move. A *reply* is the first move to
interview, offer, rejected or hired: the employer answered, yes or no.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import pairwise
from statistics import median

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Application, ApplicationStatus, ApplicationStatusChange
from app.domain.applications.services import ANSWERED

SECONDS_PER_DAY = 86400
# Every answer from the employer, a rejection included.
REPLIED = ANSWERED | {ApplicationStatus.REJECTED}


@dataclass(frozen=True, slots=True)
class Stats:
    per_status: dict[str, int]
    # Of the applications ever sent (applied or beyond), the share that reached an interview
    # or beyond (the interview rate); None before anything was sent.
    response_rate: float | None
    median_days: dict[str, float]  # status → median days spent in it (left moves only)
    sent: int = 0
    replied: int = 0  # sent applications that got an answer, a rejection included
    interviewed: int = 0  # sent applications that reached an interview or beyond
    # Median whole days from sending to the first answer, over the replies whose sending day
    # is known (an application moved straight from "to apply" to an answer has none).
    median_days_to_reply: float | None = None

    @property
    def reply_rate(self) -> float | None:
        return self.replied / self.sent if self.sent else None

    @property
    def interview_rate(self) -> float | None:
        return self.response_rate


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes (stored as UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def first_sent(history: Sequence[ApplicationStatusChange]) -> ApplicationStatusChange | None:
    """The move that took the application past *to apply*, if any."""
    return next((m for m in history if m.to_status != ApplicationStatus.TO_APPLY), None)


def first_reply(history: Sequence[ApplicationStatusChange]) -> ApplicationStatusChange | None:
    return next((m for m in history if m.to_status in REPLIED), None)


def sent_on(history: Sequence[ApplicationStatusChange], applied_on: date | None) -> date | None:
    """The day the application was sent: ``applied_on`` when set, else the day of its first
    move past *to apply*; None while it is still to apply."""
    move = first_sent(history)
    if move is None:
        return None
    return applied_on or _aware(move.at).date()


def days_to_reply(
    history: Sequence[ApplicationStatusChange], applied_on: date | None
) -> int | None:
    """Whole days from sending to the first answer; None without an answer, or when the
    sending day is not known apart from the answer's."""
    reply, sent = first_reply(history), first_sent(history)
    if reply is None or sent is None:
        return None
    if applied_on is None and reply is sent:
        return None
    start = applied_on or _aware(sent.at).date()
    return max((_aware(reply.at).date() - start).days, 0)


def compute(
    statuses: list[str],
    moves: dict[str, list[ApplicationStatusChange]],
    applied_on: Mapping[str, date | None] | None = None,
) -> Stats:
    """``moves``: each application's history, oldest first; ``applied_on``: the day the user
    said each was sent (application id → date)."""
    applied_on = applied_on or {}
    per_status = {str(status): 0 for status in ApplicationStatus}
    for status in statuses:
        per_status[status] = per_status.get(status, 0) + 1
    sent = answered = replied = 0
    durations: dict[str, list[float]] = defaultdict(list)
    waits: list[int] = []
    for application_id, history in moves.items():
        reached = {move.to_status for move in history}
        if reached - {ApplicationStatus.TO_APPLY}:
            sent += 1
            answered += bool(reached & ANSWERED)
            replied += bool(reached & REPLIED)
            wait = days_to_reply(history, applied_on.get(application_id))
            if wait is not None:
                waits.append(wait)
        for entered, left in pairwise(history):
            seconds = (_aware(left.at) - _aware(entered.at)).total_seconds()
            durations[entered.to_status].append(max(seconds, 0.0) / SECONDS_PER_DAY)
    return Stats(
        per_status=per_status,
        response_rate=answered / sent if sent else None,
        median_days={status: round(median(days), 1) for status, days in durations.items()},
        sent=sent,
        replied=replied,
        interviewed=answered,
        median_days_to_reply=float(median(waits)) if waits else None,
    )


async def histories(
    session: AsyncSession, user_id: str
) -> dict[str, list[ApplicationStatusChange]]:
    """Every application's moves, oldest first (application id → moves)."""
    rows = await session.scalars(
        select(ApplicationStatusChange)
        .join(Application, Application.id == ApplicationStatusChange.application_id)
        .where(Application.user_id == user_id)
        .order_by(ApplicationStatusChange.at, ApplicationStatusChange.id)
    )
    moves: dict[str, list[ApplicationStatusChange]] = defaultdict(list)
    for move in rows:
        moves[move.application_id].append(move)
    return moves


async def statistics(session: AsyncSession, user_id: str) -> Stats:
    rows = (
        await session.execute(
            select(Application.id, Application.status, Application.applied_on).where(
                Application.user_id == user_id
            )
        )
    ).all()
    moves = await histories(session, user_id)
    applied_on = {row.id: row.applied_on for row in rows}
    return compute([row.status for row in rows], moves, applied_on)
