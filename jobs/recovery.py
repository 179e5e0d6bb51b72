"""Crash recovery: resume work whose worker died or whose arq job Redis lost.

Generations (here): a task ``running`` whose lease (jobs/pipeline/lock.py) has expired lost its
worker; a task ``pending`` whose arq job is gone lost its queue entry (a Redis restart without
persistence). The tasks of the kinds that declare a recovery (imports, offer extractions,
letters, pitches, coach replies, searches) are recovered by the task kernel
(app/tasks/recovery.py), at most ``CVTAILOR_TASK_MAX_RECOVERIES`` times each. Each is
re-enqueued; the jobs are idempotent, so a late duplicate finds the work done (or the lease
held, or the task cancelled) and steps aside.

Re-enqueueing never doubles a job: see ``requeue`` in app/tasks/queue.py. A resumed generation's
fresh job id is recorded in its payload (``jobIds``) before the job is queued, so a sweep that
runs while that job still waits in the queue does not queue another one.
"""

from __future__ import annotations

import logging
from datetime import UTC, timedelta
from typing import Any

from arq import ArqRedis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvGenerationTask
from app.db.models.base import utcnow
from app.db.models.status import GENERATION_OPEN, GenerationStatus
from app.domain.generation.services import JOB_NAME, job_id_for
from app.domain.letters.requesting import users_with_waiting_letters
from app.tasks.queue import any_job_exists, job_exists, requeue
from app.tasks.recovery import recover_lost_tasks
from jobs.cover_letters import start_waiting_letters
from jobs.pipeline.budget import over_limits, stop_generation
from jobs.pipeline.lock import is_held

log = logging.getLogger(__name__)
# A pending generation whose job id is taken by a finished job gets a fresh job after this.
PENDING_GRACE = timedelta(seconds=30)


def _aware(moment: Any) -> Any:
    # SQLite returns naive datetimes (stored in UTC).
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# ---------------------------------------------------------------------------- generations


RESUME_JOB_IDS = "jobIds"  # the payload's fresh ids of resumed runs, oldest first


def resume_job_ids(task: CvGenerationTask) -> list[str]:
    return [str(job_id) for job_id in (task.payload or {}).get(RESUME_JOB_IDS) or []]


async def record_resume(sessions: async_sessionmaker[AsyncSession], task_id: str) -> str | None:
    """Record the fresh job id a stale generation is about to be resumed under (committed
    before the job is queued); None when it ended meanwhile (cancelled: it must not run)."""
    async with sessions() as session:
        task = await session.get(CvGenerationTask, task_id)
        if task is None or task.status not in GENERATION_OPEN:
            await session.commit()
            return None
        known = resume_job_ids(task)
        # Numbered, not timed: two sweeps name the same job, and arq refuses the second.
        fresh = f"{job_id_for(task.id)}:resume:{len(known) + 1}"
        task.payload = {**(task.payload or {}), RESUME_JOB_IDS: [*known, fresh]}
        await session.commit()
    return fresh


async def stale_generations(
    sessions: async_sessionmaker[AsyncSession], redis: ArqRedis
) -> list[CvGenerationTask]:
    async with sessions() as session:
        rows = list(
            await session.scalars(
                select(CvGenerationTask).where(CvGenerationTask.status.in_(GENERATION_OPEN))
            )
        )
    stale: list[CvGenerationTask] = []
    for task in rows:
        job_id = str((task.payload or {}).get("jobId") or job_id_for(task.id))
        if await any_job_exists(redis, resume_job_ids(task)):
            continue  # resumed already: its job waits in the queue or runs
        if (task.status == GenerationStatus.RUNNING and not await is_held(redis, task.id)) or (
            task.status == GenerationStatus.PENDING and not await job_exists(redis, job_id)
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
        if task.status == GenerationStatus.RUNNING:
            # The dead worker's job may still be "in progress" in Redis: a fresh id.
            fresh = await record_resume(ctx["session_factory"], task.id)
            done = fresh is not None
            if fresh is not None:
                done = await redis.enqueue_job(JOB_NAME, task.id, _job_id=fresh) is not None
        else:
            old = utcnow() - _aware(task.created_at) > PENDING_GRACE
            job_id = str((task.payload or {}).get("jobId") or job_id_for(task.id))
            fresh = await record_resume(ctx["session_factory"], task.id) if old else None
            done = await requeue(redis, JOB_NAME, job_id, task.id, fresh_id=fresh) is not None
        if done:
            resumed += 1
            log.warning("re-enqueued %s generation %s (worker or job lost)", task.status, task.id)
    return resumed


async def start_waiting_letters_of_all(ctx: dict[str, Any]) -> int:
    """Start the letters waiting for a free slot: a generation's offer adds its letter in the
    transaction that completes it (jobs/pipeline/recompose.py) and starts it right after; a
    worker killed in between leaves it waiting with no letter running to start it at its end.
    Returns how many users had one waiting (most of the time none: one query)."""
    sessions = ctx["session_factory"]
    async with sessions() as session:
        users = await users_with_waiting_letters(session)
        await session.commit()
    for user_id in users:
        await start_waiting_letters(sessions, ctx["redis"], user_id, ctx["settings"])
    return len(users)


async def recover_lost_jobs(ctx: dict[str, Any]) -> int:
    """The sweep the worker runs at start-up and then periodically (jobs/worker.py).

    arq's own lines for this sweep are DEBUG (jobs/quiet_cron.py): it says here, at INFO,
    when it did something.
    """
    generations = await resume_stale_generations(ctx)
    await start_waiting_letters_of_all(ctx)
    settings = ctx["settings"]
    inputs = await recover_lost_tasks(
        ctx["session_factory"],
        ctx["redis"],
        settings.job_timeout_seconds,
        settings.task_max_recoveries,
    )
    if generations or inputs:
        log.info(
            "recovery sweep: %d generation(s) resumed, %d other task(s) recovered or ended",
            generations,
            inputs,
        )
    return generations + inputs
