"""Creating, reading and cancelling generations (the web side of pipeline v2)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from arq import ArqRedis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.credits.ledger import debit
from app.db.models import (
    CvFile,
    CvGenerationOffer,
    CvGenerationSubtask,
    CvGenerationTask,
    JobOffer,
    User,
)
from app.db.models.status import GenerationStatus
from app.domain.generation.gates import check_confirmed
from app.domain.generation.state import cancel_task, end_cancelled
from app.domain.offers import services as offers_services
from app.events import GENERATION_CREATED, TASK_UPDATED, task_payload
from app.job_names import Job, enqueue
from app.lib.errors import NotFound, ValidationFailed
from app.lib.events import publish_event
from app.lib.i18n import N_
from app.lib.input_errors import check_stored_limits
from app.lib.owned_rows import OwnedList
from app.settings.llm_endpoint import engine_status, refuse_when_spent
from app.tasks.actions import cancel_with_outcome, commit_cancel
from app.tasks.billing import cost_of
from app.tasks.lifecycle import create_task
from app.tasks.registry import kind_of
from app.tasks.slots import acquire_slot

MAX_OFFERS = 20
MODES = ("adapt", "template")
GENERATION_TASK_TYPE = "cv_generation_v2"  # BackgroundTask.type of a generation's row
SLOT_TYPE = "cv_generation"  # its concurrency slot (app/tasks/slots.py)
JOB_NAME = Job.RUN_CV_GENERATION
JOB_PREFIX = "cvgen:"  # a generation's arq job id: the prefix, then the generation's id


def job_id_for(task_id: str) -> str:
    """The arq job of a generation (also its task-centre row's ``job_id``)."""
    return f"{JOB_PREFIX}{task_id}"


def generation_id_of_job(job_id: str | None) -> str | None:
    """The generation whose job this is (the inverse of ``job_id_for``), or None."""
    if not job_id or not job_id.startswith(JOB_PREFIX):
        return None
    return job_id.removeprefix(JOB_PREFIX) or None


@dataclass(frozen=True, slots=True)
class GenerationRequest:
    source_cv_id: str | None
    job_offer_ids: list[str]
    mode: str = "adapt"
    language: str | None = None
    device_id: str | None = None
    # Also write a cover letter for each completed offer (jobs/cover_letters.py, charged then).
    with_letters: bool = False
    # The user's go-ahead for this run only (gates.py): a source CV with open import flags, and
    # offers whose header the reader doubts (True: all of them, or the ids confirmed).
    misread_confirmed: bool = False
    offers_confirmed: bool | Sequence[str] = False


async def _validate(
    session: AsyncSession, user: User, req: GenerationRequest
) -> tuple[CvFile | None, list[JobOffer]]:
    if req.mode not in MODES:
        raise ValidationFailed(
            N_("Unknown mode: use 'adapt' or 'template'."), code="generation.invalid_mode"
        )
    if req.language not in (None, "", "fr", "en"):
        raise ValidationFailed(
            N_("The CV language must be 'fr' or 'en'."), code="generation.invalid_language"
        )
    ids = list(dict.fromkeys(i for i in req.job_offer_ids if i))
    if not 1 <= len(ids) <= MAX_OFFERS:
        raise ValidationFailed(
            N_("Choose between 1 and 20 job offers."), code="generation.offer_count"
        )
    offers = {
        o.id: o
        for o in await session.scalars(
            select(JobOffer).where(JobOffer.id.in_(ids), JobOffer.user_id == user.id)
        )
    }
    if len(offers) != len(ids):
        raise ValidationFailed(
            N_("Some of these job offers do not exist."), code="generation.unknown_offers"
        )
    source: CvFile | None = None
    if req.mode == "adapt":
        if not req.source_cv_id:
            raise ValidationFailed(
                N_("Choose the CV to tailor."), code="generation.source_required"
            )
        source = await session.scalar(
            select(CvFile).where(CvFile.id == req.source_cv_id, CvFile.user_id == user.id)
        )
        if source is None or source.kind != "source":
            raise ValidationFailed(
                N_("This source CV does not exist."), code="generation.unknown_source"
            )
        if source.extraction_status != "completed" or not source.content:
            raise ValidationFailed(
                N_("This CV is not ready yet: wait for its import to finish."),
                code="generation.source_not_ready",
            )
        # A CV stored before the limits of app/lib/cv_limits.py is not tailored (422).
        check_stored_limits(source.content)
    return source, [offers[i] for i in ids]


async def create_generation(
    session: AsyncSession, arq: ArqRedis, settings: Settings, user: User, req: GenerationRequest
) -> CvGenerationTask:
    """Validate, ask for what the user must confirm first (gates.py), take the concurrency
    slot, debit, create the rows (one transaction), enqueue."""
    source, offers = await _validate(session, user, req)
    # Asked before any slot or credit is taken, whichever door the request came by.
    await check_confirmed(
        session,
        user.id,
        source,
        offers,
        misread_confirmed=req.misread_confirmed,
        offers_confirmed=req.offers_confirmed,
    )
    await refuse_when_spent(session, settings, arq, user.id)  # before any debit
    # Recorded: its runs time its estimates (the user's own endpoint, when set, is theirs).
    engine = await engine_status(session, settings, user.id)
    price = kind_of(GENERATION_TASK_TYPE).price  # declared by task_kind.py
    cost = await cost_of(session, price) if price is not None else 0
    task = CvGenerationTask(
        user_id=user.id,
        source_cv_file_id=source.id if source else None,
        status=GenerationStatus.PENDING,
        total_offers=len(offers),
        payload={
            "mode": req.mode,
            "costPerOffer": cost,
            "language": req.language or None,
            "sourceCvFile": source.filename if source else None,
            "withLetters": req.with_letters,
            "engine": engine.mode,
        },
    )
    session.add(task)
    await session.flush()
    await acquire_slot(session, user.id, SLOT_TYPE, task.id)
    subject = {"subject": offers_services.title_and_company(offers[0])} if len(offers) == 1 else {}
    transaction = await debit(
        session,
        user.id,
        cost * len(offers),
        "gpt_cv_generation",
        # The subject: what the ledger's sentence names (app/domain/credits/view.py).
        {"taskId": task.id, "offerCount": len(offers), "pipelineVersion": "v2", **subject},
    )
    task.credit_transaction_id = transaction.id if transaction else None
    for index, offer in enumerate(offers):
        session.add(CvGenerationOffer(task_id=task.id, job_offer_id=offer.id, offer_index=index))
    title = offers[0].title if len(offers) == 1 else f"{len(offers)} offers"
    background = await create_task(
        session,
        user.id,
        GENERATION_TASK_TYPE,
        f"CV — {title}",
        cap=settings.background_tasks_per_user,
        device_id=req.device_id,
        progress={"completedOffers": 0, "totalOffers": len(offers)},
    )
    task.background_task_id = background.id
    task.payload = {**(task.payload or {}), "jobId": job_id_for(task.id)}
    background.job_id = job_id_for(task.id)
    await session.commit()
    try:
        await enqueue(arq, JOB_NAME, task.id, _job_id=job_id_for(task.id))
    except Exception:
        # Nothing will run it: undo the debit and free the slot rather than keep the credits.
        await cancel_task(session, task)
        task.error = N_("The job queue is unavailable.")
        await session.commit()
        raise
    await publish_event(
        arq, user.id, GENERATION_CREATED, {"taskId": task.id, "totalOffers": len(offers)}
    )
    await publish_event(arq, user.id, TASK_UPDATED, task_payload(background))
    return task


async def get_generation(session: AsyncSession, user: User, task_id: str) -> CvGenerationTask:
    task = await session.scalar(
        select(CvGenerationTask).where(
            CvGenerationTask.id == task_id, CvGenerationTask.user_id == user.id
        )
    )
    if task is None:
        raise NotFound(N_("No such generation."))
    return task


# The user's generations, newest first: the dashboard's latest (``all`` with a limit) and the
# history page's pages.
HISTORY = OwnedList(CvGenerationTask, CvGenerationTask.created_at.desc())
recent_generations = HISTORY.all
generations_page = HISTORY.page


async def generation_offers(
    session: AsyncSession, task: CvGenerationTask
) -> list[tuple[CvGenerationOffer, JobOffer | None]]:
    rows = await session.execute(
        select(CvGenerationOffer, JobOffer)
        .outerjoin(JobOffer, JobOffer.id == CvGenerationOffer.job_offer_id)
        .where(CvGenerationOffer.task_id == task.id)
        .order_by(CvGenerationOffer.offer_index)
    )
    return [(offer, job) for offer, job in rows.all()]


async def generation_subtasks(
    session: AsyncSession, task: CvGenerationTask
) -> list[CvGenerationSubtask]:
    rows = await session.scalars(
        select(CvGenerationSubtask)
        .where(CvGenerationSubtask.task_id == task.id)
        .order_by(CvGenerationSubtask.created_at)
    )
    return list(rows)


async def cancel_generation(
    session: AsyncSession, arq: ArqRedis, user: User, task_id: str
) -> tuple[CvGenerationTask, int]:
    """Cancel from the generation's page or API: the task centre's own cancel of its row
    (app/tasks/actions.py), whose kind (task_kind.py) ends the generation and refunds it.

    Returns the generation as committed and the credits refunded, from the objects this
    transaction loaded: reading them again would open another transaction, which on SQLite
    queues for the write lock behind the job that is stopping."""
    task = await get_generation(session, user, task_id)
    if task.background_task_id is not None:
        _, ended = await cancel_with_outcome(session, arq, user, task.background_task_id)
    else:  # its row is gone from the history: the same handler and kernel steps, without it
        ended = await end_cancelled(session, task)
        if ended is None:
            await session.commit()
        else:
            await commit_cancel(session, arq, user.id, job_id_for(task.id), ended)
    return task, ended.refunded if ended is not None else 0


def offer_summary(offer: CvGenerationOffer, job: JobOffer | None) -> dict[str, Any]:
    """One offer of a generation as the JSON API and MCP show it: which offer, how far, its CV."""
    return {
        "jobOfferId": offer.job_offer_id,
        "title": job.title if job else "",
        "company": job.company if job else "",
        "status": offer.status,
        "currentStep": offer.current_step,
        "generatedCvFileId": offer.generated_cv_file_id,
        "error": offer.error,
    }


def task_summary(task: CvGenerationTask) -> dict[str, Any]:
    return {
        "id": task.id,
        "status": task.status,
        "currentPhase": task.current_phase,
        "totalOffers": task.total_offers,
        "completedOffers": task.completed_offers,
        "generatedCvIds": list(task.generated_cv_ids),
        "error": task.error,
        "mode": (task.payload or {}).get("mode", "adapt"),
        "sourceCvFileId": task.source_cv_file_id,
        "createdAt": task.created_at.isoformat() if task.created_at else None,
        "completedAt": task.completed_at.isoformat() if task.completed_at else None,
    }
