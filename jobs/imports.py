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

from app.db.models import CvFile, JobOffer
from app.db.models.status import TaskStatus
from app.domain.cvs.extraction import extract
from app.domain.cvs.import_task import end_import
from app.domain.cvs.services import CV_DELETED, IMPORT_VERSION, add_version
from app.domain.offers.extraction import extract_offer_fields
from app.domain.offers.extraction_task import EXTRACTION_FAILED, end_offer_extraction
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
from jobs.task_job import TaskRun, publish_failure, run_task

LLM_ATTEMPTS = 3  # then the rule-based parser takes over


class CvImport(TaskRun):
    name = "CV import"
    key = "cvId"
    failures = (UnusableInput,)
    cv: CvFile

    @property
    def row(self) -> CvFile:
        return self.cv

    async def load(self) -> bool:
        cv = await self.db.get(CvFile, self.row_id)
        if cv is not None:
            self.cv = cv
        return cv is not None

    async def end_gone(self) -> None:
        if await end_import(
            self.db,
            self.task,
            None,
            status=TaskStatus.CANCELLED,
            failure=problem("cv_deleted", CV_DELETED, "error"),
            refund_reason=RefundReason.IMPORT_CV_DELETED,
        ):
            await save_and_publish(self.db, self.redis, self.task)

    def done(self) -> bool:
        return self.cv.extraction_status == "completed"

    async def confirm_done(self) -> None:
        await release_slot(self.db, self.task.id)
        await save_and_publish(
            self.db,
            self.redis,
            self.task,
            status=TaskStatus.COMPLETED,
            progress={**self.task.progress, "step": "done", "percent": 100},
        )

    async def work(self) -> dict[str, Any]:
        db, cv, settings = self.db, self.cv, self.ctx["settings"]
        cv.extraction_status = "running"  # written after the claim (no autoflush there)
        await self.step("reading", 15)
        job_try = int(self.ctx.get("job_try", 1))
        result = await extract(db, settings, cv, job_try, LLM_ATTEMPTS, redis=self.redis)
        portrait = await source_portrait(settings, cv)
        await self.step("saving", 90)
        await self.claim()  # a cancel that landed during the extraction wins
        if portrait is not None:
            await photos.offer_found(db, cv, portrait)
        cv.language = result.language
        cv.extraction_status = "completed"
        cv.extraction_errors = result.warnings
        cv.import_report = result.report
        await add_version(db, cv, result.content, IMPORT_VERSION)
        await release_slot(db, self.task.id)
        summary = await self.complete(
            {
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
        )
        await publish_event(self.redis, cv.user_id, CV_LIST_CHANGED, cv_list_changed(cv.id))
        return summary

    async def fail(self, failure: dict[str, Any]) -> None:
        """One transaction: the CV marked failed with the reason, the credit refunded, the
        slot freed, the task failed. Then the events."""
        cv = self.cv
        cv.import_report = None  # a report of an earlier import no longer describes the content
        ended = await end_import(
            self.db,
            self.task,
            cv,
            status=TaskStatus.FAILED,
            failure=failure,
            refund_reason=RefundReason.IMPORT_FAILED,
        )
        await publish_failure(self.db, self.redis, self.task, ended)
        await publish_event(self.redis, cv.user_id, CV_LIST_CHANGED, cv_list_changed(cv.id))


async def import_cv(ctx: dict[str, Any], cv_id: str, task_id: str) -> dict[str, Any]:
    return await run_task(CvImport, ctx, cv_id, task_id)


class OfferExtraction(TaskRun):
    # Offer extractions take no concurrency slot (their kind names none:
    # app/domain/offers/extraction_kind.py); they follow the same claim-before-write rule, so a
    # cancel sticks.
    name = "Offer extraction"
    key = "offerId"
    offer: JobOffer

    @property
    def row(self) -> JobOffer:
        return self.offer

    async def load(self) -> bool:
        offer = await self.db.get(JobOffer, self.row_id)
        if offer is not None:
            self.offer = offer
        return offer is not None

    async def end_gone(self) -> None:
        """Deleted meanwhile: end it as the delete would have (refund once)."""
        await end_offer_extraction(
            self.db,
            self.task,
            None,
            status=TaskStatus.CANCELLED,
            message=OFFER_DELETED,
            refund_reason=RefundReason.EXTRACT_OFFER_DELETED,
        )
        await save_and_publish(self.db, self.redis, self.task)

    def done(self) -> bool:
        return self.offer.extraction_status == "completed"

    async def confirm_done(self) -> None:
        await save_and_publish(self.db, self.redis, self.task, status=TaskStatus.COMPLETED)

    async def work(self) -> dict[str, Any]:
        offer = self.offer
        offer.extraction_status = "running"  # written after the claim (no autoflush there)
        await self.step("extracting", 30)
        job_try = int(self.ctx.get("job_try", 1))
        summary = await extract_offer_fields(
            self.db, self.ctx["settings"], offer, job_try, LLM_ATTEMPTS, redis=self.redis
        )
        await self.claim()  # the extracted fields are written after it
        offer.extraction_status = "completed"
        await self.complete(summary)
        await publish_event(self.redis, offer.user_id, OFFER_UPDATED, offer_updated(offer.id))
        return summary

    async def fail(self, failure: dict[str, Any]) -> None:
        ended = await end_offer_extraction(
            self.db,
            self.task,
            self.offer,
            status=TaskStatus.FAILED,
            message=EXTRACTION_FAILED,
            refund_reason=RefundReason.EXTRACT_FAILED,
        )
        await publish_failure(self.db, self.redis, self.task, ended)
        await publish_event(
            self.redis, self.offer.user_id, OFFER_UPDATED, offer_updated(self.offer.id)
        )


async def extract_offer(ctx: dict[str, Any], offer_id: str, task_id: str) -> dict[str, Any]:
    return await run_task(OfferExtraction, ctx, offer_id, task_id)


JOB_FUNCTIONS = [import_cv, extract_offer]
