"""The arq queue as the recovery sweep sees it: is a task's job still there, and enqueueing it
again without ever doubling it. arq's own key names (``arq.constants``), not copies of them."""

from __future__ import annotations

import asyncio
from typing import Any

from arq import ArqRedis
from arq.constants import in_progress_key_prefix, job_key_prefix
from arq.jobs import DeserializationError
from arq.jobs import Job as ArqJob

from app.job_names import Job, enqueue


async def job_exists(redis: ArqRedis, job_id: str) -> bool:
    """Queued, deferred or running (a kept result is not "existing": the job is over)."""
    return bool(
        await redis.exists(f"{job_key_prefix}{job_id}")
        or await redis.exists(f"{in_progress_key_prefix}{job_id}")
    )


async def requeue(
    redis: ArqRedis, function: Job, job_id: str, *args: Any, fresh_id: str | None = None
) -> str | None:
    """Enqueue under ``job_id`` (a no-op if that job is queued or has a result), else, when
    ``fresh_id`` is given, under it. The id enqueued, or None when no job was.

    The task's own id first is race-free: arq refuses a second job with the id of a queued job
    or of a kept result, so a job the web is enqueueing at the same moment is never doubled.
    Only when that id is taken by a finished job (which ended without settling the task) is the
    fresh id used; the caller records it on the task first (app/tasks/job_ids.py).
    """
    if await enqueue(redis, function, *args, _job_id=job_id) is not None:
        return job_id
    if fresh_id is None or await job_exists(redis, job_id):
        return None  # the web (or another sweep) enqueued it meanwhile
    if await enqueue(redis, function, *args, _job_id=fresh_id) is not None:
        return fresh_id
    return None


async def any_job_exists(redis: ArqRedis, job_ids: list[str]) -> bool:
    """One of these jobs is queued, deferred or running."""
    for job_id in job_ids:
        if await job_exists(redis, job_id):
            return True
    return False


async def ended_unsettled(redis: ArqRedis, job_ids: list[str]) -> bool:
    """Whether the last of these jobs to end kept a result other than arq's timeout: it
    returned, or failed (a failure handler's own write refused, tries used up), so a task
    still open behind it has nothing running it and nothing will. A timed-out job is not one:
    its task is re-queued (recovery.py)."""
    for job_id in reversed(job_ids):
        try:
            info = await ArqJob(job_id, redis).result_info()
        except DeserializationError:  # a result it cannot read: left to the timeout rule
            return False
        if info is None:
            continue
        return info.success or not isinstance(
            info.result, asyncio.TimeoutError | asyncio.CancelledError
        )
    return False
