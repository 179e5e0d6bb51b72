"""The cover-letter task declared once (``LETTER``, a row task: app/tasks/row_kind.py), read by
its kind (task_kind.py), the web's requests (requesting.py) and the worker's job
(jobs/cover_letters.py).

Ended as every task's row is (app/tasks/task_rows.py): a letter the worker has finished
meanwhile keeps its outcome, and a paid one is refunded exactly once.
"""

from __future__ import annotations

from typing import Any

from app.db.models import CoverLetter
from app.db.models.cover_letter import LetterStatus
from app.events import COVER_LETTER_UPDATED, cover_letter_updated
from app.job_names import Job
from app.lib.errors import Conflict
from app.lib.events import Publisher, publish_event
from app.lib.i18n import N_
from app.lib.refund_reasons import RefundReason
from app.tasks.row_kind import RowEnds, RowTask
from app.tasks.task_rows import TaskRow, same_names

LETTER_TASK_TYPE = "cover_letter"
LETTER_SLOT = "cover_letter"
LETTER_FEATURE = "cover_letter"  # the ledger's debit reason and feature_cost_cover_letter

# Stored on the letter and its task as catalogue ids, shown translated (app/lib/labels.py).
LETTER_NO_CREDITS = N_("Your credit balance was too low to write this letter.")
LETTER_QUEUE_DOWN = N_("The job queue is unavailable; try again in a moment.")
NOT_READY = N_("The letter is not written yet: wait for it to finish.")


def require_completed(letter: CoverLetter) -> None:
    """Edits and downloads need a written letter (409 while it is pending, failed…)."""
    if letter.status != LetterStatus.COMPLETED:
        raise Conflict(NOT_READY, code="letter.not_ready")


async def announce(publisher: Publisher, letter: CoverLetter) -> None:
    """Tell the user's tabs a letter changed (after the commit)."""
    await publish_event(
        publisher,
        letter.user_id,
        COVER_LETTER_UPDATED,
        cover_letter_updated(letter.id, str(letter.status)),
    )


def event_of(letter_id: str, status: str) -> tuple[str, dict[str, Any]]:
    return COVER_LETTER_UPDATED, cover_letter_updated(letter_id, status)


LETTER = RowTask(
    TaskRow(
        CoverLetter,
        input_key="letterId",
        job_prefix="coverletter",
        ended=same_names(LetterStatus),
    ),
    job=Job.WRITE_COVER_LETTER,
    ends=RowEnds(
        cancelled=N_("Letter cancelled."),
        input_gone=N_("The CV or the job offer of this letter was deleted; nothing was written."),
        failed=N_("The letter could not be written; any credits it took were refunded."),
        queue_down=LETTER_QUEUE_DOWN,
        refund_cancelled=RefundReason.LETTER_CANCELLED,
        refund_lost=RefundReason.LETTER_LOST,
        refund_failed=RefundReason.LETTER_FAILED,
        refund_not_queued=RefundReason.LETTER_NOT_QUEUED,
    ),
    announce=announce,
    event=event_of,
)
job_id = LETTER.row.job_id
