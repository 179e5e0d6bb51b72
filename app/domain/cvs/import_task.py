"""How a CV import ends when it does not succeed: failed or cancelled, from the web (cancel, the
CV deleted, a queue that refuses the job), the worker (bad input, retries used up) or the
recovery sweep (its upload gone).

It claims the task first (app/tasks/lifecycle.py): an import the worker has finished meanwhile
keeps its outcome, and a paid one is refunded exactly once.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, CvFile
from app.db.models.status import TaskStatus
from app.lib.i18n import N_
from app.lib.refund_reasons import RefundReason
from app.tasks.lifecycle import claim, settle

IMPORT_CANCELLED = N_("Import cancelled.")


async def end_import(
    session: AsyncSession,
    task: BackgroundTask,
    cv: CvFile | None,
    *,
    status: TaskStatus,
    failure: dict[str, Any],
    refund_reason: RefundReason,
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
