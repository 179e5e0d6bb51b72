"""The arq queue as the recovery sweep sees it: is a task's job still there, and enqueueing it
again without ever doubling it. arq's own key names (``arq.constants``), not copies of them."""

from __future__ import annotations

import time
from typing import Any

from arq import ArqRedis
from arq.constants import in_progress_key_prefix, job_key_prefix


async def job_exists(redis: ArqRedis, job_id: str) -> bool:
    """Queued, deferred or running (a kept result is not "existing": the job is over)."""
    return bool(
        await redis.exists(f"{job_key_prefix}{job_id}")
        or await redis.exists(f"{in_progress_key_prefix}{job_id}")
    )


async def requeue(
    redis: ArqRedis, function: str, job_id: str, *args: Any, fresh_id_allowed: bool = True
) -> bool:
    """Enqueue under ``job_id`` (a no-op if that job is queued or has a result), else, when
    allowed, under a fresh id. True when a job was enqueued.

    The task's own id first is race-free: arq refuses a second job with the id of a queued job
    or of a kept result, so a job the web is enqueueing at the same moment is never doubled.
    Only when that id is taken by a finished job (which ended without settling the task) is a
    fresh id used.
    """
    if await redis.enqueue_job(function, *args, _job_id=job_id) is not None:
        return True
    if not fresh_id_allowed or await job_exists(redis, job_id):
        return False  # the web (or another sweep) enqueued it meanwhile
    fresh = f"{job_id}:recover:{int(time.time())}"
    return await redis.enqueue_job(function, *args, _job_id=fresh) is not None
