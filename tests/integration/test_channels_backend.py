"""SSE subscriptions opened at the same moment on a fresh web process all receive their events.

Found by bench/load_bench.py: with the stock backend, users whose streams opened together right
after the web started (as every open page does after a restart) never got a live event.
"""

from __future__ import annotations

import asyncio

from litestar.channels import ChannelsPlugin
from redis.asyncio import Redis

from app.lib.channels import SerialPubSubBackend

USERS = 8


async def _received(backend: SerialPubSubBackend, channels: list[str], redis: Redis) -> set[str]:
    """Subscribe ``channels`` concurrently, publish once to each, collect what arrives."""
    await asyncio.gather(*(backend.subscribe([c]) for c in channels))
    for channel in channels:
        await redis.publish(channel, b"ping")
    got: set[str] = set()
    events = backend.stream_events()
    try:
        async with asyncio.timeout(30):  # ends once all have arrived: generous for a busy machine
            while got != set(channels):
                channel, _ = await anext(events)
                got.add(channel)
    except TimeoutError:
        pass
    finally:
        await events.aclose()
    return got


async def test_concurrent_first_subscriptions_all_receive(redis: Redis) -> None:
    backend = SerialPubSubBackend(redis=redis)
    channels = [f"test:race:{i}" for i in range(USERS)]
    try:
        assert await _received(backend, channels, redis) == set(channels)
    finally:
        await backend.on_shutdown()


async def test_plugin_subscribers_opened_together_all_receive(redis: Redis) -> None:
    """The same through ChannelsPlugin, as the SSE endpoints use it."""
    plugin = ChannelsPlugin(
        backend=SerialPubSubBackend(redis=redis), arbitrary_channels_allowed=True
    )
    await plugin._on_startup()  # starts the plugin's event pump (what Litestar does at start-up)
    try:
        channels = [f"test:plugin:{i}" for i in range(USERS)]
        subscribers = await asyncio.gather(*(plugin.subscribe([c]) for c in channels))
        for channel in channels:
            await redis.publish(channel, b"ping")

        async def first(subscriber: object) -> bytes:
            return await anext(subscriber.iter_events())  # type: ignore[attr-defined]

        async with asyncio.timeout(30):
            received = await asyncio.gather(*(first(s) for s in subscribers))
        assert received == [b"ping"] * USERS
    finally:
        await plugin._on_shutdown()
