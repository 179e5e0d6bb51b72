"""A generation task: its offers (one after another by default, ``pipeline_offer_concurrency``
= 1, for the prompt cache) with retries, waits through outages, refunds and the final event.
One offer's phases, in their dependency order, are ``phases.process_offer``; each offer's CV is
published the moment its recompose is done.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import BackgroundTask, CvGenerationOffer, CvGenerationTask
from app.db.models.status import GENERATION_FINISHED, OFFER_FINISHED, GenerationStatus
from app.domain.generation.failures import budget_exceeded
from app.domain.generation.state import fail_offer, finish_task, set_status
from app.events import GENERATION_ERROR, GENERATION_OFFER_FAILED, TASK_UPDATED, task_payload
from app.lib.events import publish_event
from app.lib.llm import LLMError, LLMSpendLimitError
from app.lib.llm.last_error import record_llm_error
from app.lib.llm.user_messages import user_message
from app.settings.service import get_int_setting
from jobs.pipeline.budget import (
    budget_of,
    mark_started,
    over_limits,
    publish_outcome,
    stop_generation,
)
from jobs.pipeline.core.phase import PhaseEngine
from jobs.pipeline.lock import task_lease
from jobs.pipeline.offer_setup import build_engine, prepare_offer_run, release_spend
from jobs.pipeline.phases import pdf_renderer, process_offer
from jobs.pipeline.retry import OUTAGE_WAITS, attempt_pause, is_outage, outage_pause
from jobs.pipeline.runner import TaskCancelled
from jobs.pipeline.template_mode import process_template_offer
from jobs.pipeline.together import cancel_and_wait
from jobs.pipeline.watch import Ending, pause, run_watched

log = logging.getLogger(__name__)
TASK_CALLS = 8


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
        await publish_event(self.redis, user_id, name, {"taskId": self.task_id, **payload})

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
            if task.status in GENERATION_FINISHED:
                await finish_task(session, task)  # idempotent: frees a slot a crash may have kept
                await session.commit()
                return {"taskId": self.task_id, "status": task.status}
            failure = over_limits(task, self.settings)
            if failure is None:
                mark_started(task)
                task.current_phase = "batching"
                row = await set_status(session, task, GenerationStatus.RUNNING)
            await session.commit()
            if failure is not None:  # over its time or its runs (a resumption): fail, refund
                return await self._stop(failure)
            budget = budget_of(task, self.settings)
            user_id = task.user_id
            await self._publish_background(user_id, row)  # queued → running
            concurrency = max(1, await get_int_setting(session, "pipeline_offer_concurrency", 1))
            retries = max(0, await get_int_setting(session, "max_retries", 3))
            offers = list(
                await session.scalars(
                    select(CvGenerationOffer)
                    .where(CvGenerationOffer.task_id == task.id)
                    .order_by(CvGenerationOffer.offer_index)
                )
            )
            left = sum(o.status not in OFFER_FINISHED for o in offers)
            engine = await build_engine(
                session, self.settings, user_id=user_id, redis=self.redis, offers=left
            )
        gate = asyncio.Semaphore(concurrency)

        async def guarded(offer: CvGenerationOffer) -> None:
            async with gate:
                await self._offer_with_retries(user_id, offer, engine, retries)

        async def every_offer() -> None:
            runs = [
                asyncio.ensure_future(guarded(o)) for o in offers if o.status not in OFFER_FINISHED
            ]
            try:
                await asyncio.gather(*runs)
            finally:  # a cancel seen by one offer stops the others too
                await cancel_and_wait(runs)

        try:
            ending = await run_watched(
                every_offer(), self.observer, self.task_id, budget.remaining()
            )
        finally:
            await release_spend(engine)  # what the generation held of the daily budget
        if ending is Ending.CANCELLED:
            return {"taskId": self.task_id, "status": GenerationStatus.CANCELLED}
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
                run, template = await prepare_offer_run(
                    self.sessions, self.redis, self.task_id, offer, engine
                )
                run.calls = self.calls
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

    async def _fail(
        self, user_id: str, offer: CvGenerationOffer, error: BaseException | None
    ) -> None:
        message = _user_message(error)
        if isinstance(error, LLMError) and not isinstance(error, LLMSpendLimitError):
            await record_llm_error(self.redis, error, where="generation")
        async with self.sessions() as session:
            task = await session.get(CvGenerationTask, self.task_id)
            assert task is not None
            changed, refunded = await fail_offer(session, task, offer.id, message)
            await session.commit()
        if changed:  # never announce a failure the database does not hold (e.g. cancelled)
            payload = {"offerId": offer.id, "offerIndex": offer.offer_index, "error": message}
            await self.publish(
                user_id, GENERATION_OFFER_FAILED, {**payload, "creditsRefunded": refunded}
            )
            await self.publish(user_id, GENERATION_ERROR, {"offerId": offer.id, "error": message})

    async def _tick_background(self, user_id: str) -> None:
        async with self.sessions() as session:
            task = await session.get(CvGenerationTask, self.task_id)
            assert task is not None
            # Its progress only: a cancel committed meanwhile stays cancelled on the row too.
            row = await set_status(session, task)
            await session.commit()
        await self._publish_background(user_id, row)

    async def _publish_background(self, user_id: str, row: BackgroundTask | None) -> None:
        """Every tab's task centre shows the generation's row as it now is."""
        if row is not None:
            await publish_event(self.redis, user_id, TASK_UPDATED, task_payload(row))

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
