"""End states of input tasks (CV imports, offer extractions), shared by the web (cancel, delete,
a queue that refuses the job), the worker (progress, success, failure) and the recovery sweep.

Every write to such a task starts by *claiming* it: one conditional UPDATE that matches only a
task still queued or running. It is the first write of its transaction, so it takes the row
lock (PostgreSQL) before anything else and a cancel racing the worker's save is serialised on
that row: whoever commits first wins, the other finds the task settled and writes nothing. That
is what keeps a cancelled import cancelled and refunds a paid one exactly once.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, CvFile, JobOffer
from app.db.models.background_task import OPEN_STATUSES
from app.db.models.base import now_ms
from app.domain.cvs.billing import refund_charge
from app.domain.generation.slots import release_slot
from app.lib.i18n import N_

IMPORT_CANCELLED = N_("Import cancelled.")
EXTRACTION_CANCELLED = N_(
    "Extraction cancelled; the offer text is kept and its fields can be filled in by hand."
)


class TaskSettled(Exception):
    """The task was settled elsewhere meanwhile (cancelled, its CV deleted): stop quietly."""


async def claim(session: AsyncSession, task_id: str) -> bool:
    """Lock the task for this transaction if it is still open; False when it is settled.

    No autoflush: changes already made to the CV or offer must be written *after* the claim,
    or a cancel (task row, then CV row) and the worker (CV row, then task row) could deadlock.
    """
    with session.no_autoflush:
        result = await session.execute(
            update(BackgroundTask)
            .where(BackgroundTask.id == task_id, BackgroundTask.status.in_(OPEN_STATUSES))
            .values(updated_at=now_ms())
            .execution_options(synchronize_session=False)
        )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


async def settle(
    session: AsyncSession, task: BackgroundTask, *, status: str, error: str, refund_reason: str
) -> None:
    """Record the end of a task claimed in this transaction: its charge refunded, its slot
    freed, the outcome on the row. The caller commits and publishes (``save_and_publish``)."""
    await refund_charge(
        session, task.user_id, (task.progress or {}).get("creditTransactionId"), refund_reason
    )
    await release_slot(session, task.id)
    task.status = status
    task.error = error
    task.progress = {**(task.progress or {}), "step": status, "percent": 100}
    task.updated_at = now_ms()


async def end_import(
    session: AsyncSession,
    task: BackgroundTask,
    cv: CvFile | None,
    *,
    status: str,
    failure: dict[str, Any],
    refund_reason: str,
) -> bool:
    """End an open import as failed or cancelled: the CV (if still there) shows ``failure`` with
    the retry/delete options of a failed import. False, and nothing written, if it was over."""
    if not await claim(session, task.id):
        return False
    if cv is not None:
        cv.extraction_status = "failed"
        cv.extraction_errors = [failure]
    await settle(
        session, task, status=status, error=str(failure["message"]), refund_reason=refund_reason
    )
    return True


async def end_offer_extraction(
    session: AsyncSession,
    task: BackgroundTask,
    offer: JobOffer | None,
    *,
    status: str,
    message: str,
    refund_reason: str,
) -> bool:
    """The same for an offer extraction: the offer keeps its text, its fields stay editable."""
    if not await claim(session, task.id):
        return False
    if offer is not None:
        offer.extraction_status = "failed"
        offer.extraction_error = message
    await settle(session, task, status=status, error=message, refund_reason=refund_reason)
    return True
