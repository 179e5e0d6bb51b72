"""arq jobs of the inputs feature: CV import and job offer extraction.

Each job is tied to a ``BackgroundTask`` whose progress is committed and then published
(``task:updated``), so every tab of the user sees it live. Jobs are idempotent: a re-run of a
finished one only re-confirms its outcome. Transient failures (an LLM endpoint that is busy,
a database that is briefly unreachable) are retried with a growing delay; bad input ends the
task as failed, with the reason on the row for the page to show (jobs/task_job.py).

Every write first claims the task (app/tasks/lifecycle.py): once a cancel from the task
centre (or the CV's deletion) has settled it, the job stops without writing anything. A CV
import frees its ``pdf_import`` concurrency slot in the transaction that ends it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, CvFile, JobOffer
from app.db.models.status import FINISHED, TaskStatus
from app.domain.cvs.extraction import extract
from app.domain.cvs.import_task import end_import
from app.domain.cvs.services import CV_DELETED, add_version
from app.domain.offers.extraction import extract_offer_fields
from app.domain.offers.extraction_task import end_offer_extraction
from app.domain.offers.services import OFFER_DELETED
from app.domain.photos import services as photos
from app.domain.photos.services import source_portrait
from app.events import CV_LIST_CHANGED, OFFER_UPDATED, cv_list_changed, offer_updated
from app.lib.events import publish_event
from app.lib.problems import problem
from app.lib.refund_reasons import RefundReason
from app.tasks.failures import UnusableInput
from app.tasks.lifecycle import save_and_publish
from app.tasks.slots import release_slot
from jobs.task_job import (
    Job,
    claim_or_stop,
    complete,
    guarded,
    progress,
    publish_failure,
    unless_settled,
)

LLM_ATTEMPTS = 3  # then the rule-based parser takes over


async def _fail_cv(
    db: AsyncSession, redis: Any, task: BackgroundTask, cv: CvFile, failure: dict[str, Any]
) -> None:
    """One transaction: the CV marked failed with the reason, the credit refunded, the slot
    freed, the task failed. Then the events."""
    cv.import_report = None  # a report of an earlier import no longer describes the content
    ended = await end_import(
        db,
        task,
        cv,
        status=TaskStatus.FAILED,
        failure=failure,
        refund_reason=RefundReason.IMPORT_FAILED,
    )
    await publish_failure(db, redis, task, ended)
    await publish_event(redis, cv.user_id, CV_LIST_CHANGED, cv_list_changed(cv.id))


async def import_cv(ctx: dict[str, Any], cv_id: str, task_id: str) -> dict[str, Any]:
    return await unless_settled(
        _import_cv(ctx, cv_id, task_id),
        {"cvId": cv_id, "skipped": "settled"},
        "CV import task %s was settled elsewhere (cancelled); its result is dropped",
        task_id,
    )


async def _import_cv(ctx: dict[str, Any], cv_id: str, task_id: str) -> dict[str, Any]:
    redis = ctx["redis"]
    async with ctx["session_factory"]() as db:
        task = await db.get(BackgroundTask, task_id)
        if task is None or task.status in FINISHED:
            return {"skipped": task.status if task else "no task"}
        cv = await db.get(CvFile, cv_id)
        if cv is None:
            if await end_import(
                db,
                task,
                None,
                status=TaskStatus.CANCELLED,
                failure=problem("cv_deleted", CV_DELETED, "error"),
                refund_reason=RefundReason.IMPORT_CV_DELETED,
            ):
                await save_and_publish(db, redis, task)
            return {"skipped": "cv deleted"}
        if cv.extraction_status == "completed":  # a re-delivered job whose work is done
            await claim_or_stop(db, task)
            await release_slot(db, task.id)
            await save_and_publish(
                db,
                redis,
                task,
                status=TaskStatus.COMPLETED,
                progress={**task.progress, "step": "done", "percent": 100},
            )
            return {"cvId": cv.id, "alreadyDone": True}

        async def work() -> dict[str, Any]:
            cv.extraction_status = "running"  # written after the claim (no autoflush there)
            await progress(db, redis, task, "reading", 15)
            result = await extract(
                db, ctx["settings"], cv, int(ctx.get("job_try", 1)), LLM_ATTEMPTS, redis=redis
            )
            portrait = await source_portrait(ctx["settings"], cv)
            await progress(db, redis, task, "saving", 90)
            # The claim first: a cancel that landed during the extraction wins.
            await claim_or_stop(db, task)
            if portrait is not None:
                await photos.offer_found(db, cv, portrait)
            cv.language = result.language
            cv.extraction_status = "completed"
            cv.extraction_errors = result.warnings
            cv.import_report = result.report
            await add_version(db, cv, result.content, "import")
            await release_slot(db, task.id)
            summary = {
                "cvId": cv.id,
                "parser": result.parser,
                "experience": len(result.content.experience),
                "education": len(result.content.education),
                "skills": len(result.content.skills),
                "warnings": len(result.warnings),
                # Things to check (the task centre says "imported, N things to check").
                "checks": result.checks,
                "llm": result.usage,
            }
            await complete(db, redis, task, summary)
            await publish_event(redis, cv.user_id, CV_LIST_CHANGED, cv_list_changed(cv.id))
            return summary

        async def fail(failure: dict[str, Any]) -> None:
            await _fail_cv(db, redis, task, cv, failure)

        return await guarded(
            ctx, db, redis, task, cv, Job("CV import", "cvId", cv_id, (UnusableInput,)), work, fail
        )


async def extract_offer(ctx: dict[str, Any], offer_id: str, task_id: str) -> dict[str, Any]:
    return await unless_settled(
        _extract_offer(ctx, offer_id, task_id),
        {"offerId": offer_id, "skipped": "settled"},
        "Offer extraction task %s was settled elsewhere (cancelled)",
        task_id,
    )


async def _extract_offer(ctx: dict[str, Any], offer_id: str, task_id: str) -> dict[str, Any]:
    # Offer extractions take no concurrency slot (their kind names none:
    # app/domain/offers/extraction_kind.py); they follow the same claim-before-write rule, so a
    # cancel sticks.
    redis = ctx["redis"]
    async with ctx["session_factory"]() as db:
        task = await db.get(BackgroundTask, task_id)
        if task is None or task.status in FINISHED:
            return {"skipped": task.status if task else "no task"}
        offer = await db.get(JobOffer, offer_id)
        if offer is None:  # deleted meanwhile: end it as the delete would have (refund once)
            await end_offer_extraction(
                db,
                task,
                None,
                status=TaskStatus.CANCELLED,
                message=OFFER_DELETED,
                refund_reason=RefundReason.EXTRACT_OFFER_DELETED,
            )
            await save_and_publish(db, redis, task)
            return {"skipped": "offer deleted"}
        if offer.extraction_status == "completed":
            await claim_or_stop(db, task)
            await save_and_publish(db, redis, task, status=TaskStatus.COMPLETED)
            return {"offerId": offer.id, "alreadyDone": True}

        async def work() -> dict[str, Any]:
            offer.extraction_status = "running"  # written after the claim (no autoflush there)
            await progress(db, redis, task, "extracting", 30)
            summary = await extract_offer_fields(
                db, ctx["settings"], offer, int(ctx.get("job_try", 1)), LLM_ATTEMPTS, redis=redis
            )
            await claim_or_stop(db, task)  # the extracted fields are written after it
            offer.extraction_status = "completed"
            await complete(db, redis, task, summary)
            await publish_event(redis, offer.user_id, OFFER_UPDATED, offer_updated(offer.id))
            return summary

        async def fail(_: dict[str, Any]) -> None:
            await _fail_offer(db, redis, task, offer)

        return await guarded(
            ctx, db, redis, task, offer, Job("Offer extraction", "offerId", offer_id), work, fail
        )


async def _fail_offer(db: AsyncSession, redis: Any, task: BackgroundTask, offer: JobOffer) -> None:
    message = (
        "The extraction failed; the offer text is kept and its fields can be filled in by hand."
    )
    ended = await end_offer_extraction(
        db,
        task,
        offer,
        status=TaskStatus.FAILED,
        message=message,
        refund_reason=RefundReason.EXTRACT_FAILED,
    )
    await publish_failure(db, redis, task, ended)
    await publish_event(redis, offer.user_id, OFFER_UPDATED, offer_updated(offer.id))


JOB_FUNCTIONS = [import_cv, extract_offer]
