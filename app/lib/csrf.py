"""CSRF protection that lets personal-API-token requests through.

Browsers cannot attach an ``Authorization`` header to a cross-site request without a CORS
preflight (which this app never grants), so a request carrying one is not CSRF-able. The auth
layer then authenticates such a request by its token alone, never by its session cookie.
"""

from __future__ import annotations

from litestar.middleware.csrf import CSRFMiddleware
from litestar.types import Receive, Scope, Send


def has_authorization_header(scope: Scope) -> bool:
    return any(name == b"authorization" for name, _ in scope.get("headers", ()))


class TokenAwareCSRFMiddleware(CSRFMiddleware):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and has_authorization_header(scope):
            await self.app(scope, receive, send)
            return
        await super().__call__(scope, receive, send)
