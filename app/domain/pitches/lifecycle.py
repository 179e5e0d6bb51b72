"""The pitch task declared once (``PITCH``, a row task: app/tasks/row_kind.py), read by its kind
(task_kind.py), the web's requests (requesting.py) and the worker's job (jobs/pitch_jobs.py).

Ended as every task's row is (app/tasks/task_rows.py): a pitch the worker has finished
meanwhile keeps its outcome, and a paid one is refunded exactly once. A pitch is free by default
(its cost is an admin setting, like the CV import's); its LLM calls count on the user's daily
budget (app/lib/llm/spend.py).
"""

from __future__ import annotations

from app.db.models import Pitch, PitchStatus
from app.db.models.status import TaskStatus
from app.job_names import Job
from app.lib.i18n import N_
from app.lib.refund_reasons import RefundReason
from app.tasks.row_kind import RowEnds, RowTask
from app.tasks.task_rows import TaskRow

PITCH_TASK_TYPE = "pitch"
PITCH_FEATURE = "pitch"  # the ledger's debit reason and feature_cost_pitch

# Stored on the pitch and its task as catalogue ids, shown translated.
PITCH_CANCELLED = N_("Pitch cancelled.")
PITCH_FAILED = N_("The pitch could not be written.")
PITCH_INPUT_GONE = N_("The CV of this pitch was deleted; nothing was written.")
PITCH_QUEUE_DOWN = N_("The job queue is unavailable; try again in a moment.")

PITCH = RowTask(
    TaskRow(
        Pitch,
        input_key="pitchId",
        job_prefix="pitch",
        ended={
            TaskStatus.COMPLETED: PitchStatus.COMPLETED,
            TaskStatus.FAILED: PitchStatus.FAILED,
            TaskStatus.CANCELLED: PitchStatus.CANCELLED,
        },
    ),
    job=Job.WRITE_PITCH,
    ends=RowEnds(
        cancelled=PITCH_CANCELLED,
        input_gone=PITCH_INPUT_GONE,
        failed=PITCH_FAILED,
        queue_down=PITCH_QUEUE_DOWN,
        refund_cancelled=RefundReason.PITCH_CANCELLED,
        refund_lost=RefundReason.PITCH_LOST,
        refund_failed=RefundReason.PITCH_FAILED,
        refund_not_queued=RefundReason.PITCH_NOT_QUEUED,
        give_up_as_failed=True,
    ),
)
job_id = PITCH.row.job_id
