"""The SDK's streamable HTTP transport for the web process, built only when the agent API is
on (``routes.lifespan`` imports this module then: the SDK costs every process the better part
of a second to import).

It runs stateless and answers in JSON: every web process answers any request (several may run
behind one address, and none keeps a session in its memory), and no stream stays open past
the request that carried its token.
"""

from __future__ import annotations

from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings

from app.mcp.callers import SCOPE_KEY, McpCall
from app.mcp.calls import error_text
from app.mcp.server import build_server

NO_CALL = "This request did not come through POST /api/mcp."


def call_of(ctx: Context) -> McpCall:
    """The call the route left in the request's scope."""
    request = ctx.request_context.request
    call = getattr(request, "scope", {}).get(SCOPE_KEY)
    if not isinstance(call, McpCall):  # only the route reaches the transport
        raise ToolError(error_text("unauthenticated", NO_CALL))
    return call


def streamable_http(max_body: int) -> StreamableHTTPSessionManager:
    server = build_server(call_of)
    server.streamable_http_app(
        stateless_http=True,
        json_response=True,
        max_request_body_size=max_body,
        # Its Host/Origin checks guard a server on localhost with no credentials of its own;
        # here every request carries a token a rebinding page cannot have, and the app's own
        # host is whatever the deployment names it.
        transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False),
    )
    return server.session_manager
