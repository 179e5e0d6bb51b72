"""arq jobs of the inputs feature: CV import and job offer extraction.

Each job is tied to a ``BackgroundTask`` whose progress is committed and then published
(``task:updated``), so every tab of the user sees it live. Jobs are idempotent: a re-run of a
finished one only re-confirms its outcome. Transient failures (an LLM endpoint that is busy,
a database that is briefly unreachable) raise ``arq.Retry`` with a growing delay; bad input
ends the task as failed, with the reason on the row for the page to show.

Every write first claims the task (app/domain/cvs/input_tasks.py): once a cancel from the task
centre (or the CV's deletion) has settled it, the job stops without writing anything. A CV
import frees its ``pdf_import`` concurrency slot in the transaction that ends it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from arq import Retry
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, CvFile, JobOffer
from app.db.models.background_task import FINISHED_STATUSES
from app.domain.cvs.extraction import UNEXPECTED, ImportFailure, TransientFailure, extract
from app.domain.cvs.input_tasks import TaskSettled, claim, end_import, end_offer_extraction
from app.domain.cvs.services import CV_DELETED, add_version
from app.domain.generation.slots import release_slot
from app.domain.offers.extraction import extract_offer_fields
from app.domain.offers.services import OFFER_DELETED
from app.domain.tasks.services import save_and_publish
from app.lib.events import publish_event
from app.lib.problems import problem

log = logging.getLogger(__name__)
LLM_ATTEMPTS = 3  # then the rule-based parser takes over
MAX_RETRIES = 4  # below the worker's max_tries (5): the last try always settles the task
CV_LIST_CHANGED = "cv:list:changed"
OFFER_UPDATED = "job_offer:updated"


def _retry_delay(ctx: dict[str, Any]) -> int:
    return min(2 ** int(ctx.get("job_try", 1)), 60)


def _may_retry(ctx: dict[str, Any]) -> bool:
    return int(ctx.get("job_try", 1)) < MAX_RETRIES


async def _rollback(db: AsyncSession, *rows: Any) -> None:
    """Roll back a failed step and reload the rows it touched (rollback expires them)."""
    await db.rollback()
    for row in rows:
        await db.refresh(row)


async def _claim_or_stop(db: AsyncSession, task: BackgroundTask) -> None:
    """Claim the task for this transaction, or stop the job: it was cancelled (or its CV
    deleted) meanwhile, and that outcome must not be overwritten."""
    task_id = task.id  # read before the rollback expires the row
    if not await claim(db, task_id):
        await db.rollback()
        raise TaskSettled(task_id)


async def _progress(
    db: AsyncSession, redis: Any, task: BackgroundTask, step: str, percent: int, **extra: Any
) -> None:
    await _claim_or_stop(db, task)
    await save_and_publish(
        db,
        redis,
        task,
        status="running",
        progress={**task.progress, "step": step, "percent": percent, **extra},
    )


async def _complete(
    db: AsyncSession, redis: Any, task: BackgroundTask, summary: dict[str, Any]
) -> None:
    """Commit the claimed task as completed with its result, and publish it."""
    await save_and_publish(
        db,
        redis,
        task,
        status="completed",
        result=summary,
        progress={**task.progress, "step": "done", "percent": 100},
    )


async def _publish_failure(db: AsyncSession, redis: Any, task: BackgroundTask, ended: bool) -> None:
    """Commit and publish a task that ``end_import``/``end_offer_extraction`` ended as failed;
    if it had been settled elsewhere (``ended`` False) stop the job: nothing was written, and
    the session closes with it."""
    if not ended:
        raise TaskSettled(task.id)
    await save_and_publish(db, redis, task)


@dataclass(frozen=True)
class Job:
    """What the failure handling of a job needs to know of it."""

    name: str  # for the log: "CV import"
    key: str  # of the row id in the job's result: "cvId"
    row_id: str
    failures: tuple[type[ImportFailure], ...] = ()  # bad input: failed at once, with its problem


async def _guarded(
    ctx: dict[str, Any],
    db: AsyncSession,
    redis: Any,
    task: BackgroundTask,
    row: Any,
    job: Job,
    work: Callable[[], Awaitable[dict[str, Any]]],
    fail: Callable[[dict[str, Any]], Awaitable[None]],
) -> dict[str, Any]:
    """Run a job's ``work``; when it breaks, roll back and end the task as failed through
    ``fail`` (given the problem to show), or retry a transient failure while tries are left.
    A task settled elsewhere (``TaskSettled``) stops the job as it is."""
    try:
        return await work()
    except TaskSettled:
        raise
    except job.failures as failure:
        await _rollback(db, task, row)
        await fail(failure.as_problem())
        return {job.key: job.row_id, "failed": failure.code}
    except (TransientFailure, OperationalError) as exc:
        await _rollback(db, task, row)
        if _may_retry(ctx):
            log.warning("%s %s will be retried: %s", job.name, job.row_id, exc)
            await _progress(db, redis, task, "retrying", 30)
            raise Retry(defer=_retry_delay(ctx)) from exc
        log.exception("%s %s failed after retries", job.name, job.row_id)
        await fail(problem("unexpected", UNEXPECTED, "error"))
        return {job.key: job.row_id, "failed": "retries"}
    except Exception:
        log.exception("%s %s failed unexpectedly", job.name, job.row_id)
        await _rollback(db, task, row)
        await fail(problem("unexpected", UNEXPECTED, "error"))
        return {job.key: job.row_id, "failed": "unexpected"}


async def _unless_settled(
    body: Awaitable[dict[str, Any]], settled: dict[str, Any], message: str, task_id: str
) -> dict[str, Any]:
    """Run a job's body; if its task was settled elsewhere meanwhile, log ``message`` and return
    ``settled`` (the job ends quietly, nothing retried)."""
    try:
        return await body
    except TaskSettled:
        log.info(message, task_id)
        return settled


async def _fail_cv(
    db: AsyncSession, redis: Any, task: BackgroundTask, cv: CvFile, failure: dict[str, Any]
) -> None:
    """One transaction: the CV marked failed with the reason, the credit refunded, the slot
    freed, the task failed. Then the events."""
    cv.import_report = None  # a report of an earlier import no longer describes the content
    ended = await end_import(
        db, task, cv, status="failed", failure=failure, refund_reason="Refund: CV import failed"
    )
    await _publish_failure(db, redis, task, ended)
    await publish_event(redis, cv.user_id, CV_LIST_CHANGED, {"cvId": cv.id})


async def import_cv(ctx: dict[str, Any], cv_id: str, task_id: str) -> dict[str, Any]:
    return await _unless_settled(
        _import_cv(ctx, cv_id, task_id),
        {"cvId": cv_id, "skipped": "settled"},
        "CV import task %s was settled elsewhere (cancelled); its result is dropped",
        task_id,
    )


async def _import_cv(ctx: dict[str, Any], cv_id: str, task_id: str) -> dict[str, Any]:
    redis = ctx["redis"]
    async with ctx["session_factory"]() as db:
        task = await db.get(BackgroundTask, task_id)
        if task is None or task.status in FINISHED_STATUSES:
            return {"skipped": task.status if task else "no task"}
        cv = await db.get(CvFile, cv_id)
        if cv is None:
            if await end_import(
                db,
                task,
                None,
                status="cancelled",
                failure=problem("cv_deleted", CV_DELETED, "error"),
                refund_reason="Refund: CV deleted before its import finished",
            ):
                await save_and_publish(db, redis, task)
            return {"skipped": "cv deleted"}
        if cv.extraction_status == "completed":  # a re-delivered job whose work is done
            await _claim_or_stop(db, task)
            await release_slot(db, task.id)
            await save_and_publish(
                db,
                redis,
                task,
                status="completed",
                progress={**task.progress, "step": "done", "percent": 100},
            )
            return {"cvId": cv.id, "alreadyDone": True}

        async def work() -> dict[str, Any]:
            cv.extraction_status = "running"  # written after the claim (no autoflush there)
            await _progress(db, redis, task, "reading", 15)
            result = await extract(
                db, ctx["settings"], cv, int(ctx.get("job_try", 1)), LLM_ATTEMPTS
            )
            await _progress(db, redis, task, "saving", 90)
            # The claim first: a cancel that landed during the extraction wins.
            await _claim_or_stop(db, task)
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
            await _complete(db, redis, task, summary)
            await publish_event(redis, cv.user_id, CV_LIST_CHANGED, {"cvId": cv.id})
            return summary

        async def fail(failure: dict[str, Any]) -> None:
            await _fail_cv(db, redis, task, cv, failure)

        return await _guarded(
            ctx, db, redis, task, cv, Job("CV import", "cvId", cv_id, (ImportFailure,)), work, fail
        )


async def extract_offer(ctx: dict[str, Any], offer_id: str, task_id: str) -> dict[str, Any]:
    return await _unless_settled(
        _extract_offer(ctx, offer_id, task_id),
        {"offerId": offer_id, "skipped": "settled"},
        "Offer extraction task %s was settled elsewhere (cancelled)",
        task_id,
    )


async def _extract_offer(ctx: dict[str, Any], offer_id: str, task_id: str) -> dict[str, Any]:
    # Offer extractions take no concurrency slot (not in the seed's list: app/domain/generation/
    # slots.py); they follow the same claim-before-write rule, so a cancel sticks.
    redis = ctx["redis"]
    async with ctx["session_factory"]() as db:
        task = await db.get(BackgroundTask, task_id)
        if task is None or task.status in FINISHED_STATUSES:
            return {"skipped": task.status if task else "no task"}
        offer = await db.get(JobOffer, offer_id)
        if offer is None:  # deleted meanwhile: end it as the delete would have (refund once)
            await end_offer_extraction(
                db,
                task,
                None,
                status="cancelled",
                message=OFFER_DELETED,
                refund_reason="Refund: offer deleted before its extraction finished",
            )
            await save_and_publish(db, redis, task)
            return {"skipped": "offer deleted"}
        if offer.extraction_status == "completed":
            await _claim_or_stop(db, task)
            await save_and_publish(db, redis, task, status="completed")
            return {"offerId": offer.id, "alreadyDone": True}

        async def work() -> dict[str, Any]:
            offer.extraction_status = "running"  # written after the claim (no autoflush there)
            await _progress(db, redis, task, "extracting", 30)
            summary = await extract_offer_fields(
                db, ctx["settings"], offer, int(ctx.get("job_try", 1)), LLM_ATTEMPTS
            )
            await _claim_or_stop(db, task)  # the extracted fields are written after it
            offer.extraction_status = "completed"
            await _complete(db, redis, task, summary)
            await publish_event(redis, offer.user_id, OFFER_UPDATED, {"offerId": offer.id})
            return summary

        async def fail(_: dict[str, Any]) -> None:
            await _fail_offer(db, redis, task, offer)

        return await _guarded(
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
        status="failed",
        message=message,
        refund_reason="Refund: offer extraction failed",
    )
    await _publish_failure(db, redis, task, ended)
    await publish_event(redis, offer.user_id, OFFER_UPDATED, {"offerId": offer.id})


JOB_FUNCTIONS = [import_cv, extract_offer]
