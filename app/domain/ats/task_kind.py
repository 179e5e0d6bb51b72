"""The ATS check as a task kind (app/tasks/registry.py): no slot (a check of a tailored CV may
start beside an import: limits.py caps how many at once and per day instead), free, its cancel
and its recovery when the worker's queue lost its job."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.status import TaskStatus
from app.domain.ats.lifecycle import (
    ATS_CANCELLED,
    ATS_INPUT_GONE,
    ATS_JOB,
    ATS_TASK_TYPE,
    check_id_of,
    check_of,
    end_check,
)
from app.domain.ats.limits import AT_ONCE
from app.lib.i18n import N_
from app.tasks.registry import Ended, LostInput, Recovery, TaskKind


def link(task: BackgroundTask) -> tuple[str, str] | None:
    if task.status == TaskStatus.CANCELLED:
        return None
    check_id = check_id_of(task)
    return (f"/ats/{check_id}", N_("Open the ATS check")) if check_id else None


async def cancel(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    check = await check_of(session, task)
    ended = await end_check(
        session, task, check, status=TaskStatus.CANCELLED, message=ATS_CANCELLED
    )
    return Ended() if ended else None


async def find_input(session: AsyncSession, task: BackgroundTask) -> LostInput:
    """An upload needs its bytes, a tailored CV its row (the worker renders it again)."""
    check = await check_of(session, task)
    present = check is not None and (check.pdf is not None or check.cv_file_id is not None)
    return LostInput(job_args=(check_id_of(task), task.id) if present else None)


async def fail_lost(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    check = await check_of(session, task)
    ended = await end_check(session, task, check, status=TaskStatus.FAILED, message=ATS_INPUT_GONE)
    return Ended() if ended else None


async def give_up(session: AsyncSession, task: BackgroundTask, message: str) -> Ended | None:
    """Recovered too often (app/tasks/recovery.py): failed with the kernel's reason."""
    check = await check_of(session, task)
    ended = await end_check(session, task, check, status=TaskStatus.FAILED, message=message)
    return Ended() if ended else None


KIND = TaskKind(
    type=ATS_TASK_TYPE,
    label=N_("ATS check"),
    slot=None,
    price=None,
    cancel=cancel,
    recovery=Recovery(job=ATS_JOB, find_input=find_input, fail_lost=fail_lost, give_up=give_up),
    link=link,
    title_prefix="ATS check: ",
    # The kernel's bound (app/tasks/lifecycle.py ``reserve``); limits.py refuses first, in the
    # feature's words, and counts the day.
    open_cap=AT_ONCE,
)
