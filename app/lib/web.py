"""Request plumbing shared by every controller: body, locale, errors.

The caller (current user) is looked up in app/lib/current_user.py; the values handlers receive
as parameters are provided by app/lib/dependencies.py.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from litestar import Request, Response
from litestar.exceptions import HTTPException, NotFoundException, ValidationException
from litestar.plugins.htmx import HTMXDetails
from litestar.response import Redirect
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR

from app.config import Settings
from app.lib import bounded_json, csrf, i18n
from app.lib.error_pages import ErrorPage
from app.lib.errors import AppError
from app.lib.form_flash import back_to_referer, take_flash
from app.lib.i18n import N_, gettext
from app.lib.input_errors import InputError
from app.lib.visitor_cookies import visitor_locale

BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded"})
TOO_DEEP = N_("The request body is nested too deeply to be a real document.")
# Refusals of what a plain form held, answered by a redirect back to its page; the others (a
# malformed body, a missing row, a forbidden action, a body over the limit, too many requests)
# are error pages.
BACK_WITH_ERROR = frozenset({409, 422, 503})
# The reader's words for what Litestar itself refuses (its details are English status phrases).
HTTP_MESSAGES = {
    400: N_("The request could not be read."),
    403: N_("You are not allowed to do this."),
    405: N_("This address cannot be opened like this: go back and use the page's buttons."),
    413: N_("What was sent is larger than the limit."),
    429: N_("Too many requests: wait a moment, then try again."),
}
OTHER_HTTP_MESSAGE = N_("This request could not be answered.")
NUL_CHARACTER = N_("Text may not contain the NUL character (U+0000).")
# A NUL in any text the request carries: raw, percent-encoded, or escaped in JSON. PostgreSQL
# refuses it in text columns (a 500 on the write), so no route may pass one on.
_NUL_IN_QUERY = re.compile(rb"%00|\x00")
# In JSON only the escape carries a NUL (a raw one makes the body invalid JSON, said as such),
# and the escape's "u" is lower case (RFC 8259).
_NUL_ESCAPE = b"\\u0000"
# The escape is a backslash run of odd length: an even run is escaped backslashes, then text.
_NUL_IN_JSON = re.compile(rb"(?<!\\)\\(?:\\\\)*u0000")


async def prepare_request(request: Request[Any, Any, Any]) -> None:
    """before_request hook: runs before any dependency, so before any database statement."""
    refuse_nul_in_address(request)
    await read_body_first(request)
    await set_request_locale(request)
    take_flash(request)


def _nul_refused() -> InputError:
    return InputError(NUL_CHARACTER, code="request.nul_character", http_status=400)


def refuse_nul_in_address(request: Request[Any, Any, Any]) -> None:
    """A NUL in the path or the query string, however encoded."""
    if "\x00" in request.scope.get("path", "") or _NUL_IN_QUERY.search(
        request.scope.get("query_string", b"")
    ):
        raise _nul_refused()


def refuse_nul_in_json(body: bytes) -> None:
    """A plain search first (an 8 MB body in about a millisecond, where the expression takes
    ~55 ms), the expression only when the six characters are there at all."""
    if _NUL_ESCAPE in body and _NUL_IN_JSON.search(body):
        raise _nul_refused()


async def read_body_first(request: Request[Any, Any, Any]) -> None:
    """Read the whole body (within the route's size limit) before the handler starts.

    A client trickling its body would otherwise keep the handler waiting between its first
    statement — which on SQLite holds the write lock — and its commit: every other user's
    write then fails after busy_timeout. Litestar keeps what was read for ``form()``/``json()``.
    """
    if request.method not in BODY_METHODS:
        return
    if request.content_type[0] in FORM_TYPES:
        # The CSRF check may have parsed it already: reuse, not re-read. Files keep their bytes.
        form = await request.form()
        if any(isinstance(v, str) and "\x00" in v for _, v in form.multi_items()):
            raise _nul_refused()
        return
    body = await request.body()
    if request.content_type[0].endswith("json"):
        refuse_too_deep(body)
        refuse_nul_in_json(body)


def refuse_too_deep(body: bytes) -> None:
    """Before any decoder recurses into it (app/lib/bounded_json.py says why)."""
    try:
        bounded_json.check_depth(body)
    except bounded_json.TooDeepError:
        raise InputError(TOO_DEEP, code="request.too_deep", http_status=400) from None


INVALID_JSON = N_("The request body is not valid JSON.")


async def json_body(
    request: Request[Any, Any, Any],
    *,
    code: str,
    message: str = INVALID_JSON,
    optional: bool = False,
) -> Any:
    """The body parsed as JSON, whatever the content type says; a 422 with ``message`` and
    ``code`` when it is not JSON (an oversized body keeps its 413). ``optional``: an empty
    body is ``{}``."""
    body = await request.body()
    if optional and not body.strip():
        return {}
    refuse_too_deep(body)  # whatever the content type says, it is parsed as JSON below
    refuse_nul_in_json(body)
    try:
        return await request.json()
    except HTTPException:  # 413: over the size limit, not malformed
        raise
    except Exception:
        raise InputError(message, code=code) from None


async def set_request_locale(request: Request[Any, Any, Any]) -> None:
    """Session choice, else the visitor's cookie, else Accept-Language, else the default.

    Async on purpose: a sync hook runs in a worker thread and its context variable is lost.
    A before_request hook is given no dependencies, so the settings come from the app state.
    """
    settings: Settings = request.app.state.settings
    chosen = request.session.get("locale") if "session" in request.scope else None
    if chosen not in i18n.SUPPORTED_LOCALES:
        chosen = visitor_locale(request.cookies)
    if chosen not in i18n.SUPPORTED_LOCALES:
        chosen = i18n.negotiate(request.headers.get("accept-language"), settings.default_locale)
    i18n.current_locale.set(str(chosen))


def wants_json(request: Request[Any, Any, Any]) -> bool:
    return request.url.path.startswith("/api/") or request.url.path in {"/health"}


def _error_page(
    request: Request[Any, Any, Any], status: int, code: str, detail: str
) -> Response[Any]:
    context = {"status": status, "code": code, "detail": detail}
    # Either way the caller is looked up first (app/lib/error_pages.py): a refusal raised before
    # any handler ran (a missing CSRF token) is then in the reader's language, and the whole
    # page's header shows who is signed in.
    template = "_partials/error.html" if HTMXDetails(request) else "error.html"
    return ErrorPage(template, context=context, status_code=status)


def error_response(
    request: Request[Any, Any, Any], status: int, code: str, detail: str, extra: dict[str, Any]
) -> Response[Any]:
    if wants_json(request):
        return Response({"error": code, "detail": detail, **extra}, status_code=status)
    if status == 401:
        target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        if HTMXDetails(request):
            return Response("", status_code=204, headers={"HX-Redirect": f"/login?next={target}"})
        return Redirect(f"/login?next={target}")
    if _form_refused(request, status):
        return back_to_referer(request, "/", gettext(detail), code)
    return _error_page(request, status, code, detail)


def _form_refused(request: Request[Any, Any, Any], status: int) -> bool:
    """A plain HTML form refused for what was sent: back to its page with the message (Post/
    Redirect/Get, app/lib/form_flash.py) rather than an error page at the post's address."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return (
        request.method == "POST"
        and status in BACK_WITH_ERROR
        and content_type in FORM_TYPES  # what a browser's form sends, not a script's JSON
        and not HTMXDetails(request)
        and "session" in request.scope
    )


