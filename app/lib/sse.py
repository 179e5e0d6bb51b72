"""Subscribe one SSE connection to its user's channel, with keep-alives and leak-free cleanup."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import Any, ClassVar

import anyio
from litestar import Request
from litestar.channels import ChannelsPlugin
from litestar.response import ServerSentEvent, ServerSentEventMessage
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import User
from app.lib import i18n
from app.lib.events import decode_event, user_channel
from app.lib.templating import fragment_context, fragment_template

KEEPALIVE_SECONDS = 15.0


def event_stream(messages: AsyncIterator[ServerSentEventMessage]) -> ServerSentEvent:
    """The response of a stream: never cached, nor held back by a buffering proxy (nginx reads
    ``X-Accel-Buffering``)."""
    return ServerSentEvent(
        messages, headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    )


def fragment_message(event: str, html: str) -> ServerSentEventMessage:
    """An HTML fragment for htmx's ``sse-swap="<event>"``, on one line: each newline would
    otherwise start a new ``data:`` field (harmless, but longer)."""
    return ServerSentEventMessage(event=event, data=html.replace("\n", " "))


# A renderer turns one event into nothing, one message or several; it may be async (e.g. when
# it re-renders a fragment from the database).
Rendered = ServerSentEventMessage | Iterable[ServerSentEventMessage] | None
Renderer = Callable[[str, dict[str, Any]], Rendered | Awaitable[Rendered]]
# The state sent first: fixed messages, or a coroutine function run *after* subscribing.
Initial = Iterable[ServerSentEventMessage] | Callable[[], Awaitable[Rendered]]
# The language to render in now (None: keep the one the request chose).
LocaleSource = Callable[[], Awaitable[str | None]]


def user_locale(sessions: async_sessionmaker[AsyncSession], user_id: str) -> LocaleSource:
    """The user's language as stored now: a tab switched to another language (``POST /locale``
    saves it on the user) gets its next fragments in that language, not the one its stream
    was opened with."""

    async def read() -> str | None:
        async with sessions() as session:
            user = await session.get(User, user_id)
            return user.locale if user is not None else None

    return read


async def _use_locale(locale: LocaleSource | None) -> None:
    try:
        chosen = await locale() if locale is not None else None
    except Exception:  # a database hiccup: keep the last language rather than end the stream
        return
    if chosen in i18n.SUPPORTED_LOCALES:
        i18n.current_locale.set(str(chosen))


async def _messages(rendered: Rendered | Awaitable[Rendered]) -> list[ServerSentEventMessage]:
    if inspect.isawaitable(rendered):
        rendered = await rendered
    if rendered is None:
        return []
    if isinstance(rendered, ServerSentEventMessage):
        return [rendered]
    return list(rendered)


async def user_event_stream(
    channels: ChannelsPlugin,
    user_id: str,
    initial: Initial,
    render: Renderer,
    *,
    stop_after: Callable[[str], bool] | None = None,
    keepalive_seconds: float | None = None,
    locale: LocaleSource | None = None,
) -> AsyncIterator[ServerSentEventMessage]:
    """Yield the current state first, then each live event as ``render`` turns it into messages.

    Subscribing happens *before* the initial state is sent (and, when ``initial`` is a
    function, before it is read from the database), so nothing published in between is lost
    (the client may see an event twice, never zero times).

    The stream ends with the session or token that opened it: app/lib/stream_guard.py watches
    every event stream of the application, this one included.

    ``locale`` is asked before each rendering, so every fragment is in the reader's language
    of that moment.
    """
    keepalive = KEEPALIVE_SECONDS if keepalive_seconds is None else keepalive_seconds
    subscriber = await channels.subscribe([user_channel(user_id)])
    events = subscriber.iter_events()
    pending: asyncio.Future[bytes] | None = None
    try:
        await _use_locale(locale)
        first = initial() if callable(initial) else initial
        for message in await _messages(first):
            yield message
        while True:
            if pending is None:
                pending = asyncio.ensure_future(anext(events))
            done, _ = await asyncio.wait({pending}, timeout=keepalive)
            if not done:
                # A comment line: keeps proxies from closing the stream and reveals dead clients.
                yield ServerSentEventMessage(comment="keep-alive")
                continue
            raw, pending = pending.result(), None
            name, payload = decode_event(raw)
            await _use_locale(locale)
            for message in await _messages(render(name, payload)):
                yield message
            if stop_after is not None and stop_after(name):
                return
    finally:
        # Litestar cancels the stream on disconnect, and the cancellation would also hit this
        # cleanup (litestar#3772): shield it so the Redis subscription is always released.
        with anyio.CancelScope(shield=True):
            if pending is not None:
                pending.cancel()
            await channels.unsubscribe(subscriber)


class FragmentFeed:
    """One SSE connection's fragment, re-rendered from the database on connect and after the
    events it follows: its template (``template_name``, with what a ``Template`` response adds),
    read sessions of its own (the stream outlives the request's session) and its user."""

    template_name: ClassVar[str]

    def __init__(
        self,
        request: Request[Any, Any, Any],
        sessions: async_sessionmaker[AsyncSession],
        user_id: str,
    ) -> None:
        self._template = fragment_template(request, self.template_name)
        self._context = fragment_context(request)
        self._sessions = sessions
        self._user_id = user_id
