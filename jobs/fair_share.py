"""Fair shares of the worker: one user's task jobs running at once stay within their share
(``Settings.user_job_share``: a quarter of ``max_jobs`` by default), across every worker, and
beyond it a user's jobs wait in the queue behind other users'.

Every task kind's job passes through ``gated`` (jobs/worker.py wraps them by name; the route
guarantees walk, tests/security/test_route_guarantees.py, fails on a kind whose job does not).
At the start of a job, before any work or write, one Redis script takes a lease in the user's
sorted set (scored by its expiry, Redis' own clock) if fewer than the share are held. A job
that finds them all held goes back to the queue (arq ``Retry`` with a short jittered delay) and
gives its try back: waiting for a share is not a failure, so it never uses up the retries
(jobs/task_job.py ``MAX_RETRIES``) nor ends the task.

The lease is held for the whole job, so time spent waiting on the user's own AI endpoint counts
against that user. It is short and renewed while the job runs: a killed worker's leases lapse
within ``LEASE_S``.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import logging
import random
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any

from arq import Retry
from arq.constants import retry_key_prefix
from arq.worker import func
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, CvGenerationTask
from app.tasks.registry import recoverable

log = logging.getLogger(__name__)
LEASE_S = 60  # a killed worker's lease lapses after this
RENEW_S = 15.0  # a running job's lease is pushed forward this often
DEFER_S = (0.5, 2.0)  # a job over its user's share is re-queued after this long (ctx overrides)
MARK = "__fair_share__"  # set on a gated job: the route-guarantees walk reads it

# KEYS[1] the user's leases; ARGV: limit, lease seconds, token. Redis' own clock: the workers'
# clocks may disagree. Dead leases (past their score) go first.
TAKE = """
local now = tonumber(redis.call('time')[1])
redis.call('zremrangebyscore', KEYS[1], '-inf', now)
if redis.call('zcard', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('zadd', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('expire', KEYS[1], tonumber(ARGV[2]))
  return 1
end
return 0
"""
# KEYS[1] the user's leases; ARGV: lease seconds, token. Only a lease still held is pushed.
_RENEW = """
local now = tonumber(redis.call('time')[1])
if redis.call('zscore', KEYS[1], ARGV[2]) then
  redis.call('zadd', KEYS[1], now + tonumber(ARGV[1]), ARGV[2])
  redis.call('expire', KEYS[1], tonumber(ARGV[1]))
  return 1
end
return 0
"""

Owner = Callable[[AsyncSession, tuple[Any, ...]], Awaitable[str | None]]
JobFn = Callable[..., Coroutine[Any, Any, Any]]


def share(ctx: dict[str, Any]) -> int:
    """One user's jobs at once, from the worker's settings."""
    return int(ctx["settings"].user_job_share)


def _leases(user_id: str) -> str:
    return f"cvtailor:jobs:user-leases:{user_id}"


async def take(redis: Any, key: str, limit: int, seconds: int, token: str) -> bool:
    """Take one of ``limit`` leases of ``key`` for ``seconds`` (atomically: two workers cannot
    both take the last one)."""
    return bool(await redis.eval(TAKE, 1, key, max(limit, 1), seconds, token))


async def _renew_forever(redis: Any, key: str, token: str) -> None:
    while True:
        await asyncio.sleep(RENEW_S)
        with contextlib.suppress(Exception):  # Redis away a moment: the next round renews
            await redis.eval(_RENEW, 1, key, LEASE_S, token)


@asynccontextmanager
async def user_lease(redis: Any, user_id: str, limit: int) -> AsyncIterator[bool]:
    """Whether one of the user's ``limit`` job leases was free (then held, and renewed, until
    the block ends)."""
    key, token = _leases(user_id), secrets.token_hex(8)
    if not await take(redis, key, limit, LEASE_S, token):
        yield False
        return
    renewer = asyncio.create_task(_renew_forever(redis, key, token))
    try:
        yield True
    finally:
        renewer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await renewer
        await redis.zrem(key, token)


async def held(redis: Any, user_id: str) -> int:
    """The user's leases held (the fault test and the bench read it; a dead worker's lease is
    counted until the next take prunes it)."""
    return int(await redis.zcard(_leases(user_id)))


async def _defer(ctx: dict[str, Any]) -> Retry:
    """Back to the queue, the try given back: arq counted this run as one (its retry key)."""
    await ctx["redis"].decr(retry_key_prefix + str(ctx["job_id"]))
    return Retry(defer=random.uniform(*ctx.get("fair_share_defer_s", DEFER_S)))


async def task_owner(db: AsyncSession, args: tuple[Any, ...]) -> str | None:
    """The user of a kernel job (its task's id comes last: ``(row_id, task_id)``)."""
    if not args:
        return None
    return await db.scalar(select(BackgroundTask.user_id).where(BackgroundTask.id == args[-1]))


async def generation_owner(db: AsyncSession, args: tuple[Any, ...]) -> str | None:
    """The user of a generation's job (``(generation_id,)``)."""
    if not args:
        return None
    return await db.scalar(select(CvGenerationTask.user_id).where(CvGenerationTask.id == args[0]))


async def _owner_of(ctx: dict[str, Any], owner: Owner, args: tuple[Any, ...]) -> str | None:
    # A read that writes nothing: the observer sessions skip SQLite's write lock (worker.py).
    sessions = ctx.get("observer_sessions") or ctx["session_factory"]
    async with sessions() as db:
        user_id = await owner(db, args)
        await db.rollback()
    return user_id


def gated(job: JobFn, owner: Owner = task_owner) -> JobFn:
    """``job`` run within its user's share, else re-queued before doing anything."""

    @functools.wraps(job)
    async def run(ctx: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        user_id = await _owner_of(ctx, owner, args)
        if user_id is None:  # its task or input is gone: the job itself says so
            return await job(ctx, *args, **kwargs)
        async with user_lease(ctx["redis"], user_id, share(ctx)) as taken:
            if not taken:
                log.debug("job %s waits: user %s is at their share", ctx.get("job_id"), user_id)
                raise await _defer(ctx)
            return await job(ctx, *args, **kwargs)

    setattr(run, MARK, True)
    return run


def is_gated(job: Any) -> bool:
    """Whether a worker function (a coroutine or arq's ``Function``) takes the fair share."""
    coroutine = getattr(job, "coroutine", job)
    return bool(getattr(coroutine, MARK, False))


def share_task_jobs(functions: list[Any], generation_job: str) -> list[Any]:
    """The worker's functions, each task kind's job gated: the kinds the kernel recovers
    (their job named by their ``Recovery``) by their task's user, the generation by its own."""
    kernel = {str(recovery.job) for recovery in recoverable().values()}
    gated_functions = []
    for function in map(func, functions):
        if function.name in kernel:
            function = dataclasses.replace(function, coroutine=gated(function.coroutine))
        elif function.name == generation_job:
            function = dataclasses.replace(
                function, coroutine=gated(function.coroutine, generation_owner)
            )
        gated_functions.append(function)
    return gated_functions