def handle_app_error(request: Request[Any, Any, Any], exc: AppError) -> Response[Any]:
    if not wants_json(request) and _form_refused(request, exc.status_code):
        return back_to_referer(request, "/", exc)
    return error_response(request, exc.status_code, exc.code, exc.detail, exc.extra)


def handle_http_exception(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    status = exc.status_code
    if isinstance(exc, ValidationException):
        detail = "; ".join(
            f"{e.get('key') or 'body'}: {e.get('message')}"
            for e in (exc.extra if isinstance(exc.extra, list) else [])
            if isinstance(e, dict)
        ) or str(exc.detail)
        return error_response(
            request, 422 if status == 400 else status, "validation_error", detail, {}
        )
    if isinstance(exc, NotFoundException):
        return error_response(request, 404, "not_found", N_("Not found."), {})
    if status == 403 and str(exc.detail) == csrf.OTHER_SESSION:
        # Well formed, but made for another session: a sign-in or sign-out since the page loaded.
        detail = N_("This form was loaded before a sign-in or sign-out; reload the page.")
        return error_response(request, 403, "csrf_failed", detail, {})
    if status == 403 and "CSRF" in str(exc.detail):
        return error_response(
            request, 403, "csrf_failed", N_("Missing or invalid CSRF token; reload the page."), {}
        )
    code = {
        400: "bad_request",  # e.g. malformed JSON
        401: "unauthenticated",
        403: "forbidden",
        405: "method_not_allowed",
        413: "too_large",
        429: "rate_limited",
    }.get(status, "http_error")
    detail = (
        str(exc.detail) if wants_json(request) else HTTP_MESSAGES.get(status, OTHER_HTTP_MESSAGE)
    )
    response = error_response(request, status, code, detail, {})
    response.headers.update(exc.headers or {})  # e.g. the Allow list a 405 must carry
    return response


def handle_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    request.logger.exception("Unhandled error on %s %s", request.method, request.url.path)
    return error_response(
        request,
        HTTP_500_INTERNAL_SERVER_ERROR,
        "internal_error",
        N_("Something went wrong on our side."),
        {},
    )


def handle_too_deep(request: Request[Any, Any, Any], exc: RecursionError) -> Response[Any]:
    """JSON nested thousands of levels deep overflows the decoders: the client's fault, not ours."""
    request.logger.warning("RecursionError on %s %s", request.method, request.url.path)
    return error_response(
        request, 400, "bad_request", N_("The request body is not valid JSON."), {}
    )
