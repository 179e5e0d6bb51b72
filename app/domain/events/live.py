"""A signed-in page's one stream (a tab keeps one SSE connection whatever page it shows): the
page's own fragments, and beside them what every page carries, the task centre (``tasks``) and
the header's credit counter (``credits``), each re-rendered from the database on connect and
after its events. The general feed (api.py), the generation page and a coach conversation each
give their own part."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from litestar import Request
from litestar.channels import ChannelsPlugin
from litestar.response import ServerSentEvent, ServerSentEventMessage
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.domain.credits.live import CreditCounterFeed
from app.domain.tasks.live import TaskCentreFeed
from app.lib.sse import event_stream, user_event_stream, user_locale

Messages = list[ServerSentEventMessage]
# The page's own fragments on connect, and after one event (name, payload).
OwnInitial = Callable[[], Awaitable[Messages]]
OwnRenderer = Callable[[str, dict[str, Any]], Awaitable[Messages]]


def page_stream(
    request: Request[Any, Any, Any],
    read_sessions: async_sessionmaker[AsyncSession],
    channels: ChannelsPlugin,
    user_id: str,
    initial: OwnInitial,
    render: OwnRenderer,
) -> ServerSentEvent:
    """The page's fragments first, then the task centre's and the credit counter's, on connect
    and after each event of the user; rendered in the reader's language of the moment."""
    task_centre = TaskCentreFeed(request, read_sessions, user_id)
    credits = CreditCounterFeed(request, read_sessions, user_id)

    async def first() -> Messages:
        return [*await initial(), *await task_centre.initial(), *await credits.initial()]

    async def on_event(name: str, payload: dict[str, Any]) -> Messages:
        own = await render(name, payload)
        return [*own, *await task_centre.on_event(name), *await credits.on_event(name)]

    locale = user_locale(read_sessions, user_id)
    return event_stream(user_event_stream(channels, user_id, first, on_event, locale=locale))
