"""The pitch as a task kind (app/tasks/registry.py): no slot (a 30-second and a 3-minute pitch
may be written together: limits.py caps how many at once and per day instead), its price (free
by default), its cancel and its recovery when the worker's queue lost its job."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.status import TaskStatus
from app.domain.pitches.lifecycle import (
    PITCH_CANCELLED,
    PITCH_FEATURE,
    PITCH_INPUT_GONE,
    PITCH_JOB,
    PITCH_TASK_TYPE,
    REFUND_CANCELLED,
    REFUND_FAILED,
    REFUND_LOST,
    end_pitch,
    pitch_id_of,
    pitch_of,
)
from app.lib.i18n import N_
from app.tasks.registry import Ended, LostInput, Price, Recovery, TaskKind


def link(task: BackgroundTask) -> tuple[str, str] | None:
    if task.status == TaskStatus.CANCELLED:
        return None
    pitch_id = pitch_id_of(task)
    return (f"/pitches/{pitch_id}", N_("Open the pitch")) if pitch_id else None


async def cancel(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    pitch = await pitch_of(session, task)
    ended = await end_pitch(
        session,
        task,
        pitch,
        status=TaskStatus.CANCELLED,
        message=PITCH_CANCELLED,
        refund_reason=REFUND_CANCELLED,
    )
    return Ended() if ended else None


async def find_input(session: AsyncSession, task: BackgroundTask) -> LostInput:
    pitch = await pitch_of(session, task)
    present = pitch is not None and pitch.cv_file_id is not None
    return LostInput(job_args=(pitch_id_of(task), task.id) if present else None)


async def fail_lost(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    pitch = await pitch_of(session, task)
    ended = await end_pitch(
        session,
        task,
        pitch,
        status=TaskStatus.FAILED,
        message=PITCH_INPUT_GONE,
        refund_reason=REFUND_LOST,
    )
    return Ended() if ended else None


async def give_up(session: AsyncSession, task: BackgroundTask, message: str) -> Ended | None:
    """Recovered too often (app/tasks/recovery.py): failed with the kernel's reason, refunded."""
    pitch = await pitch_of(session, task)
    ended = await end_pitch(
        session,
        task,
        pitch,
        status=TaskStatus.FAILED,
        message=message,
        refund_reason=REFUND_FAILED,
    )
    return Ended() if ended else None


KIND = TaskKind(
    type=PITCH_TASK_TYPE,
    label=N_("Pitch writing"),
    slot=None,
    price=Price(feature=PITCH_FEATURE, default=0, description="Credits per pitch"),
    cancel=cancel,
    recovery=Recovery(job=PITCH_JOB, find_input=find_input, fail_lost=fail_lost, give_up=give_up),
    link=link,
    title_prefix="Pitch — ",
    # A ceiling whatever the admin sets the feature's own limit to (app/domain/pitches/limits.py).
    open_cap=20,
)
