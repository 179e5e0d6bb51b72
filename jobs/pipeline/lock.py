"""A Redis lease so that one generation task runs in one worker at a time.

arq may deliver a job twice (re-delivery after a crash, or our recovery sweep); the second
delivery finds the lease held and steps aside. The holder renews it; a dead holder's lease
expires after ``generation_lease_seconds`` and the task can be resumed elsewhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import AsyncIterator

from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.lib.redis_lock import release

# Renew while we own it (compare-and-set); take it back if it vanished (a Redis restart
# without persistence wipes it while we still run); 0 when another holder has it.
_RENEW = (
    "local current = redis.call('get', KEYS[1]) "
    "if current == ARGV[1] then return redis.call('expire', KEYS[1], ARGV[2]) end "
    "if not current then redis.call('set', KEYS[1], ARGV[1], 'EX', ARGV[2]) return 1 end "
    "return 0"
)
RETRY_RENEW_SECONDS = 0.5
log = logging.getLogger(__name__)


def lease_key(task_id: str) -> str:
    return f"cvtailor:generation-lease:{task_id}"


async def is_held(redis: Redis, task_id: str) -> bool:
    return bool(await redis.exists(lease_key(task_id)))


@contextlib.asynccontextmanager
async def task_lease(redis: Redis, task_id: str, seconds: int) -> AsyncIterator[bool]:
    """Yield True when this process holds the lease for the duration of the block."""
    token = secrets.token_hex(8)
    key = lease_key(task_id)
    if not await redis.set(key, token, nx=True, ex=seconds):
        yield False
        return

    async def renew() -> None:
        pause = max(1.0, seconds / 3)
        while True:
            await asyncio.sleep(pause)
            try:
                renewed = await redis.eval(_RENEW, 1, key, token, str(seconds))  # type: ignore[misc]
            except (RedisError, OSError) as exc:  # Redis away: keep trying, it may come back
                log.warning("cannot renew the lease of task %s: %s", task_id, exc)
                pause = RETRY_RENEW_SECONDS
                continue
            pause = max(1.0, seconds / 3)
            if not renewed:
                log.error("the lease of task %s is held by another run", task_id)

    renewer = asyncio.create_task(renew())
    try:
        yield True
    finally:
        # Shielded: a cancel landing now (arq's abort of a job that is ending) must not stop
        # the release halfway, or the lease stays until it expires and blocks a resumption.
        await asyncio.shield(asyncio.ensure_future(_release(redis, renewer, key, token)))


async def _release(redis: Redis, renewer: asyncio.Task[None], key: str, token: str) -> None:
    renewer.cancel()  # first: a renewal after the release would take the lease back
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await renewer
    with contextlib.suppress(Exception):
        await release(redis, key, token)
