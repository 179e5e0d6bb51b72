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
from app.tasks.registry import Ended, LostInput, Price, Recovery, TaskKind

SOURCE_GONE = "The uploaded file is no longer available; import the CV again."


async def _cv_of(session: AsyncSession, task: BackgroundTask) -> tuple[str, CvFile | None]:
    cv_id = task.input_id("cvId")
    return cv_id, await session.get(CvFile, cv_id) if cv_id else None


def _ended(cv_id: str) -> Ended:
    return Ended(events=((CV_LIST_CHANGED, cv_list_changed(cv_id)),) if cv_id else ())


def link(task: BackgroundTask) -> tuple[str, str] | None:
    """The imported CV, unless the import was cancelled (the CV may be gone with it)."""
    if task.status == TaskStatus.CANCELLED:
        return None
    cv_id = (task.result or {}).get("cvId") or task.input_id("cvId")
    return (f"/cvs/{cv_id}", N_("Open the CV")) if cv_id else None


async def cancel(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    """Cancelled for good: the CV shows it with the retry/delete options of a failed import,
    a paid import is refunded once, the slot freed."""
    cv_id, cv = await _cv_of(session, task)
    ended = await end_import(
        session,
        task,
        cv,
        status=TaskStatus.CANCELLED,
        failure=problem("cancelled", IMPORT_CANCELLED, "error"),
        refund_reason=RefundReason.IMPORT_CANCELLED,
    )
    return _ended(cv_id) if ended else None


async def find_input(session: AsyncSession, task: BackgroundTask) -> LostInput:
    cv_id, cv = await _cv_of(session, task)
    present = cv is not None and bool(cv.original_bytes)
    return LostInput(job_args=(cv_id, task.id) if present else None)


async def fail_lost(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    """Its upload is gone: failed with the reason, refunded, the slot freed."""
    cv_id, cv = await _cv_of(session, task)
    ended = await end_import(
        session,
        task,
        cv,
        status=TaskStatus.FAILED,
        failure=problem("source_missing", SOURCE_GONE, "error"),
        # Words, not the task's type: the ledger shows it (app/lib/labels.py).
        refund_reason=RefundReason.IMPORT_LOST,
    )
    return _ended(cv_id) if ended else None


KIND = TaskKind(
    type=IMPORT_TASK_TYPE,
    label=N_("CV import"),
    slot=IMPORT_SLOT_TYPE,
    price=Price(feature="import_pdf", default=0, description="Credits per CV import"),
    cancel=cancel,
    recovery=Recovery(job=IMPORT_JOB, find_input=find_input, fail_lost=fail_lost),
    link=link,
    title_prefix="Import: ",
)
