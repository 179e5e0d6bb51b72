"""Request body caps: every route reads at most ``request_max_body_size`` bytes (the app's
default below, lower on the routes that take CV content), and a body over it gets a 413 that
says the limit, in the page's language (English in the JSON API)."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response
from litestar.exceptions.http_exceptions import RequestEntityTooLarge

from app.lib.i18n import N_, gettext
from app.lib.web import error_response, wants_json

DEFAULT_BODY_LIMIT = 10 * 1024 * 1024  # JSON, forms and multipart alike
TOO_LARGE = N_("The request is larger than the %(limit)s MB limit.")


def body_limit(request: Request[Any, Any, Any]) -> int:
    """The cap of the route this request reached (the app's default when it sets none)."""
    handler = request.scope.get("route_handler")
    resolve = getattr(handler, "resolve_request_max_body_size", None)
    limit = resolve() if callable(resolve) else None
    return int(limit) if isinstance(limit, int) and limit > 0 else DEFAULT_BODY_LIMIT


def megabytes(size: int) -> str:
    """4194304 → "4", 5767168 → "5.5"."""
    return f"{round(size / (1024 * 1024), 1):g}"


def handle_too_large(request: Request[Any, Any, Any], _: RequestEntityTooLarge) -> Response[Any]:
    limit = megabytes(body_limit(request))
    detail = (
        TOO_LARGE % {"limit": limit} if wants_json(request) else gettext(TOO_LARGE, limit=limit)
    )
    return error_response(
        request, 413, "request.too_large", detail, {"limitBytes": body_limit(request)}
    )
