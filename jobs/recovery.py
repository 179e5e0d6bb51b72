"""Crash recovery: resume work whose worker died or whose arq job Redis lost.

Generations: a task ``running`` whose lease (jobs/pipeline/lock.py) has expired lost its worker;
a task ``pending`` whose arq job is gone lost its queue entry (a Redis restart without
persistence). Imports and offer extractions: a task ``queued`` whose job is gone, or ``running``
with no job and no progress for longer than any job may run. Each is re-enqueued; the jobs are
idempotent, so a late duplicate finds the work done (or the lease held) and steps aside; a
re-enqueued import keeps its concurrency slot. An import whose source is gone cannot run again:
it is marked failed, with the reason, refunded, and its slot freed.

Re-enqueueing under the task's own job id first is race-free: arq refuses a second job with the
id of a queued job or of a kept result, so a job that the web is enqueueing at the same moment
is never doubled. Only when that id is taken by a finished job (which ended without settling the
task) is a fresh id used.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, timedelta
from typing import Any

from arq import ArqRedis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import BackgroundTask, CvFile, CvGenerationTask, JobOffer
from app.db.models.background_task import OPEN_STATUSES
from app.db.models.base import now_ms, utcnow
from app.domain.cvs.input_tasks import end_import, end_offer_extraction
from app.domain.cvs.services import IMPORT_TASK_TYPE
from app.domain.generation.services import JOB_NAME, job_id_for
from app.domain.offers.services import OFFER_TASK_TYPE
from app.domain.tasks.services import save_and_publish
from app.lib.events import publish_event
from app.lib.problems import problem
from jobs.imports import CV_LIST_CHANGED, OFFER_UPDATED
from jobs.pipeline.budget import over_limits, stop_generation
from jobs.pipeline.lock import is_held

log = logging.getLogger(__name__)
# A pending generation whose job id is taken by a finished job gets a fresh job after this.
PENDING_GRACE = timedelta(seconds=30)
# arq job of each inputs task type (jobs/imports.py).
INPUT_JOBS = {IMPORT_TASK_TYPE: "import_cv", OFFER_TASK_TYPE: "extract_offer"}
CV_SOURCE_GONE = "The uploaded file is no longer available; import the CV again."
OFFER_SOURCE_GONE = "The offer text is no longer available; add the offer again."


async def _job_exists(redis: ArqRedis, job_id: str) -> bool:
    return bool(
        await redis.exists(f"arq:job:{job_id}") or await redis.exists(f"arq:in-progress:{job_id}")
    )


async def _requeue(
    redis: ArqRedis, function: str, job_id: str, *args: Any, fresh_id_allowed: bool = True
) -> bool:
    """Enqueue under ``job_id`` (a no-op if that job is queued or has a result), else, when
    allowed, under a fresh id. True when a job was enqueued."""
    if await redis.enqueue_job(function, *args, _job_id=job_id) is not None:
        return True
    if not fresh_id_allowed or await _job_exists(redis, job_id):
        return False  # the web (or another sweep) enqueued it meanwhile
    fresh = f"{job_id}:recover:{int(time.time())}"
    return await redis.enqueue_job(function, *args, _job_id=fresh) is not None


def _aware(moment: Any) -> Any:
    # SQLite returns naive datetimes (stored in UTC).
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# ---------------------------------------------------------------------------- generations


async def stale_generations(
    sessions: async_sessionmaker[AsyncSession], redis: ArqRedis
) -> list[CvGenerationTask]:
    async with sessions() as session:
        rows = list(
            await session.scalars(
                select(CvGenerationTask).where(CvGenerationTask.status.in_(("pending", "running")))
            )
        )
    stale: list[CvGenerationTask] = []
    for task in rows:
        job_id = str((task.payload or {}).get("jobId") or job_id_for(task.id))
        if (task.status == "running" and not await is_held(redis, task.id)) or (
            task.status == "pending" and not await _job_exists(redis, job_id)
        ):
            stale.append(task)
    return stale


async def resume_stale_generations(ctx: dict[str, Any]) -> int:
    """Re-enqueue every stale generation (or end it, failed and refunded, when it has used up
    its time budget or its runs: jobs/pipeline/budget.py); returns how many."""
    redis: ArqRedis = ctx["redis"]
    resumed = 0
    for task in await stale_generations(ctx["session_factory"], redis):
        failure = over_limits(task, ctx["settings"])
        if failure is not None:
            if await stop_generation(ctx["session_factory"], redis, task.id, failure):
                resumed += 1
                log.warning("generation %s not resumed: %s", task.id, failure["code"])
            continue
        # A resumed job is queued behind every job already waiting (arq runs them in order):
        # it takes no precedence over other users' work.
        if task.status == "running":
            # The dead worker's job may still be "in progress" in Redis: a fresh id.
            job_id = f"{job_id_for(task.id)}:resume:{int(time.time())}"
            done = await redis.enqueue_job(JOB_NAME, task.id, _job_id=job_id) is not None
        else:
            old = utcnow() - _aware(task.created_at) > PENDING_GRACE
            job_id = str((task.payload or {}).get("jobId") or job_id_for(task.id))
            done = await _requeue(redis, JOB_NAME, job_id, task.id, fresh_id_allowed=old)
        if done:
            resumed += 1
            log.warning("re-enqueued %s generation %s (worker or job lost)", task.status, task.id)
    return resumed


# ---------------------------------------------------------------------------- inputs


async def _source_present(session: AsyncSession, task: BackgroundTask) -> tuple[str, bool]:
    """(the id the job takes, whether its input can still be read)."""
    if task.type == IMPORT_TASK_TYPE:
        cv_id = str(task.progress.get("cvId") or "")
        cv = await session.get(CvFile, cv_id) if cv_id else None
        return cv_id, cv is not None and bool(cv.original_bytes)
    offer_id = str(task.progress.get("offerId") or "")
    offer = await session.get(JobOffer, offer_id) if offer_id else None
    return offer_id, offer is not None and bool(offer.description.strip())


async def _fail_lost_input(
    session: AsyncSession, redis: ArqRedis, task: BackgroundTask, source_id: str
) -> bool:
    """The input is gone: the task fails with the reason (the row too, if any), refunded, its
    slot freed. False, with nothing written, when it was settled meanwhile (e.g. cancelled)."""
    reason = (  # words, not the task's type: the ledger shows it (app/lib/labels.py)
        "Refund: CV import could not run"
        if task.type == IMPORT_TASK_TYPE
        else "Refund: offer extraction could not run"
    )
    if task.type == IMPORT_TASK_TYPE:
        event, key = CV_LIST_CHANGED, "cvId"
        cv = await session.get(CvFile, source_id) if source_id else None
        failure = problem("source_missing", CV_SOURCE_GONE, "error")
        ended = await end_import(
            session, task, cv, status="failed", failure=failure, refund_reason=reason
        )
    else:
        event, key = OFFER_UPDATED, "offerId"
        offer = await session.get(JobOffer, source_id) if source_id else None
        ended = await end_offer_extraction(
            session, task, offer, status="failed", message=OFFER_SOURCE_GONE, refund_reason=reason
        )
    if not ended:
        return False
    await save_and_publish(session, redis, task)
    await publish_event(redis, task.user_id, event, {key: source_id})
    return True


async def recover_lost_inputs(ctx: dict[str, Any]) -> int:
    """Re-enqueue imports and offer extractions whose job Redis lost; fail those whose input
    is gone. Returns how many tasks were acted on."""
    redis: ArqRedis = ctx["redis"]
    settings: Settings = ctx["settings"]
    # No job may run longer than job_timeout: past it, a running task without a job is lost.
    silent_ms = (settings.job_timeout_seconds + 10) * 1000
    acted = 0
    async with ctx["session_factory"]() as session:
        tasks = list(
            await session.scalars(
                select(BackgroundTask).where(
                    BackgroundTask.type.in_(tuple(INPUT_JOBS)),
                    BackgroundTask.status.in_(OPEN_STATUSES),
                )
            )
        )
        await session.commit()  # SQLite: do not hold the write lock while talking to Redis
        for task in tasks:
            if not task.job_id or await _job_exists(redis, task.job_id):
                continue
            if task.status == "running" and now_ms() - task.updated_at < silent_ms:
                continue  # its job may still be running although Redis forgot it
            source_id, present = await _source_present(session, task)
            if present:
                # Re-enqueued, an import keeps its concurrency slot: it is still running.
                enqueued = await _requeue(
                    redis, INPUT_JOBS[task.type], task.job_id, source_id, task.id
                )
                await session.commit()
                if not enqueued:
                    continue
                log.warning("re-enqueued %s task %s (its job was lost)", task.type, task.id)
            else:
                if not await _fail_lost_input(session, redis, task, source_id):
                    await session.commit()  # settled meanwhile (e.g. cancelled): leave it
                    continue
                log.warning("%s task %s failed: its input is gone", task.type, task.id)
            acted += 1
    return acted


async def recover_lost_jobs(ctx: dict[str, Any]) -> int:
    """The sweep the worker runs at start-up and then periodically (jobs/worker.py).

    arq's own lines for this sweep are DEBUG (jobs/quiet_cron.py): it says here, at INFO,
    when it did something.
    """
    generations = await resume_stale_generations(ctx)
    inputs = await recover_lost_inputs(ctx)
    if generations or inputs:
        log.info(
            "recovery sweep: %d generation(s) resumed, %d import(s)/extraction(s) recovered",
            generations,
            inputs,
        )
    return generations + inputs
