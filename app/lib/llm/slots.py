"""At most N requests in flight to one endpoint, per process: a semaphore per base URL.

A local server (llama.cpp, Ollama, LM Studio) often computes one answer at a time; the 6–7 batch
calls of an offer sent at once would queue *inside the server*, where each call's HTTP timeout
also counts the others' compute. Queued here instead, a call starts its timeout only once it
holds a slot (``transport.chat_once`` enters the slot before sending).

Semaphores belong to the event loop that first waits on them, so they are kept per loop (like
the SDK clients in ``transport``). A changed limit takes a new semaphore; calls already holding
a slot of the old one finish there, so the new limit applies from the next calls on.
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import AsyncIterator

UNLIMITED = 0

_Slots = dict[str, tuple[int, asyncio.Semaphore]]
_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Slots] = weakref.WeakKeyDictionary()


def _semaphore(base_url: str, limit: int) -> asyncio.Semaphore:
    per_loop = _slots.setdefault(asyncio.get_running_loop(), {})
    known = per_loop.get(base_url)
    if known is None or known[0] != limit:
        known = (limit, asyncio.Semaphore(limit))
        per_loop[base_url] = known
    return known[1]


@contextlib.asynccontextmanager
async def endpoint_slot(base_url: str, limit: int) -> AsyncIterator[None]:
    """Hold one of ``limit`` slots of ``base_url`` (``limit`` ≤ 0: no limit) for the block."""
    if limit <= UNLIMITED:
        yield
        return
    async with _semaphore(base_url, limit):
        yield
