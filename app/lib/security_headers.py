"""Headers every answer carries: a Content-Security-Policy and no framing by other sites.

``PAGE_CSP`` allows only the app's own files: no inline script, style or event handler, no eval
(htmx's trigger conditions are events from static/js/page.js instead), nothing from another
origin, and no page of the app inside another site's frame (``frame-ancestors 'none'`` and
``X-Frame-Options: DENY`` for older browsers). tests/security/test_security_headers.py holds
the templates and scripts to it.

An answer that sets its own policy keeps it (the CV preview document, app/domain/renders/, is
framed by the app's own page under a stricter one). The API reference (``/schema``) is
Redoc's page: its inline start-up script and the styles Redoc injects need ``'unsafe-inline'``,
still with nothing from another origin and no framing.
"""

from __future__ import annotations

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

PAGE_CSP = (
    "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
    "object-src 'none'"
)
SCHEMA_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'; object-src 'none'"
)
SCHEMA_PREFIX = "/schema"


def _policy_for(path: str) -> str:
    return SCHEMA_CSP if path == SCHEMA_PREFIX or path.startswith(SCHEMA_PREFIX + "/") else PAGE_CSP


async def add_security_headers(message: Message, scope: Scope) -> None:
    """``before_send`` hook of the app: it sees every answer, a route's or the router's own (an
    unknown address, a wrong method), which middleware would not."""
    if message["type"] != "http.response.start":
        return
    headers = MutableScopeHeaders.from_message(message)
    if "content-security-policy" not in headers:
        headers["Content-Security-Policy"] = _policy_for(scope.get("path", ""))
        headers["X-Frame-Options"] = "DENY"
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
