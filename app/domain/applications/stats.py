"""Statistics of the tracker: applications per status, the response rate, and the median number
of days an application stays in each status (read from the history of moves)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from statistics import median

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Application, ApplicationStatus, ApplicationStatusChange
from app.domain.applications.services import ANSWERED

SECONDS_PER_DAY = 86400


@dataclass(frozen=True, slots=True)
class Stats:
    per_status: dict[str, int]
    # Of the applications ever sent (applied or beyond), the share that reached an interview
    # or beyond; None before anything was sent.
    response_rate: float | None
    median_days: dict[str, float]  # status → median days spent in it (left moves only)


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes (stored as UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def compute(statuses: list[str], moves: dict[str, list[ApplicationStatusChange]]) -> Stats:
    per_status = {str(status): 0 for status in ApplicationStatus}
    for status in statuses:
        per_status[status] = per_status.get(status, 0) + 1
    sent = answered = 0
    durations: dict[str, list[float]] = defaultdict(list)
    for history in moves.values():
        reached = {move.to_status for move in history}
        if reached - {ApplicationStatus.TO_APPLY}:
            sent += 1
            answered += bool(reached & ANSWERED)
        for entered, left in pairwise(history):
            seconds = (_aware(left.at) - _aware(entered.at)).total_seconds()
            durations[entered.to_status].append(max(seconds, 0.0) / SECONDS_PER_DAY)
    return Stats(
        per_status=per_status,
        response_rate=answered / sent if sent else None,
        median_days={status: round(median(days), 1) for status, days in durations.items()},
    )


async def statistics(session: AsyncSession, user_id: str) -> Stats:
    statuses = list(
        await session.scalars(select(Application.status).where(Application.user_id == user_id))
    )
    rows = await session.scalars(
        select(ApplicationStatusChange)
        .join(Application, Application.id == ApplicationStatusChange.application_id)
        .where(Application.user_id == user_id)
        .order_by(ApplicationStatusChange.at, ApplicationStatusChange.id)
    )
    moves: dict[str, list[ApplicationStatusChange]] = defaultdict(list)
    for move in rows:
        moves[move.application_id].append(move)
    return compute(statuses, moves)
