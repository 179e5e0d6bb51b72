"""Error pages (and the fragments htmx swaps in) that know who is signed in and their language.

An error can be raised before any handler looked the caller up — an unknown address is
answered by the router, before the session middleware and the request hooks run — so the page
would show the signed-out header to a signed-in user. Exception handlers are synchronous
(app/lib/web.py): this page looks the caller up (and their language) asynchronously, just
before it is rendered.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from litestar import Request
from litestar.response import Template
from litestar.response.base import ASGIResponse
from litestar.types import Receive, Scope, Send

from app.lib.current_user import resolve_user

log = logging.getLogger(__name__)

# Best effort: a page about an error must not wait long on a store that may be the error.
LOOKUP_TIMEOUT_SECONDS = 2.0


class ErrorPage(Template):
    def to_asgi_response(self, app: Any, request: Request[Any, Any, Any], **kwargs: Any) -> Any:
        render = super().to_asgi_response
        return _AfterLookup(lambda: render(app, request, **kwargs), request)


class _AfterLookup:
    """Called like the ASGIResponse it renders once the caller is known."""

    def __init__(self, render: Any, request: Request[Any, Any, Any]) -> None:
        self._render = render
        self._request = request

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await look_up_viewer(self._request)
        response: ASGIResponse = self._render()
        await response(scope, receive, send)


async def look_up_viewer(request: Request[Any, Any, Any]) -> None:
    """Fill ``scope["user"]`` (and the request's language) unless a handler already did."""
    # Imported here: app.lib.web imports this module.
    from app.lib.web import set_request_locale

    if "user" in request.scope:
        return
    request.scope["user"] = None
    try:
        async with asyncio.timeout(LOOKUP_TIMEOUT_SECONDS):
            if "session" not in request.scope:
                config = request.app.state.session_config
                backend = config._backend_class(config=config)
                request.scope["session"] = await backend.load_from_connection(request)
            await set_request_locale(request)
            # An error page is rendered outside any handler, so no dependency is injected:
            # the app state is all it has.
            async with request.app.state.read_session_factory() as db:
                await resolve_user(request, db, request.app.state.redis)
    except Exception as exc:  # the page is shown signed out rather than not at all
        request.scope["user"] = None
        log.debug("error page: caller not looked up (%s)", type(exc).__name__)
