"""Every event stream ends soon after the session or API token that opened it ends.

An SSE response stays open for hours and authenticates once, when it opens. This middleware
watches every ``text/event-stream`` response of a signed-in caller: every ``CHECK_SECONDS`` and
before every event it asks ``caller_watch`` (app/lib/caller_watch.py) whether that caller may
still read, and ends the response once it may not (sign-out, password change, "sign out
everywhere", token revoked).
It sits on the application, not on each route, so no stream can be written without it: the
coach's and the generation page's streams once were, and outlived sign-out.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable
from typing import Any

import anyio
from litestar.connection import ASGIConnection
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from app.lib.caller_watch import StillValid, caller_watch

CHECK_SECONDS = 2.0  # how long a stream may outlive its session: one Redis read per period


def _is_event_stream(message: Message) -> bool:
    headers: Iterable[tuple[bytes, bytes]] = message.get("headers", ())  # type: ignore[assignment]
    for name, value in headers:
        if name.lower() == b"content-type":
            return bytes(value).lower().startswith(b"text/event-stream")
    return False


def _watch_of(scope: Scope) -> StillValid | None:
    user = scope.get("user")
    user_id = getattr(user, "id", None)
    if user_id is None:
        return None
    state = scope["app"].state
    connection: ASGIConnection[Any, Any, Any, Any] = ASGIConnection(scope)
    return caller_watch(connection, state.redis, state.read_session_factory, str(user_id))


ENDED_EVENT = b"event: session-ended\ndata: signed out\n\n"


class _Response:
    """One response's progress, and the watch started once it turns out to be a stream."""

    def __init__(self, scope: Scope, send: Send, cancel: anyio.CancelScope) -> None:
        self._scope = scope
        self._send = send
        self._cancel = cancel
        self._watcher: asyncio.Task[None] | None = None
        self._still_valid: StillValid | None = None
        self.started = False
        self.finished = False

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
            self._still_valid = _watch_of(self._scope) if _is_event_stream(message) else None
            if self._still_valid is not None:
                self._watcher = asyncio.create_task(self._watch(self._still_valid))
        elif message["type"] == "http.response.body":
            if self._still_valid is not None and not await self._still_valid():
                # Asked before every event too: an event published just after the sign-out
                # is never delivered, even before the next period.
                self._cancel.cancel()
                return
            self.finished = not message.get("more_body", False)
        await self._send(message)

    async def _watch(self, still_valid: StillValid) -> None:
        while True:
            await asyncio.sleep(CHECK_SECONDS)
            if not await still_valid():
                self._cancel.cancel()  # the stream's own cleanup runs (app/lib/sse.py)
                return

    async def stop(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher


class StreamSessionGuard:
    """ASGI middleware: GET responses only (every stream is one)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        with anyio.CancelScope() as cancel:
            response = _Response(scope, send, cancel)
            try:
                await self.app(scope, receive, response.send)
            finally:
                with anyio.CancelScope(shield=True):
                    await response.stop()
        if cancel.cancelled_caught and response.started and not response.finished:
            # A last event the page closes its source on (``sse-close`` in base.html): an
            # EventSource whose stream just drops reconnects and logs an error.
            await send({"type": "http.response.body", "body": ENDED_EVENT, "more_body": False})
