"""The agent API over HTTP: ``POST /api/mcp`` (streamable HTTP), served when
``CVTAILOR_MCP_HTTP`` is on.

The route is always mounted, so every sweep of tests/security/ walks it: it answers a caller
without a token 401 ``auth.token_required``, with a browser session or not (no CSRF check: a
request without a token is refused before anything, so a forged one can do nothing; the
session is never read: app/lib/csrf.py, app/lib/current_user.py), a body over its cap 413,
malformed JSON 400/422 and what is no JSON-RPC message 422 (``messages.py``), before anything
else; then 404 ``mcp.disabled`` while the setting is off. An agent holds a personal API token,
sent as ``Authorization: Bearer``, checked by the ``user`` dependency as on every API route.
What answers then is the SDK's transport (``http_transport.py``), handed the request by
``forward.py``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from litestar import Controller, Litestar, Request, Response, Router, post
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.status_codes import HTTP_200_OK

from app.config import Settings
from app.lib.csrf import BEARER_ONLY
from app.lib.current_user import TOKEN_ONLY, TOKEN_REQUIRED
from app.lib.dependencies import (
    AppSettings,
    Queue,
    ReadSessions,
    SignedIn,
    WriteSessions,
    provide_write_sessions,
)
from app.lib.errors import NotFound, Unauthenticated
from app.lib.i18n import N_
from app.lib.web import json_body
from app.mcp.backend import Backend
from app.mcp.callers import SCOPE_KEY, McpCall, RequestCaller
from app.mcp.forward import Transport, forward
from app.mcp.messages import check_message

# One JSON-RPC message: an offer's text at most (app/mcp/server.py), escaped.
MCP_BODY_LIMIT = 2 * 1024 * 1024
STATE_KEY = "mcp_transport"
DISABLED = N_("The agent API (MCP) is off on this server: its administrator turns it on.")


class AgentDoor:
    """The SDK's transport while the agent API is on (a plain class: Litestar's signature
    model takes it as it is, where it would try to parse a Protocol)."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport


Agent = NamedDependency[AgentDoor | None]
"""``agent``: the agent API's door while it is on, else None."""


@asynccontextmanager
async def lifespan(app: Litestar) -> AsyncIterator[None]:
    """Starts the transport's task group when the agent API is on (app/asgi.py)."""
    settings: Settings = app.state.settings
    app.state[STATE_KEY] = None
    if not settings.mcp_http_enabled:
        yield
        return
    from app.mcp.http_transport import streamable_http  # the SDK, only when it is used

    manager = streamable_http(MCP_BODY_LIMIT)
    async with manager.run():
        app.state[STATE_KEY] = AgentDoor(manager)
        try:
            yield
        finally:
            app.state[STATE_KEY] = None


def provide_agent(state: State) -> AgentDoor | None:
    door: AgentDoor | None = state.get(STATE_KEY)
    return door


def has_bearer(request: Request[Any, Any, Any]) -> bool:
    scheme, _, _ = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer"


class AgentApi(Controller):
    path = "/api/mcp"
    include_in_schema = False  # the protocol describes itself: tools/list

    @post(
        "/",
        status_code=HTTP_200_OK,
        request_max_body_size=MCP_BODY_LIMIT,
        opt={BEARER_ONLY: True},  # no session: no CSRF check, 401 auth.token_required
    )
    async def agent_api(
        self,
        request: Request[Any, Any, Any],
        user: SignedIn,
        settings: AppSettings,
        queue: Queue,
        read_sessions: ReadSessions,
        write_sessions: WriteSessions,
        agent: Agent,
    ) -> Response[bytes]:
        """One MCP message (JSON-RPC) in, its answer out."""
        if not has_bearer(request):  # ``user`` refused a caller without any token already
            raise Unauthenticated(TOKEN_ONLY, code=TOKEN_REQUIRED)
        # 413, 400 or 422 before anything; then what the SDK would answer in pydantic's words.
        check_message(await json_body(request, code="mcp.invalid_json"))
        if agent is None:
            raise NotFound(DISABLED, code="mcp.disabled")
        backend = Backend(settings, write_sessions, read_sessions, queue.redis, queue.arq)
        call = McpCall(backend, RequestCaller(user.id))
        scope = {**request.scope, SCOPE_KEY: call}
        return await forward(agent.transport, scope, await request.body(), request.receive)


router = Router(
    path="/",
    route_handlers=[AgentApi],
    dependencies={
        "agent": Provide(provide_agent, sync_to_thread=False),
        "write_sessions": Provide(provide_write_sessions, sync_to_thread=False),
    },
)
