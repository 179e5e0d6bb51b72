"""Subscribe one SSE connection to its user's channel, with keep-alives and leak-free cleanup."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable

import anyio
from litestar.channels import ChannelsPlugin
from litestar.response import ServerSentEventMessage

from app.lib.events import decode_event, user_channel

KEEPALIVE_SECONDS = 15.0

Renderer = Callable[[str, dict], ServerSentEventMessage | None]


async def user_event_stream(
    channels: ChannelsPlugin,
    user_id: str,
    initial: Iterable[ServerSentEventMessage],
    render: Renderer,
    *,
    stop_after: Callable[[str], bool] | None = None,
    keepalive_seconds: float = KEEPALIVE_SECONDS,
) -> AsyncIterator[ServerSentEventMessage]:
    """Yield the current state first, then each live event as ``render`` turns it into a message.

    Subscribing happens *before* the initial state is sent, so nothing published in between is
    lost (the client may see an event twice, never zero times).
    """
    subscriber = await channels.subscribe([user_channel(user_id)])
    events = subscriber.iter_events()
    pending: asyncio.Future[bytes] | None = None
    try:
        for message in initial:
            yield message
        while True:
            if pending is None:
                pending = asyncio.ensure_future(anext(events))
            done, _ = await asyncio.wait({pending}, timeout=keepalive_seconds)
            if not done:
                # A comment line: keeps proxies from closing the stream and reveals dead clients.
                yield ServerSentEventMessage(comment="keep-alive")
                continue
            raw, pending = pending.result(), None
            name, payload = decode_event(raw)
            rendered = render(name, payload)
            if rendered is not None:
                yield rendered
            if stop_after is not None and stop_after(name):
                return
    finally:
        # Litestar cancels the stream on disconnect, and the cancellation would also hit this
        # cleanup (litestar#3772): shield it so the Redis subscription is always released.
        with anyio.CancelScope(shield=True):
            if pending is not None:
                pending.cancel()
            await channels.unsubscribe(subscriber)
