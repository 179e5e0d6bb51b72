"""At most N requests in flight to one endpoint, per process: a semaphore per base URL.

A local server (llama.cpp, Ollama, LM Studio) often computes one answer at a time; the 6–7 batch
calls of an offer sent at once would queue *inside the server*, where each call's HTTP timeout
also counts the others' compute. Queued here instead, a call starts its timeout only once it
holds a slot (``transport.chat_once`` enters the slot before sending).

Semaphores belong to the event loop that first waits on them, so they are kept per loop (like
the SDK clients in ``transport``). Each limit has its own semaphore: after an admin changes it,
a run that started before keeps the old one (its endpoint was built then) and new runs share the
new one, so neither resets the other's queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import AsyncIterator

UNLIMITED = 0

_Slots = dict[tuple[str, int], asyncio.Semaphore]
_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Slots] = weakref.WeakKeyDictionary()


def _semaphore(base_url: str, limit: int) -> asyncio.Semaphore:
    per_loop = _slots.setdefault(asyncio.get_running_loop(), {})
    semaphore = per_loop.get((base_url, limit))
    if semaphore is None:
        semaphore = per_loop[(base_url, limit)] = asyncio.Semaphore(limit)
    return semaphore


@contextlib.asynccontextmanager
async def endpoint_slot(base_url: str, limit: int) -> AsyncIterator[None]:
    """Hold one of ``limit`` slots of ``base_url`` (``limit`` ≤ 0: no limit) for the block."""
    if limit <= UNLIMITED:
        yield
        return
    async with _semaphore(base_url, limit):
        yield
