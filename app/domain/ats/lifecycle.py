"""The names and the end of an ATS check task, shared by its kind (task_kind.py), the web's
requests (requesting.py) and the worker's job (jobs/ats_check.py).

Found and ended as every task's row is (app/tasks/task_rows.py): a check the worker has finished
meanwhile keeps its outcome. Checks are free (no price), so nothing is refunded.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import AtsCheck, AtsCheckStatus, BackgroundTask
from app.db.models.status import TaskStatus
from app.job_names import Job
from app.lib.i18n import N_
from app.lib.refund_reasons import NO_REFUND  # checks are free: nothing to give back
from app.tasks.task_rows import TaskRow

ATS_TASK_TYPE = "ats_check"
ATS_JOB = Job.RUN_ATS_CHECK

# Stored on the check and its task as catalogue ids, shown translated.
ATS_CANCELLED = N_("ATS check cancelled.")
ATS_FAILED = N_("The ATS check failed unexpectedly; try again.")
ATS_INPUT_GONE = N_("The file or the CV of this ATS check is gone; nothing was checked.")
ATS_QUEUE_DOWN = N_("The job queue is unavailable; try again in a moment.")

_CHECK = TaskRow(
    AtsCheck,
    input_key="checkId",
    job_prefix="ats",
    ended={
        TaskStatus.FAILED: AtsCheckStatus.FAILED,
        TaskStatus.CANCELLED: AtsCheckStatus.CANCELLED,
    },
)
job_id = _CHECK.job_id
check_id_of = _CHECK.row_id_of
check_of = _CHECK.row_of


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
    return await _CHECK.end(
        session, task, check, status=status, message=message, refund_reason=NO_REFUND
    )
