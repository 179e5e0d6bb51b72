"""One request at a time per host across every worker, and a pause between two requests to
the same host: a job board sees one polite client, however many searches point at it.

Two Redis keys per host: a lock (SET NX, with a TTL longer than one fetch so a killed worker
cannot hold it for ever; released only by its holder) and a cool-down key whose remaining TTL
is how long the next request must wait.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

from app.lib.redis_lock import held
from app.lib.url_fetch import TIMEOUT_S

HOST_DELAY_S = 1.0  # between two requests to one host
LOCK_TTL_S = int(TIMEOUT_S * 3)  # longer than any fetch (TIMEOUT_S bounds each one)
WAIT_S = 120.0  # give up waiting for a host after this long (the source logs "busy")


class HostBusy(Exception):
    """The host stayed locked by other fetches for longer than ``WAIT_S``."""


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


@asynccontextmanager
async def host_slot(redis: Any, url: str, delay_s: float = HOST_DELAY_S) -> AsyncIterator[None]:
    """Hold the host of ``url`` for one request, after its cool-down."""
    host = host_of(url)
    lock, cool = f"cvtailor:discovery:host:{host}", f"cvtailor:discovery:cool:{host}"
    async with held(redis, lock, seconds=LOCK_TTL_S, wait=WAIT_S, busy=lambda: HostBusy(host)):
        try:
            wait_ms = await redis.pttl(cool)
            if wait_ms and wait_ms > 0:
                await asyncio.sleep(wait_ms / 1000)
            yield
        finally:  # the cool-down is set before the host is let go
            if delay_s > 0:
                await redis.set(cool, "1", px=max(int(delay_s * 1000), 1))
