"""The names and the ends of an ATS check task, declared once as a row task
(app/tasks/row_kind.py) and shared by its kind (task_kind.py), the web's requests
(requesting.py) and the worker's job (jobs/ats_check.py).

Found and ended as every task's row is (app/tasks/task_rows.py): a check the worker has finished
meanwhile keeps its outcome. Checks are free (no price), so nothing is refunded.
"""

from __future__ import annotations

from app.db.models import AtsCheck, AtsCheckStatus
from app.job_names import Job
from app.lib.i18n import N_
from app.lib.refund_reasons import NO_REFUND  # checks are free: nothing to give back
from app.tasks.row_kind import RowEnds, RowTask
from app.tasks.task_rows import TaskRow, same_names

ATS_TASK_TYPE = "ats_check"
ATS_JOB = Job.RUN_ATS_CHECK

# Stored on the check and its task as catalogue ids, shown translated.
ATS_CANCELLED = N_("ATS check cancelled.")
ATS_FAILED = N_("The ATS check failed unexpectedly; try again.")
ATS_INPUT_GONE = N_("The file or the CV of this ATS check is gone; nothing was checked.")
ATS_QUEUE_DOWN = N_("The job queue is unavailable; try again in a moment.")

CHECK = RowTask(
    TaskRow(AtsCheck, input_key="checkId", job_prefix="ats", ended=same_names(AtsCheckStatus)),
    job=ATS_JOB,
    ends=RowEnds(
        cancelled=ATS_CANCELLED,
        input_gone=ATS_INPUT_GONE,
        failed=ATS_FAILED,
        queue_down=ATS_QUEUE_DOWN,
        refund_cancelled=NO_REFUND,
        refund_lost=NO_REFUND,
        refund_failed=NO_REFUND,
        refund_not_queued=NO_REFUND,
        # Recovered too often: failed with the kernel's reason (app/tasks/recovery.py).
        give_up_as_failed=True,
    ),
)
