"""Crash recovery: resume generations whose worker died.

A task ``running`` whose lease (jobs/pipeline/lock.py) has expired lost its worker; a task
``pending`` whose arq job is gone lost its queue entry (a Redis restart without persistence).
Either is re-enqueued under a fresh job id; the run is idempotent, so a late duplicate of the
original job finds the work done or the lease held and steps aside.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, timedelta
from typing import Any

from arq import ArqRedis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvGenerationTask
from app.db.models.base import utcnow
from app.domain.generation.services import JOB_NAME, job_id_for
from jobs.pipeline.lock import is_held

log = logging.getLogger(__name__)
# A pending task younger than this may simply not have been picked up yet.
PENDING_GRACE = timedelta(seconds=30)


async def _job_exists(redis: ArqRedis, job_id: str) -> bool:
    return bool(
        await redis.exists(f"arq:job:{job_id}") or await redis.exists(f"arq:in-progress:{job_id}")
    )


async def stale_generations(
    sessions: async_sessionmaker[AsyncSession], redis: ArqRedis
) -> list[str]:
    async with sessions() as session:
        rows = list(
            await session.scalars(
                select(CvGenerationTask).where(CvGenerationTask.status.in_(("pending", "running")))
            )
        )
    stale: list[str] = []
    for task in rows:
        job_id = str((task.payload or {}).get("jobId") or job_id_for(task.id))
        if (task.status == "running" and not await is_held(redis, task.id)) or (
            task.status == "pending"
            and utcnow() - _aware(task.created_at) > PENDING_GRACE
            and not await _job_exists(redis, job_id)
        ):
            stale.append(task.id)
    return stale


def _aware(moment: Any) -> Any:
    # SQLite returns naive datetimes (stored in UTC).
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def resume_stale_generations(ctx: dict[str, Any]) -> int:
    """Re-enqueue every stale generation; returns how many. Runs at start-up and periodically."""
    redis: ArqRedis = ctx["redis"]
    resumed = 0
    for task_id in await stale_generations(ctx["session_factory"], redis):
        job = await redis.enqueue_job(
            JOB_NAME, task_id, _job_id=f"{job_id_for(task_id)}:resume:{int(time.time())}"
        )
        if job is not None:
            resumed += 1
            log.warning("resuming generation %s after a lost worker", task_id)
    return resumed
