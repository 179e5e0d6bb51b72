"""The offer extraction as a task kind (app/tasks/registry.py): no slot (adding offers while a
generation or an import runs is expected), its price, its cancel and its recovery."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, JobOffer
from app.db.models.status import TaskStatus
from app.domain.offers.extraction_task import EXTRACTION_CANCELLED, end_offer_extraction
from app.domain.offers.services import EXTRACT_JOB, OFFER_TASK_TYPE
from app.events import OFFER_UPDATED, offer_updated
from app.lib.i18n import N_
from app.lib.refund_reasons import RefundReason
from app.tasks.registry import Ended, LostInput, Price, Recovery, TaskKind

SOURCE_GONE = "The offer text is no longer available; add the offer again."


async def _offer_of(session: AsyncSession, task: BackgroundTask) -> tuple[str, JobOffer | None]:
    offer_id = task.input_id("offerId")
    return offer_id, await session.get(JobOffer, offer_id) if offer_id else None


def _ended(offer_id: str) -> Ended:
    return Ended(events=((OFFER_UPDATED, offer_updated(offer_id)),) if offer_id else ())


def link(task: BackgroundTask) -> tuple[str, str] | None:
    """The offer, unless its extraction was cancelled (the offer may be gone with it)."""
    if task.status == TaskStatus.CANCELLED:
        return None
    offer_id = (task.result or {}).get("offerId") or task.input_id("offerId")
    return (f"/offers/{offer_id}", N_("Open the offer")) if offer_id else None


async def cancel(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    offer_id, offer = await _offer_of(session, task)
    ended = await end_offer_extraction(
        session,
        task,
        offer,
        status=TaskStatus.CANCELLED,
        message=EXTRACTION_CANCELLED,
        refund_reason=RefundReason.EXTRACT_CANCELLED,
    )
    return _ended(offer_id) if ended else None


async def find_input(session: AsyncSession, task: BackgroundTask) -> LostInput:
    offer_id, offer = await _offer_of(session, task)
    present = offer is not None and bool(offer.description.strip())
    return LostInput(job_args=(offer_id, task.id) if present else None)


async def fail_lost(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    offer_id, offer = await _offer_of(session, task)
    ended = await end_offer_extraction(
        session,
        task,
        offer,
        status=TaskStatus.FAILED,
        message=SOURCE_GONE,
        refund_reason=RefundReason.EXTRACT_LOST,
    )
    return _ended(offer_id) if ended else None


KIND = TaskKind(
    type=OFFER_TASK_TYPE,
    label=N_("Offer extraction"),
    slot=None,
    price=Price(feature="extract_job_offer", default=0, description="Credits per offer extraction"),
    cancel=cancel,
    recovery=Recovery(job=EXTRACT_JOB, find_input=find_input, fail_lost=fail_lost),
    link=link,
    title_prefix="Offer: ",
    # Extractions take no slot (offers are added while a generation runs); two bulk
    # approvals of the inbox (20 offers each) may wait at once, not more.
    open_cap=40,
)
