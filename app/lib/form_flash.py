"""Post/Redirect/Get for every HTML form: a post always answers with a 303 to a page.

A refused form used to answer its POST with the page itself: the address bar then kept the
POST route (reopening it gave a 405, F5 offered to send the form again). Now the refusal goes
back to the form's page by redirect, and what that page must show once — the message, the
values typed (never a password) — waits in the server-side session ("the flash").

The GET of that address takes the flash (``take_flash``, a ``before_request`` step) and every
template it renders sees the flashed values over its own context (``FlashTemplate``): the
page handlers need not know about it, and a page that already shows ``error`` and the posted
fields (the way they were passed when the POST rendered the page) shows them unchanged.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from jinja2 import Template as JinjaTemplate
from litestar import Request
from litestar.response import Redirect

from app.lib import visitor_cookies
from app.lib.errors import AppError
from app.lib.input_errors import user_message

FLASH = "form_flash"  # session key, and the visitor's cookie name
FLASH_COOKIE_SECONDS = 300  # long enough for the redirect, even on a slow connection
# A cookie is at most 4 KB: past this the values typed are dropped, the message kept.
FLASH_COOKIE_MAX = 3500
_MESSAGE_KEYS = ("error", "error_code", "flash_error", "notice")
_TAKEN = "cvtailor.flash"  # scope key: the flash the page being rendered took
SECRET_MARK = "password"  # noqa: S105 - a field whose name holds this is never kept


# Not about what the form holds: the error page says these (the row is not the caller's, the
# caller may not do this, or must sign in).
NOT_FORM_REFUSALS = frozenset({401, 403, 404})


def is_form_refusal(exc: AppError) -> bool:
    """The form's input or the moment was refused (shown back on its page), not the caller."""
    return exc.status_code not in NOT_FORM_REFUSALS


def see_other(location: str) -> Redirect:
    """The answer to a form's post: GET ``location`` next (303, whatever the method was)."""
    return Redirect(location, status_code=303)


def redirect_back(
    request: Request[Any, Any, Any],
    location: str,
    error: AppError | str | None = None,
    **values: Any,
) -> Redirect:
    """303 to ``location``; the page there shows ``error`` (an ``AppError`` in the reader's
    language, with its code as ``error_code``) and ``values`` (template variables: the posted
    fields, by the names the template reads), once."""
    context = {k: v for k, v in values.items() if SECRET_MARK not in k}
    if isinstance(error, AppError):
        context.update(error=user_message(error), error_code=error.code)
    elif error:
        context["error"] = error
    flash(request, location, **context)
    return see_other(location)


def back_to_referer(
    request: Request[Any, Any, Any], fallback: str, error: AppError | str, code: str = ""
) -> Redirect:
    """303 back to the page the form was on (a form several pages include), which shows the
    error at its top (``flash_error``, base.html); ``fallback`` without a usable Referer."""
    location = referer_location(request, fallback)
    message = user_message(error) if isinstance(error, AppError) else error
    code = error.code if isinstance(error, AppError) else code
    flash(request, location, flash_error=message, error_code=code)
    return see_other(location)


def referer_location(request: Request[Any, Any, Any], fallback: str) -> str:
    """The page the form was posted from (same site only), else ``fallback``."""
    referer = urlsplit(request.headers.get("referer") or "")
    same_site = referer.netloc in ("", request.url.netloc) and referer.path.startswith("/")
    if same_site and referer.path and not referer.path.startswith("//"):
        return referer.path + (f"?{referer.query}" if referer.query else "")
    return fallback


def flash(request: Request[Any, Any, Any], location: str, **context: Any) -> None:
    """Leave ``context`` for the next GET of ``location``'s path (values must be JSON)."""
    stored = {"path": urlsplit(location).path, "context": context}
    if _has_session(request):
        request.session[FLASH] = stored
        return
    secret = _secret(request)
    value = visitor_cookies.sign(secret, FLASH, stored)
    if len(value) > FLASH_COOKIE_MAX:
        brief = {k: v for k, v in context.items() if k in _MESSAGE_KEYS}
        value = visitor_cookies.sign(secret, FLASH, {**stored, "context": brief})
    visitor_cookies.set_cookie(request.scope, FLASH, value, max_age=FLASH_COOKIE_SECONDS)


def _has_session(request: Request[Any, Any, Any]) -> bool:
    return "session" in request.scope and bool(request.session)


def _secret(request: Request[Any, Any, Any]) -> str:
    return str(request.app.state.settings.secret_key)


def take_flash(request: Request[Any, Any, Any]) -> None:
    """``before_request``: the page the flash was left for takes it (a plain GET of its path;
    an htmx fragment or a stream of the same page leaves it for the page itself)."""
    if request.method != "GET" or request.headers.get("hx-request"):
        return
    if _has_session(request):
        stored = request.session.get(FLASH)
        if isinstance(stored, dict) and stored.get("path") == request.url.path:
            del request.session[FLASH]
            request.scope[_TAKEN] = stored.get("context") or {}  # type: ignore[literal-required]
        return
    stored = visitor_cookies.unsign(_secret(request), FLASH, request.cookies.get(FLASH))
    if isinstance(stored, dict) and stored.get("path") == request.url.path:
        visitor_cookies.delete_cookie(request.scope, FLASH)
        context = stored.get("context")
        request.scope[_TAKEN] = context if isinstance(context, dict) else {}  # type: ignore[literal-required]


def flashed(request: Request[Any, Any, Any] | None) -> dict[str, Any]:
    """What the page being rendered took from the flash (empty: nothing)."""
    scope = getattr(request, "scope", None)  # a template rendered outside a request has none
    if not isinstance(scope, dict):
        return {}
    taken = scope.get(_TAKEN)
    return taken if isinstance(taken, dict) else {}


class FlashTemplate(JinjaTemplate):
    """A Jinja template whose context gets the flash's values over the handler's."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        context = dict(*args, **kwargs)
        taken = flashed(context.get("request"))
        return super().render({**context, **taken} if taken else context)
