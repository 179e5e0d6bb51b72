"""The pipeline, in the seed's order. Read ``process_offer`` for one offer's dependency graph:

    classify ─► ( experiences ‖ projects ‖ extras ) ─► skills ─► summary ─► recompose

Offers run one after another by default (``pipeline_offer_concurrency`` = 1, for the prompt
cache), and each offer's CV is published the moment its recompose is done.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import BackgroundTask, CvFile, CvGenerationOffer, CvGenerationTask, JobOffer
from app.domain.admin.llm_config import llm_endpoint, model_for_phase
from app.domain.admin.settings_service import get_int_setting
from app.domain.generation.failures import budget_exceeded
from app.domain.generation.state import (
    FINISHED_OFFER,
    FINISHED_TASK,
    fail_offer,
    finish_task,
    sync_background_task,
)
from app.domain.renders.services import record_render
from app.domain.tasks.services import TASK_UPDATED_EVENT, task_payload
from app.lib.cv_content import CvContent
from app.lib.events import publish_event
from app.lib.llm import LLMError
from app.lib.llm.last_error import record_llm_error
from app.lib.llm.user_messages import user_message
from app.lib.pdf.designs import DEFAULT_DESIGN
from jobs.pipeline.batch import (
    adapt_experiences,
    adapt_extras,
    adapt_projects,
    kept_experiences,
    projects_to_adapt,
)
from jobs.pipeline.budget import (
    EVENT,
    budget_of,
    mark_started,
    over_limits,
    publish_outcome,
    stop_generation,
)
from jobs.pipeline.classify import classify
from jobs.pipeline.context import OfferBrief, OfferContext
from jobs.pipeline.engine import LLMEngine, PhaseEngine
from jobs.pipeline.explain import offer_meta
from jobs.pipeline.fact_guard import SourceCorpus
from jobs.pipeline.keep import Restored, restore_items, restore_skills
from jobs.pipeline.lock import task_lease
from jobs.pipeline.offline import OfflineEngine, needs_of
from jobs.pipeline.phase_guards import rule_meta
from jobs.pipeline.recompose import (
    announce,
    assemble,
    build_cv_file,
    generation_meta,
    save_generated_cv,
)
from jobs.pipeline.retry import OUTAGE_WAITS, attempt_pause, is_outage, outage_pause
from jobs.pipeline.runner import OfferRun, TaskCancelled
from jobs.pipeline.schemas import PHASE_SCHEMAS
from jobs.pipeline.skills import adapt_skills
from jobs.pipeline.summary import write_summary
from jobs.pipeline.template_mode import process_template_offer, template_cv
from jobs.pipeline.text import guess_language
from jobs.pipeline.watch import Ending, pause, run_watched
from jobs.render import render_spec_pdf, spec_for

log = logging.getLogger(__name__)
TASK_CALLS = 8


async def build_engine(session: AsyncSession, settings: Settings) -> PhaseEngine:
    endpoint = await llm_endpoint(session, settings)
    if endpoint is None:
        return OfflineEngine()
    models = {phase: await model_for_phase(session, phase) for phase in PHASE_SCHEMAS}
    return LLMEngine(endpoint, models)


Renderer = Callable[[CvFile], Awaitable[None]]


def pdf_renderer(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> Renderer:
    """Render a generated CV to PDF in the sandboxed renderer (the cache then serves downloads).

    The DB is only read for the render's inputs, in a session closed before rendering, so the
    SQLite write lock is never held while WeasyPrint works.
    """

    async def render(cv_file: CvFile) -> None:
        async with sessions() as session:
            spec = await spec_for(session, settings, cv_file)
        result = await render_spec_pdf(settings, spec)
        record_render(cv_file, result.meta())

    return render


async def process_offer(run: OfferRun, render: Renderer | None = None) -> None:
    """One offer, phase by phase. Completed phases are reused from their subtask rows."""
    source = run.ctx.source
    corpus = SourceCorpus.of(source, run.ctx.offer.full_text())
    classification = await classify(run)
    kept = kept_experiences(source, classification)
    to_adapt = projects_to_adapt(source, classification)
    experiences, projects, extras = await asyncio.gather(
        adapt_experiences(run, kept, corpus),
        adapt_projects(run, to_adapt, corpus),
        adapt_extras(run, corpus),
    )
    written = [*experiences, *projects, extras]  # as the rule guards left them (rule_meta)
    # Nothing the offer asks for is lost to a rewrite: bullets before the skills phase reads
    # them, skills before the summary does (jobs/pipeline/keep.py).
    needs, restored = needs_of(run.ctx), Restored()
    # Work in proportion to the CV's size runs in a thread: the event loop stays free to
    # deliver a Cancel (arq's abort) and to run other users' jobs meanwhile.
    experiences, restored.bullets = await asyncio.to_thread(restore_items, kept, experiences, needs)
    projects, more = await asyncio.to_thread(restore_items, to_adapt, projects, needs)
    restored.bullets.update(more)
    restored.add_guarded([*experiences, *projects])
    skills = await adapt_skills(run, experiences, projects, corpus)
    skills, restored.skills = restore_skills(source.skills, skills, needs)
    summary = await write_summary(run, kept, experiences, skills, extras, corpus)
    await run.save_offer(
        batch_results={
            "experiences": [e.model_dump(mode="json") for e in experiences],
            "projects": [p.model_dump(mode="json") for p in projects],
            "extras": extras.model_dump(mode="json"),
            "skills": skills.model_dump(mode="json"),
            "summary": summary.summary,
        }
    )
    await run.ensure_not_cancelled()
    await run.progress("recompose", "running", offer_status="recomposing")
    cv = await asyncio.to_thread(
        assemble,
        source,
        run.ctx.offer,
        run.ctx.language,
        classification,
        experiences,
        projects,
        extras,
        skills,
        summary,
    )
    meta = generation_meta(run, classification, skills, run.counts)
    meta.update(await asyncio.to_thread(offer_meta, run.ctx, classification, cv, skills))
    meta.update(restored.as_meta())
    meta.update(rule_meta([*written, summary]))
    cv_file = build_cv_file(run, cv, design=DEFAULT_DESIGN, meta=meta)
    if render is not None:  # the PDF is part of the offer: a failed render fails (and retries) it
        await run.ensure_not_cancelled()
        await render(cv_file)
    await save_generated_cv(run, cv_file)
    await run.progress("recompose", "completed")
    await announce(run, cv_file)


async def _load_source(
    session: AsyncSession, task: CvGenerationTask
) -> tuple[CvContent, str | None]:
    if task.source_cv_file_id is None:
        return CvContent(), None
    row = await session.scalar(
        select(CvFile).where(CvFile.id == task.source_cv_file_id, CvFile.user_id == task.user_id)
    )
    if row is None:
        raise LookupError("The source CV no longer exists.")
    return CvContent.from_json(row.content), row.language


class Generation:
    """One task's run: offers with retries, refunds and the final event."""

    def __init__(self, worker_ctx: dict[str, Any], task_id: str) -> None:
        self.sessions: async_sessionmaker[AsyncSession] = worker_ctx["session_factory"]
        # Read-only polls of the task's status (jobs/worker.py: startup).
        self.observer: async_sessionmaker[AsyncSession] = worker_ctx.get(
            "observer_sessions", self.sessions
        )
        self.redis: Redis = worker_ctx["redis"]
        self.settings: Settings = worker_ctx["settings"]
        self.task_id = task_id
        # LLM calls of this task in flight at once: a CV of hundreds of items must not queue
        # hundreds of calls ahead of other users' in the endpoint's slots (app/lib/llm/slots.py).
        self.calls = asyncio.Semaphore(TASK_CALLS)

    async def publish(self, user_id: str, name: str, payload: dict[str, Any]) -> None:
        await publish_event(
            self.redis, user_id, f"{EVENT}:{name}", {"taskId": self.task_id, **payload}
        )

    async def run(self) -> dict[str, Any]:
        lease = self.settings.generation_lease_seconds
        async with task_lease(self.redis, self.task_id, lease) as held:
            if not held:
                return {"taskId": self.task_id, "skipped": "another worker holds this task"}
            return await self._run_locked()

    async def _run_locked(self) -> dict[str, Any]:
        async with self.sessions() as session:
            task = await session.get(CvGenerationTask, self.task_id)
            if task is None:
                return {"taskId": self.task_id, "skipped": "no such task"}
            if task.status in FINISHED_TASK:
                await finish_task(session, task)  # idempotent: frees a slot a crash may have kept
                await session.commit()
                return {"taskId": self.task_id, "status": task.status}
            failure = over_limits(task, self.settings)
            if failure is None:
                mark_started(task)
                task.status, task.current_phase = "running", "batching"
                row = await sync_background_task(session, task, status="running")
            await session.commit()
            if failure is not None:  # over its time or its runs (a resumption): fail, refund
                return await self._stop(failure)
            budget = budget_of(task, self.settings)
            user_id = task.user_id
            await self._publish_background(user_id, row)  # queued → running
            engine = await build_engine(session, self.settings)
            concurrency = max(1, await get_int_setting(session, "pipeline_offer_concurrency", 1))
            retries = max(0, await get_int_setting(session, "max_retries", 3))
            offers = list(
                await session.scalars(
                    select(CvGenerationOffer)
                    .where(CvGenerationOffer.task_id == task.id)
                    .order_by(CvGenerationOffer.offer_index)
                )
            )
        gate = asyncio.Semaphore(concurrency)

        async def guarded(offer: CvGenerationOffer) -> None:
            async with gate:
                await self._offer_with_retries(user_id, offer, engine, retries)

        async def every_offer() -> None:
            runs = [
                asyncio.ensure_future(guarded(o)) for o in offers if o.status not in FINISHED_OFFER
            ]
            try:
                await asyncio.gather(*runs)
            finally:  # a cancel seen by one offer stops the others too
                for other in runs:
                    other.cancel()
                await asyncio.gather(*runs, return_exceptions=True)

        ending = await run_watched(every_offer(), self.observer, self.task_id, budget.remaining())
        if ending is Ending.CANCELLED:
            return {"taskId": self.task_id, "status": "cancelled"}
        if ending is Ending.OVER_BUDGET:
            log.warning(
                "generation %s passed its time budget (%.0f s)", self.task_id, budget.seconds
            )
            return await self._stop(budget_exceeded(budget.seconds))
        return await self._finish(user_id)

    async def _stop(self, failure: dict[str, Any]) -> dict[str, Any]:
        outcome = await stop_generation(self.sessions, self.redis, self.task_id, failure)
        status = outcome.status if outcome is not None else "ended"
        return {"taskId": self.task_id, "status": status, "stopped": failure["code"]}

    async def _offer_with_retries(
        self, user_id: str, offer: CvGenerationOffer, engine: PhaseEngine, retries: int
    ) -> None:
        last_error: BaseException | None = None
        backoff = self.settings.retry_backoff_seconds
        attempt = outages = 0
        while attempt <= retries:
            try:
                run, template = await self._prepare(offer, engine)
                render = pdf_renderer(self.settings, self.sessions)
                await (
                    process_template_offer(run, render) if template else process_offer(run, render)
                )
                await self._tick_background(user_id)
                return
            except TaskCancelled:
                raise
            except Exception as exc:  # any failure of the offer: retry with backoff, then refund
                last_error = exc
                if is_outage(exc) and outages < OUTAGE_WAITS:  # not the offer's fault: wait
                    log.warning("offer %s waits for the database or Redis: %s", offer.id, exc)
                    await pause(self.observer, self.task_id, outage_pause(backoff, outages))
                    outages += 1
                    continue
                log.warning("offer %s attempt %d failed: %s", offer.id, attempt + 1, exc)
                if attempt < retries:
                    wait = attempt_pause(backoff * 2**attempt, exc)
                    await pause(self.observer, self.task_id, wait)
                attempt += 1
        await self._fail(user_id, offer, last_error)

    async def _prepare(
        self, offer: CvGenerationOffer, engine: PhaseEngine
    ) -> tuple[OfferRun, bool]:
        async with self.sessions() as session:
            task = await session.get(CvGenerationTask, self.task_id)
            assert task is not None
            if task.status == "cancelled":
                raise TaskCancelled(self.task_id)
            source, source_language = await _load_source(session, task)
            job = await session.scalar(
                select(JobOffer).where(
                    JobOffer.id == offer.job_offer_id, JobOffer.user_id == task.user_id
                )
            )
            if job is None:
                raise LookupError("The job offer no longer exists.")
            payload = task.payload or {}
            offer_language = job.language or guess_language(
                job.description or job.title, source_language or "fr"
            )
            template = payload.get("mode") == "template"
            language = payload.get("language") or offer_language
            if engine.name == OfflineEngine.name and not template:
                # It cannot translate: the CV stays in its own language, titles and dates too.
                language = source_language or guess_language(source.full_text(), language)
            brief = OfferBrief.from_row(job, offer_language)
            if template:
                source = await template_cv(session, task.user_id, brief)
            ctx = OfferContext(
                task_id=task.id,
                offer_row_id=offer.id,
                offer_index=offer.offer_index,
                total_offers=task.total_offers,
                user_id=task.user_id,
                source=source,
                offer=brief,
                language=language,
                today=date.today(),
            )
        run = OfferRun(ctx, engine, self.sessions, self.redis, source_cv_id=task.source_cv_file_id)
        run.calls = self.calls
        return run, template

    async def _fail(
        self, user_id: str, offer: CvGenerationOffer, error: BaseException | None
    ) -> None:
        message = _user_message(error)
        if isinstance(error, LLMError):
            await record_llm_error(self.redis, error, where="generation")
        async with self.sessions() as session:
            task = await session.get(CvGenerationTask, self.task_id)
            assert task is not None
            changed, refunded = await fail_offer(session, task, offer.id, message)
            await session.commit()
        if changed:  # never announce a failure the database does not hold (e.g. cancelled)
            payload = {"offerId": offer.id, "offerIndex": offer.offer_index, "error": message}
            await self.publish(user_id, "offer_failed", {**payload, "creditsRefunded": refunded})
            await self.publish(user_id, "error", {"offerId": offer.id, "error": message})

    async def _tick_background(self, user_id: str) -> None:
        async with self.sessions() as session:
            task = await session.get(CvGenerationTask, self.task_id)
            assert task is not None
            row = await sync_background_task(session, task, status="running")
            await session.commit()
        await self._publish_background(user_id, row)

    async def _publish_background(self, user_id: str, row: BackgroundTask | None) -> None:
        """Every tab's task centre shows the generation's row as it now is."""
        if row is not None:
            await publish_event(self.redis, user_id, TASK_UPDATED_EVENT, task_payload(row))

    async def _finish(self, user_id: str) -> dict[str, Any]:
        async with self.sessions() as session:
            task = await session.get(CvGenerationTask, self.task_id)
            assert task is not None
            outcome = await finish_task(session, task)
            await session.commit()
        await publish_outcome(self.redis, user_id, self.task_id, outcome)
        return {
            "taskId": self.task_id,
            "status": outcome.status,
            "generated": len(outcome.generated),
        }


def _user_message(error: BaseException | None) -> str:
    if isinstance(error, LLMError):
        return user_message(error)  # never the endpoint's address: that is for the admin page
    if error is None:
        return "Unknown error"
    return str(error) or type(error).__name__


async def run_cv_generation(ctx: dict[str, Any], task_id: str) -> dict[str, Any]:
    """arq job: run (or resume) one generation task."""
    return await Generation(ctx, task_id).run()
