"""CSRF protection that lets personal-API-token requests through.

Browsers cannot attach an ``Authorization`` header to a cross-site request without a CORS
preflight (which this app never grants), so a request carrying one is not CSRF-able. The auth
layer then authenticates such a request by its token alone, never by its session cookie.

The bypass only applies to routes that authenticate their caller: they depend on the ``user``
dependency, directly or through another dependency (an ``inbox`` triage or an applications
``tracker`` is built from ``user``), which answers 401 to an invalid token before the handler
runs. A bogus ``Authorization`` header must not carry a request past CSRF into sign-in, sign-up
or sign-out, which do not depend on ``user``.
"""

from __future__ import annotations

from typing import Any

from litestar.middleware.csrf import CSRFMiddleware
from litestar.types import Receive, Scope, Send

AUTHENTICATING_DEPENDENCY = "user"


def has_authorization_header(scope: Scope) -> bool:
    return any(name == b"authorization" for name, _ in scope.get("headers", ()))


def depends_on(handler: Any, dependency: str) -> bool:
    """Whether resolving ``handler``'s parameters resolves ``dependency``, at any depth."""
    provided = handler.resolve_dependencies()
    seen: set[str] = set()
    pending = list(handler.parsed_fn_signature.parameters)
    while pending:
        name = pending.pop()
        if name == dependency:
            return True
        if name in seen or name not in provided:
            continue
        seen.add(name)
        pending.extend(provided[name].parsed_fn_signature.parameters)
    return False


def authenticates_caller(scope: Scope) -> bool:
    handler = scope.get("route_handler")
    return handler is not None and depends_on(handler, AUTHENTICATING_DEPENDENCY)


class TokenAwareCSRFMiddleware(CSRFMiddleware):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and has_authorization_header(scope)
            and authenticates_caller(scope)
        ):
            await self.app(scope, receive, send)
            return
        await super().__call__(scope, receive, send)
