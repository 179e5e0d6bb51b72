"""Job offer rows: create (with its extraction task and job), scoped look-ups, edit, delete."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import BackgroundTask, JobOffer, User
from app.db.models.status import TaskStatus
from app.domain.offers import header_check
from app.domain.offers.extraction_task import end_offer_extraction
from app.domain.offers.intake import OfferInput
from app.events import OFFER_UPDATED
from app.job_names import Job, enqueue
from app.lib.errors import NotFound
from app.lib.events import publish_event
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.owned_rows import OwnedList, owned
from app.lib.refund_reasons import RefundReason
from app.tasks.lifecycle import (
    latest_input_task,
    open_input_task,
    save_and_publish,
)

OFFER_DELETED = N_("The offer was deleted.")

log = logging.getLogger(__name__)
OFFER_TASK_TYPE = "offer_extract"
EXTRACT_JOB = Job.EXTRACT_OFFER


def display_title(offer: JobOffer) -> str:
    """The title, or the first line of the text while the extraction has not found one."""
    if offer.title:
        return offer.title
    first = next((line.strip() for line in offer.description.splitlines() if line.strip()), "")
    return first[:90] or offer.id[:8]


def title_and_company(offer: JobOffer) -> str:
    """How the offer is named wherever it must be told from another: "Title — Company"."""
    title = display_title(offer)
    return f"{title} — {offer.company}" if offer.company else title


async def get_offer(session: AsyncSession, user_id: str, offer_id: str) -> JobOffer:
    missing = NotFound(N_("No such job offer."), code="offer.not_found")
    return await owned(session, JobOffer, user_id, offer_id, missing)


# The user's offers, newest first.
LISTED = OwnedList(JobOffer, JobOffer.created_at.desc())
list_offers = LISTED.all
offers_page = LISTED.page


async def latest_task(session: AsyncSession, user_id: str, offer_id: str) -> BackgroundTask | None:
    return await latest_input_task(session, user_id, OFFER_TASK_TYPE, offer_id)


async def create_offer(
    session: AsyncSession,
    redis: Redis,
    arq: Any,
    settings: Settings,
    user: User,
    given: OfferInput,
    device_id: str | None = None,
) -> tuple[JobOffer, BackgroundTask]:
    """The offer row (fields given by a JSON job or a JSON-LD posting kept as they are), its
    task, then the extraction job that fills in the rest."""
    fields = given.prefill
    offer = JobOffer(
        user_id=user.id,
        title=fields.title[:300],
        company=fields.company[:300],
        location=fields.location[:300],
        description=given.text,
        requirements=fields.requirements,
        responsibilities=fields.responsibilities,
        skills=fields.skills,
        languages=fields.languages,
        contract_type=(fields.contract_type or None) and fields.contract_type[:64],
        remote=(fields.remote or None) and fields.remote[:64],
        source_url=given.source_url[:2048] if given.source_url else None,
        extraction_status="pending",
    )
    session.add(offer)
    await session.flush()
    task = await open_input_task(
        session,
        user.id,
        OFFER_TASK_TYPE,
        f"Offer: {display_title(offer)}",
        "offerId",
        offer.id,
        cap=settings.background_tasks_per_user,
        device_id=device_id,
    )
    await session.commit()
    try:
        await enqueue(arq, EXTRACT_JOB, offer.id, task.id, _job_id=task.job_id)
    except Exception as exc:
        log.exception("Could not enqueue the extraction of offer %s", offer.id)
        message = N_("The job queue is unavailable; the offer is saved and can be edited by hand.")
        offer.extraction_status = "failed"
        offer.extraction_error = message
        await save_and_publish(session, redis, task, status=TaskStatus.FAILED, error=message)
        raise InputError(message, code="queue_unavailable", http_status=503) from exc
    await save_and_publish(session, redis, task)
    return offer, task


async def delete_offer(session: AsyncSession, offer: JobOffer) -> BackgroundTask | None:
    """Delete the offer. An extraction still queued or running is ended as cancelled (a paid one
    refunded); the job finds it settled and stops. Returns that task so callers can publish."""
    task = await latest_task(session, offer.user_id, offer.id)
    ended = task is not None and await end_offer_extraction(
        session,
        task,
        None,
        status=TaskStatus.CANCELLED,
        message=OFFER_DELETED,
        refund_reason=RefundReason.EXTRACT_OFFER_DELETED,
    )
    await session.delete(offer)
    return task if ended else None


async def offers_to_confirm(
    session: AsyncSession, user_id: str, offer_ids: Sequence[str]
) -> list[tuple[JobOffer, header_check.HeaderQuestion]]:
    """The offers among ``offer_ids`` whose header the reader doubts and the user has not
    confirmed (header_check.py): what a generation asks about first, at every door."""
    return await header_check.offers_to_confirm(session, user_id, offer_ids)


async def confirm_header(
    session: AsyncSession, redis: Redis, user_id: str, offer_id: str, given: Mapping[str, str]
) -> JobOffer:
    """The answer to "Job · Company · Place — correct?" from the offer page, the JSON API or the
    agent API: ``given`` holds the fields to change (a picked ``pick_<field>`` or a typed
    ``<field>``; none: "correct"); the header is confirmed, committed and told to other tabs."""
    offer = await get_offer(session, user_id, offer_id)
    header_check.answer(offer, given)
    await session.commit()
    await publish_event(redis, user_id, OFFER_UPDATED, {"offerId": offer.id})
    return offer
