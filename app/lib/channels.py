"""The Redis pub/sub backend of the SSE streams, with subscriptions made one at a time.

redis-py's ``PubSub`` opens its connection lazily, and not atomically: two first ``subscribe``
calls at the same moment each open a connection, the second replaces the first, and the channels
subscribed on the lost one never deliver a message (nor are they ever released). On a fresh web
process — after every restart, when all open pages reconnect together — some users' SSE streams
would then stay silent. A lock around (un)subscribe removes the race; each call only sends a
command, so the lock is held for microseconds.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

from litestar.channels.backends.redis import RedisChannelsPubSubBackend


class SerialPubSubBackend(RedisChannelsPubSubBackend):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._subscription_lock = asyncio.Lock()  # binds to the running loop on first use

    async def subscribe(self, channels: Iterable[str]) -> None:
        async with self._subscription_lock:
            await super().subscribe(channels)

    async def unsubscribe(self, channels: Iterable[str]) -> None:
        async with self._subscription_lock:
            await super().unsubscribe(channels)
