"""The names and the end of an ATS check task, shared by its kind (task_kind.py), the web's
requests (requesting.py) and the worker's job (jobs/ats_check.py).

Ending claims the task first (app/tasks/lifecycle.py): a check the worker has finished
meanwhile keeps its outcome. Checks are free (no price), so nothing is refunded.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import AtsCheck, AtsCheckStatus, BackgroundTask
from app.db.models.status import TaskStatus
from app.lib.i18n import N_
from app.tasks.lifecycle import claim, settle

ATS_TASK_TYPE = "ats_check"
ATS_JOB = "run_ats_check"

# Stored on the check and its task as catalogue ids, shown translated.
ATS_CANCELLED = N_("ATS check cancelled.")
ATS_FAILED = N_("The ATS check failed unexpectedly; try again.")
ATS_INPUT_GONE = N_("The file or the CV of this ATS check is gone; nothing was checked.")
ATS_QUEUE_DOWN = N_("The job queue is unavailable; try again in a moment.")
NO_REFUND = ""  # checks are free: nothing to give back, no reason to word

_CHECK_END = {
    TaskStatus.FAILED: AtsCheckStatus.FAILED,
    TaskStatus.CANCELLED: AtsCheckStatus.CANCELLED,
}


def job_id(task_id: str) -> str:
    return f"ats:{task_id}"


def check_id_of(task: BackgroundTask) -> str:
    return task.input_id("checkId")


async def check_of(session: AsyncSession, task: BackgroundTask) -> AtsCheck | None:
    check_id = check_id_of(task)
    return await session.get(AtsCheck, check_id) if check_id else None


async def end_check(
    session: AsyncSession,
    task: BackgroundTask,
    check: AtsCheck | None,
    *,
    status: TaskStatus,
    message: str,
) -> bool:
    """End an open check as failed or cancelled in the caller's transaction; False, and
    nothing written, when the task had already ended."""
    if not await claim(session, task.id):
        return False
    if check is not None:
        check.status = _CHECK_END[status]
        check.error = message
    await settle(session, task, status=status, error=message, refund_reason=NO_REFUND)
    return True
