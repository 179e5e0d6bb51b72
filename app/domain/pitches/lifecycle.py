"""The pitch task declared once (``PITCH``, a row task: app/tasks/row_kind.py), read by its kind
(task_kind.py), the web's requests (requesting.py) and the worker's job (jobs/pitch_jobs.py).

Ended as every task's row is (app/tasks/task_rows.py): a pitch the worker has finished
meanwhile keeps its outcome, and a paid one is refunded exactly once. A pitch is free by default
(its cost is an admin setting, like the CV import's); its LLM calls count on the user's daily
budget (app/lib/llm/spend.py).
"""

from __future__ import annotations

from app.db.models import Pitch, PitchStatus
from app.job_names import Job
from app.lib.i18n import N_
from app.lib.refund_reasons import RefundReason
from app.tasks.row_kind import RowEnds, RowTask
from app.tasks.task_rows import TaskRow, same_names

PITCH_TASK_TYPE = "pitch"
PITCH_FEATURE = "pitch"  # the ledger's debit reason and feature_cost_pitch

# Each end's words are stored on the pitch and its task as catalogue ids, shown translated.
PITCH_INPUT_GONE = N_("The CV of this pitch was deleted; nothing was written.")

PITCH = RowTask(
    TaskRow(Pitch, input_key="pitchId", job_prefix="pitch", ended=same_names(PitchStatus)),
    job=Job.WRITE_PITCH,
    ends=RowEnds(
        cancelled=N_("Pitch cancelled."),
        input_gone=PITCH_INPUT_GONE,
        failed=N_("The pitch could not be written."),
        queue_down=N_("The job queue is unavailable; try again in a moment."),
        refund_cancelled=RefundReason.PITCH_CANCELLED,
        refund_lost=RefundReason.PITCH_LOST,
        refund_failed=RefundReason.PITCH_FAILED,
        refund_not_queued=RefundReason.PITCH_NOT_QUEUED,
        give_up_as_failed=True,
    ),
)
job_id = PITCH.row.job_id
