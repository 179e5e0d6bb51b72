"""The CV import as a task kind (app/tasks/registry.py): its slot, its price, its cancel and
its recovery when the worker's queue lost its job."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, CvFile
from app.db.models.status import TaskStatus
from app.domain.cvs.import_task import IMPORT_CANCELLED, end_import
from app.domain.cvs.importing import IMPORT_JOB
from app.domain.cvs.services import IMPORT_SLOT_TYPE, IMPORT_TASK_TYPE
from app.events import CV_LIST_CHANGED, cv_list_changed
from app.lib.i18n import N_
from app.lib.problems import problem
from app.lib.refund_reasons import RefundReason
from app.tasks.input_row_kind import input_row_kind
from app.tasks.registry import Price

SOURCE_GONE = "The uploaded file is no longer available; import the CV again."


async def cancelled(session: AsyncSession, task: BackgroundTask, cv: CvFile | None) -> bool:
    """Cancelled for good: the CV shows it with the retry/delete options of a failed import,
    a paid import is refunded once, the slot freed."""
    failure = problem("cancelled", IMPORT_CANCELLED, "error")
    return await end_import(
        session,
        task,
        cv,
        status=TaskStatus.CANCELLED,
        failure=failure,
        refund_reason=RefundReason.IMPORT_CANCELLED,
    )


async def upload_gone(session: AsyncSession, task: BackgroundTask, cv: CvFile | None) -> bool:
    """Its upload is gone: failed with the reason, refunded, the slot freed."""
    failure = problem("source_missing", SOURCE_GONE, "error")
    # Words, not the task's type: the ledger shows it (app/lib/labels.py).
    refund = RefundReason.IMPORT_LOST
    return await end_import(
        session, task, cv, status=TaskStatus.FAILED, failure=failure, refund_reason=refund
    )


KIND = input_row_kind(
    task_type=IMPORT_TASK_TYPE,
    label=N_("CV import"),
    slot=IMPORT_SLOT_TYPE,
    price=Price(feature="import_pdf", default=0, description="Credits per CV import"),
    job=IMPORT_JOB,
    title_prefix="Import: ",
    model=CvFile,
    input_key="cvId",
    # The imported CV, unless the import was cancelled (the CV may be gone with it).
    page="/cvs/{id}",
    open_words=N_("Open the CV"),
    event=CV_LIST_CHANGED,
    payload=cv_list_changed,
    ready=lambda cv: bool(cv.original_bytes),
    cancelled=cancelled,
    input_gone=upload_gone,
)
