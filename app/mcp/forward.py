"""Hand one HTTP request, its body already read, to the SDK's streamable HTTP transport, and
take its answer back as a Litestar response.

The transport runs stateless and answers in JSON (``routes.py``): one request, one answer, so
buffering it costs nothing, and the answer then leaves through the app like any other (security
headers, the app's error handling).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol

from litestar import Response
from litestar.types import Receive


class Transport(Protocol):
    """The SDK's ``StreamableHTTPSessionManager``, as far as this module needs it."""

    async def handle_request(
        self, scope: Any, receive: Callable[[], Awaitable[Any]], send: Any
    ) -> None: ...


PASSED_HEADERS = ("mcp-session-id", "mcp-protocol-version")  # besides its content type


async def forward(
    manager: Transport, scope: Mapping[str, Any], body: bytes, receive: Receive
) -> Response[bytes]:
    """``scope``: the request's, with what the tools need added (``routes.SCOPE_KEY``)."""
    delivered = False

    async def replay() -> dict[str, Any]:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        return dict(await receive())  # the body is consumed: what comes next is the client leaving

    start: dict[str, Any] = {}
    chunks: list[bytes] = []

    async def capture(message: Any) -> None:
        if message["type"] == "http.response.start":
            start.update(message)
        elif message["type"] == "http.response.body":
            chunks.append(bytes(message.get("body", b"")))

    await manager.handle_request(dict(scope), replay, capture)
    headers = {
        name.decode("latin-1").lower(): value.decode("latin-1")
        for name, value in start.get("headers", [])
    }
    return Response(
        b"".join(chunks),
        status_code=int(start.get("status", 500)),
        media_type=headers.pop("content-type", "application/json"),
        headers={name: value for name, value in headers.items() if name in PASSED_HEADERS},
    )
