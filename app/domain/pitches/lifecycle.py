"""The names and the end of a pitch task, shared by its kind (task_kind.py), the web's requests
(requesting.py) and the worker's job (jobs/pitch_jobs.py).

Ending claims the task first (app/tasks/lifecycle.py): a pitch the worker has finished
meanwhile keeps its outcome, and a paid one is refunded exactly once. A pitch is free by default
(its cost is an admin setting, like the CV import's); its LLM calls count on the user's daily
budget (app/lib/llm/spend.py).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, Pitch, PitchStatus
from app.db.models.status import TaskStatus
from app.lib.i18n import N_
from app.tasks.lifecycle import claim, settle

PITCH_TASK_TYPE = "pitch"
PITCH_JOB = "write_pitch"
PITCH_FEATURE = "pitch"  # the ledger's debit reason and feature_cost_pitch

# Stored on the pitch and its task as catalogue ids, shown translated.
PITCH_CANCELLED = N_("Pitch cancelled.")
PITCH_FAILED = N_("The pitch could not be written.")
PITCH_INPUT_GONE = N_("The CV of this pitch was deleted; nothing was written.")
PITCH_QUEUE_DOWN = N_("The job queue is unavailable; try again in a moment.")

REFUND_FAILED = "Refund: pitch failed"
REFUND_CANCELLED = "Refund: pitch cancelled"
REFUND_LOST = "Refund: pitch could not run"
REFUND_NOT_QUEUED = "Refund: pitch could not be queued"

_PITCH_END = {TaskStatus.FAILED: PitchStatus.FAILED, TaskStatus.CANCELLED: PitchStatus.CANCELLED}


def job_id(task_id: str) -> str:
    return f"pitch:{task_id}"


def pitch_id_of(task: BackgroundTask) -> str:
    return task.input_id("pitchId")


async def pitch_of(session: AsyncSession, task: BackgroundTask) -> Pitch | None:
    pitch_id = pitch_id_of(task)
    return await session.get(Pitch, pitch_id) if pitch_id else None


async def end_pitch(
    session: AsyncSession,
    task: BackgroundTask,
    pitch: Pitch | None,
    *,
    status: TaskStatus,
    message: str,
    refund_reason: str,
) -> bool:
    """End an open pitch task as failed or cancelled in the caller's transaction (a paid one
    refunded once); False, and nothing written, when the task had already ended."""
    if not await claim(session, task.id):
        return False
    if pitch is not None:
        pitch.status = _PITCH_END[status]
        pitch.error = message
    await settle(session, task, status=status, error=message, refund_reason=refund_reason)
    return True
