"""A generation's limits, and how it stops when it passes one.

- Time: ``generation_budget_seconds_per_offer`` × offers, counted from the task's first start
  (``payload.startedAt``), restarts included: a CV that takes too long cannot hold a worker,
  nor be resumed after a restart, for ever.
- Runs: ``generation_max_runs`` starts (first + resumptions, ``payload.runs``). A job that
  kills its worker is resumed by recovery under a fresh arq job id each time (jobs/recovery.py),
  so arq's own ``max_tries`` never sees it; this count does.

Past either, the offers not finished fail with a stored code (app/domain/generation/failures.py)
and are refunded once each (the conditional updates of app/domain/generation/state.py); offers
already done stay downloadable; the task ends and its events are sent.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CvGenerationTask
from app.db.models.status import GENERATION_FINISHED
from app.domain.generation.failures import TASK_ERRORS, budget_exceeded, gave_up
from app.domain.generation.state import Outcome, fail_unfinished, finish_task
from app.events import (
    CV_LIST_CHANGED,
    GENERATION_COMPLETED,
    GENERATION_ERROR,
    GENERATION_OFFER_FAILED,
    TASK_UPDATED,
    cv_list_changed,
    task_payload,
)
from app.lib.events import publish_event

ARQ_TIMEOUT_SHARE = 0.95


@dataclass(frozen=True, slots=True)
class Budget:
    started_at: float  # epoch seconds of the first start
    seconds: float

    def remaining(self, now: float | None = None) -> float:
        return self.started_at + self.seconds - (time.time() if now is None else now)

    def exceeded(self, now: float | None = None) -> bool:
        return self.remaining(now) <= 0


def budget_of(task: CvGenerationTask, settings: Settings) -> Budget:
    started = (task.payload or {}).get("startedAt")
    seconds = settings.generation_budget_seconds_per_offer * max(1, task.total_offers)
    # Within arq's own timeout of the job (jobs/worker.py), which would end it uncleanly.
    seconds = min(seconds, settings.generation_timeout_seconds * ARQ_TIMEOUT_SHARE)
    return Budget(float(started) if started else time.time(), seconds)


def runs_of(task: CvGenerationTask) -> int:
    return int((task.payload or {}).get("runs") or 0)


def over_limits(task: CvGenerationTask, settings: Settings) -> dict[str, Any] | None:
    """The failure a run about to start (or be resumed) must stop with, if any."""
    if runs_of(task) >= settings.generation_max_runs:
        return gave_up(runs_of(task))
    budget = budget_of(task, settings)
    if (task.payload or {}).get("startedAt") and budget.exceeded():
        return budget_exceeded(budget.seconds)
    return None


def mark_started(task: CvGenerationTask) -> None:
    """One more run; the first one sets the start the budget counts from."""
    payload = dict(task.payload or {})
    payload.setdefault("startedAt", time.time())
    payload["runs"] = runs_of(task) + 1
    task.payload = payload  # a new dict: the JSON column sees the change


async def stop_generation(
    sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
    task_id: str,
    failure: dict[str, Any],
) -> Outcome | None:
    """Fail every unfinished offer with ``failure`` (refunded once each), end the task and
    send its events. None (nothing written or sent) when the task had already ended."""
    async with sessions() as session:
        task = await session.get(CvGenerationTask, task_id)
        if task is None or task.status in GENERATION_FINISHED:
            return None
        failed = await fail_unfinished(session, task, failure)
        task.error = TASK_ERRORS.get(str(failure["code"]), str(failure["message"]))
        outcome = await finish_task(session, task)
        await session.commit()
        user_id = task.user_id
    for offer, refunded in failed:
        await publish_offer_failed(
            redis, user_id, task_id, offer.id, offer.offer_index, failure, refunded
        )
    await publish_outcome(redis, user_id, task_id, outcome)
    return outcome


async def publish_offer_failed(
    redis: Redis,
    user_id: str,
    task_id: str,
    offer_id: str,
    offer_index: int,
    failure: dict[str, Any],
    refunded: int,
) -> None:
    message = str(failure["message"])
    payload = {"taskId": task_id, "offerId": offer_id, "offerIndex": offer_index}
    code = {"errorCode": failure["code"]} if failure.get("code") else {}
    await publish_event(
        redis,
        user_id,
        GENERATION_OFFER_FAILED,
        {**payload, "error": message, **code, "creditsRefunded": refunded},
    )
    await publish_event(
        redis, user_id, GENERATION_ERROR, {"taskId": task_id, "offerId": offer_id, "error": message}
    )


async def publish_outcome(redis: Redis, user_id: str, task_id: str, outcome: Outcome) -> None:
    """The task's final events: ``completed`` (whatever the status), its task-centre row, the
    CV list."""
    await publish_event(
        redis,
        user_id,
        GENERATION_COMPLETED,
        {
            "taskId": task_id,
            "generatedCvIds": outcome.generated,
            "totalGenerated": len(outcome.generated),
            "totalFailed": outcome.total_failed,
            "creditsRefunded": outcome.credits_refunded,
            "status": outcome.status,
        },
    )
    if outcome.background_task is not None:
        await publish_event(redis, user_id, TASK_UPDATED, task_payload(outcome.background_task))
    await publish_event(redis, user_id, CV_LIST_CHANGED, cv_list_changed())
