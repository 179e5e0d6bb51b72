"""How an offer extraction ends when it does not succeed: failed or cancelled, from the web
(cancel, the offer deleted), the worker or the recovery sweep. The offer keeps its text and its
fields stay editable by hand.

It claims the task first (app/tasks/lifecycle.py): an extraction the worker has finished
meanwhile keeps its outcome, and a paid one is refunded exactly once.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, JobOffer
from app.db.models.status import TaskStatus
from app.lib.i18n import N_
from app.lib.refund_reasons import RefundReason
from app.tasks.lifecycle import claim, settle

EXTRACTION_FAILED = N_(
    "The extraction failed; the offer text is kept and its fields can be filled in by hand."
)
EXTRACTION_CANCELLED = N_(
    "Extraction cancelled; the offer text is kept and its fields can be filled in by hand."
)


async def end_offer_extraction(
    session: AsyncSession,
    task: BackgroundTask,
    offer: JobOffer | None,
    *,
    status: TaskStatus,
    message: str,
    refund_reason: RefundReason,
) -> bool:
    """End an open extraction as failed or cancelled; False, nothing written, if it was over."""
    if not await claim(session, task.id):
        return False
    if offer is not None:
        offer.extraction_status = "failed"
        offer.extraction_error = message
    await settle(session, task, status=status, error=message, refund_reason=refund_reason)
    return True
