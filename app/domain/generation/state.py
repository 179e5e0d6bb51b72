"""Generation state transitions shared by the web (cancel) and the worker (start, fail, finish).

Each transition is one conditional UPDATE plus its ledger entry in the same transaction, so a
repeated or concurrent call (crash re-run, cancel racing completion) never refunds twice. The
generation's status moves only through ``set_status``, which moves its task-centre row with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.credits.ledger import refund
from app.db.models import (
    BackgroundTask,
    CvGenerationOffer,
    CvGenerationSubtask,
    CvGenerationTask,
)
from app.db.models.base import now_ms, utcnow
from app.db.models.status import (
    GENERATION_FINISHED,
    OFFER_FINISHED,
    SUBTASK_OPEN,
    GenerationStatus,
    OfferStatus,
    SubtaskStatus,
    task_status_of,
)
from app.events import GENERATION_CANCELLED
from app.lib.i18n import N_
from app.lib.refund_reasons import RefundReason
from app.tasks.registry import Ended
from app.tasks.slots import release_slot


def cost_per_offer(task: CvGenerationTask) -> int:
    return int((task.payload or {}).get("costPerOffer", 1))


async def _refund_offers(
    session: AsyncSession, task: CvGenerationTask, offer_ids: list[str], reason: RefundReason
) -> int:
    cost = cost_per_offer(task)
    if cost <= 0 or not task.credit_transaction_id:
        return 0
    for offer_id in offer_ids:
        await refund(
            session,
            task.user_id,
            cost,
            reason,
            task.credit_transaction_id,
            {"taskId": task.id, "offerId": offer_id},
        )
    return cost * len(offer_ids)


async def fail_offer(
    session: AsyncSession,
    task: CvGenerationTask,
    offer_id: str,
    error: str,
    failure: dict[str, Any] | None = None,
) -> tuple[bool, int]:
    """Mark one offer failed and refund it: (changed, credits refunded); no-op if already final.

    ``failure`` (app/domain/generation/failures.py) is the error as a code and values, kept in
    the offer's ``batch_results`` so pages can show it in the reader's language."""
    values: dict[str, Any] = {
        "status": OfferStatus.FAILED,
        "error": error[:2000],
        "completed_at": utcnow(),
    }
    if failure is not None:
        kept = await session.scalar(
            select(CvGenerationOffer.batch_results).where(CvGenerationOffer.id == offer_id)
        )
        values["batch_results"] = {**(kept or {}), "failure": failure}
    result = await session.execute(
        update(CvGenerationOffer)
        .where(CvGenerationOffer.id == offer_id, CvGenerationOffer.status.not_in(OFFER_FINISHED))
        .values(**values)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return False, 0
    return True, await _refund_offers(session, task, [offer_id], RefundReason.GENERATION_FAILED)


async def fail_unfinished(
    session: AsyncSession, task: CvGenerationTask, failure: dict[str, Any]
) -> list[tuple[CvGenerationOffer, int]]:
    """Fail (and refund, once each) every offer not finished yet; finished ones stay as they
    are. Subtasks left running are closed. Returns the offers this call failed, with refunds."""
    offers = list(
        await session.scalars(
            select(CvGenerationOffer)
            .where(
                CvGenerationOffer.task_id == task.id,
                CvGenerationOffer.status.not_in(OFFER_FINISHED),
            )
            .order_by(CvGenerationOffer.offer_index)
        )
    )
    failed: list[tuple[CvGenerationOffer, int]] = []
    for offer in offers:
        changed, refunded = await fail_offer(
            session, task, offer.id, str(failure["message"]), failure
        )
        if changed:
            failed.append((offer, refunded))
    await session.execute(
        update(CvGenerationSubtask)
        .where(
            CvGenerationSubtask.task_id == task.id,
            CvGenerationSubtask.status.in_(SUBTASK_OPEN),
        )
        .values(status=SubtaskStatus.FAILED, error=str(failure["message"])[:2000])
    )
    return failed


async def cancel_task(session: AsyncSession, task: CvGenerationTask) -> int:
    """Cancel the task and refund every offer not finished yet; returns credits refunded."""
    if task.status in GENERATION_FINISHED:
        return 0
    pending = list(
        await session.scalars(
            select(CvGenerationOffer.id).where(
                CvGenerationOffer.task_id == task.id,
                CvGenerationOffer.status.not_in(OFFER_FINISHED),
            )
        )
    )
    if pending:
        await session.execute(
            update(CvGenerationOffer)
            .where(
                CvGenerationOffer.id.in_(pending), CvGenerationOffer.status.not_in(OFFER_FINISHED)
            )
            .values(status=OfferStatus.CANCELLED, completed_at=utcnow())
        )
    # Calls in flight end with the job (aborted), so nothing would ever record them: close
    # them here. A call that still answers records its result over this.
    await session.execute(
        update(CvGenerationSubtask)
        .where(
            CvGenerationSubtask.task_id == task.id,
            CvGenerationSubtask.status.in_(SUBTASK_OPEN),
        )
        .values(status=SubtaskStatus.CANCELLED, error=N_("The task was cancelled."))
    )
    refunded = await _refund_offers(session, task, pending, RefundReason.GENERATION_CANCELLED)
    await release_slot(session, task.id)
    await set_status(session, task, GenerationStatus.CANCELLED)
    return refunded


async def end_cancelled(session: AsyncSession, task: CvGenerationTask) -> Ended | None:
    """A user's cancel of the generation (task_kind.py's handler): ``cancel_task``, and what
    the kernel tells the tabs after the commit; None when it had finished already."""
    if task.status in GENERATION_FINISHED:
        return None
    refunded = await cancel_task(session, task)
    return Ended(
        events=((GENERATION_CANCELLED, cancelled_payload(task, refunded)),), refunded=refunded
    )


def cancelled_payload(task: CvGenerationTask, refunded: int) -> dict[str, Any]:
    """``cv_generation_v2:cancelled``: which generation, and the credits it gave back."""
    return {"taskId": task.id, "creditsRefunded": refunded}


@dataclass(frozen=True, slots=True)
class Outcome:
    generated: list[str]
    total_failed: int
    credits_refunded: int
    status: str
    background_task: BackgroundTask | None  # its task-centre row, now finished too


async def finish_task(session: AsyncSession, task: CvGenerationTask) -> Outcome:
    """Final status: failed only if every offer failed, else completed (cancel wins)."""
    offers = list(
        await session.scalars(select(CvGenerationOffer).where(CvGenerationOffer.task_id == task.id))
    )
    failed = sum(1 for o in offers if o.status == OfferStatus.FAILED)
    ending: GenerationStatus | None = None  # ended already (a re-run): only mirrored again
    if task.status not in GENERATION_FINISHED:
        every_failed = bool(offers) and failed == len(offers)
        ending = GenerationStatus.FAILED if every_failed else GenerationStatus.COMPLETED
        task.current_phase = None
    await release_slot(session, task.id)
    row = await set_status(session, task, ending)
    return Outcome(
        generated=list(task.generated_cv_ids),
        total_failed=failed,
        credits_refunded=failed * cost_per_offer(task),
        status=task.status,
        background_task=row,
    )


async def set_status(
    session: AsyncSession, task: CvGenerationTask, status: GenerationStatus | None = None
) -> BackgroundTask | None:
    """Move the generation to ``status`` (None: keep it, refresh its progress) and its
    task-centre row, the one its ``background_task_id`` names, with it; returns that row.

    The only writer of either status, so the two never disagree: an end stamps the task's
    ``completed_at`` and gives the row its result (and its error when every offer failed)."""
    if status is not None:
        task.status = status
        if status in GENERATION_FINISHED:
            task.completed_at = utcnow()
    if not task.background_task_id:
        return None
    row = await session.get(BackgroundTask, task.background_task_id)
    if row is None:
        return None
    row.status = task_status_of(task.status)
    row.progress = {"completedOffers": task.completed_offers, "totalOffers": task.total_offers}
    if task.status in GENERATION_FINISHED:
        row.result = {"generatedCvIds": list(task.generated_cv_ids)}
        if task.status == GenerationStatus.FAILED:
            row.error = task.error or N_("Every offer failed; credits refunded.")
    row.updated_at = now_ms()
    return row
