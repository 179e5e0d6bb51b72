"""A Redis lock released only by its holder: SET NX with a time to live (a holder that died
frees it when that runs out) and a compare-and-delete on release, so a holder whose lock
expired and was taken by another never deletes the other's."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""
POLL_SECONDS = 0.05


async def release(redis: Any, key: str, token: str) -> None:
    """Delete ``key`` if it still holds ``token`` (this holder's)."""
    await redis.eval(RELEASE, 1, key, token)


@asynccontextmanager
async def held(
    redis: Any, key: str, *, seconds: int, wait: float, busy: Callable[[], Exception]
) -> AsyncIterator[None]:
    """Hold ``key`` (for at most ``seconds``) while the block runs, waiting up to ``wait``
    seconds for it; ``busy()`` raised when another holds it that long."""
    token = secrets.token_hex(16)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while not await redis.set(key, token, nx=True, ex=seconds):
        if loop.time() > deadline:
            raise busy()
        await asyncio.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        await release(redis, key, token)
