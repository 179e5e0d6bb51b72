"""How long one offer takes to tailor, measured: the "about N s left" of a generation comes from
runs that finished, never from a constant. The offline engine takes seconds an offer, an LLM
endpoint tens of seconds, and the same endpoint can change speed: so the recent finished runs
of the same engine are measured, run by run (from its start to its end, over its offers: the
time a user waits, queue included), and their median taken."""

from __future__ import annotations

from statistics import median

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvGenerationTask
from app.db.models.status import GenerationStatus

RECENT_RUNS = 20  # enough to smooth one slow run, few enough to follow a change of endpoint
SCANNED_RUNS = 200  # finished runs read to find RECENT_RUNS of the engine asked for


def engine_of(task: CvGenerationTask) -> str:
    """The engine the run was started with ("llm" or "offline"; "" for runs started before it
    was recorded)."""
    return str((task.payload or {}).get("engine") or "")


def run_seconds_per_offer(task: CvGenerationTask) -> float | None:
    if not (task.completed_at and task.created_at and task.completed_offers):
        return None
    elapsed = (task.completed_at - task.created_at).total_seconds()
    return max(0.5, elapsed / task.completed_offers) if elapsed >= 0 else None


async def measured_seconds_per_offer(session: AsyncSession, engine: str) -> float | None:
    """The median seconds an offer took in the recent completed runs of ``engine`` (every
    user's: the engine is the server's); None when no such run finished yet."""
    rows = await session.scalars(
        select(CvGenerationTask)
        .where(
            CvGenerationTask.status == GenerationStatus.COMPLETED,
            CvGenerationTask.completed_at.is_not(None),
        )
        .order_by(CvGenerationTask.completed_at.desc())
        .limit(SCANNED_RUNS)
    )
    durations: list[float] = []
    for task in rows:
        seconds = run_seconds_per_offer(task) if engine_of(task) == engine else None
        if seconds is not None:
            durations.append(seconds)
        if len(durations) == RECENT_RUNS:
            break
    return median(durations) if durations else None
