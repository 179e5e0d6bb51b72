"""Request plumbing shared by every controller: DB session, current user, locale, errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

from litestar import Request, Response
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.exceptions import HTTPException, NotFoundException, ValidationException
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import User
from app.db.session import release_lock
from app.domain.accounts.services import get_user, user_for_token
from app.lib import i18n
from app.lib.error_pages import ErrorPage
from app.lib.errors import AppError, Unauthenticated
from app.lib.i18n import N_
from app.lib.sessions import SESSION_GENERATION_KEY, session_generation

SESSION_USER_KEY = "user_id"


READ_METHODS = frozenset({"GET", "HEAD"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded"})


async def provide_db(request: Request[Any, Any, Any], state: State) -> AsyncIterator[AsyncSession]:
    """One session per request; handlers commit explicitly, anything uncommitted rolls back.

    GET/HEAD use the read factory: on SQLite its statements run without BEGIN IMMEDIATE, each
    on the latest committed state, so pages never queue behind the worker's writes (with 50
    generations running, page p95 went from ~640 ms to < 100 ms: bench/load_bench.py). The one
    write a GET makes (an API token's ``last_used_at``) then commits on its own.
    """
    reading = request.method in READ_METHODS
    factory = state.read_session_factory if reading else state.session_factory
    async with factory() as session:
        yield session


def provide_settings(state: State) -> Settings:
    settings: Settings = state.settings
    return settings


async def resolve_user(
    request: Request[Any, Any, Any], db: NamedDependency[AsyncSession]
) -> User | None:
    """The caller: by Bearer token when an Authorization header is present, else by session."""
    if "user" in request.scope and request.scope["user"] is not None:
        cached: User = request.scope["user"]
        return cached
    header = request.headers.get("authorization")
    user: User | None = None
    if header is not None:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthenticated(
                N_("Use 'Authorization: Bearer <token>'."), code="auth.bad_header"
            )
        user = await user_for_token(db, token.strip())
        if user is None:
            raise Unauthenticated(N_("This API token is not valid."), code="auth.invalid_token")
        await db.commit()  # records last_used_at
    else:
        user_id = request.session.get(SESSION_USER_KEY) if "session" in request.scope else None
        if user_id and not await _session_is_current(request, str(user_id)):
            request.clear_session()  # ended by a password change made in another session
        elif user_id:
            user = await get_user(db, str(user_id))
    # Whatever the handler does next (fetch a URL, hash a password…) must not hold the
    # write lock this lookup took on SQLite.
    await release_lock(db)
    request.scope["user"] = user
    if user and user.locale:
        i18n.current_locale.set(user.locale)
    return user


async def _session_is_current(request: Request[Any, Any, Any], user_id: str) -> bool:
    current = await session_generation(request.app.state.redis, user_id)
    return bool(request.session.get(SESSION_GENERATION_KEY, 0) == current)


async def provide_optional_user(
    request: Request[Any, Any, Any], db: NamedDependency[AsyncSession]
) -> User | None:
    return await resolve_user(request, db)


async def provide_user(request: Request[Any, Any, Any], db: NamedDependency[AsyncSession]) -> User:
    user = await resolve_user(request, db)
    if user is None:
        raise Unauthenticated(N_("Sign in first."))
    return user


async def prepare_request(request: Request[Any, Any, Any]) -> None:
    """before_request hook: runs before any dependency, so before any database statement."""
    await read_body_first(request)
    await set_request_locale(request)


async def read_body_first(request: Request[Any, Any, Any]) -> None:
    """Read the whole body (within the route's size limit) before the handler starts.

    A client trickling its body would otherwise keep the handler waiting between its first
    statement — which on SQLite holds the write lock — and its commit: every other user's
    write then fails after busy_timeout. Litestar keeps what was read for ``form()``/``json()``.
    """
    if request.method not in BODY_METHODS:
        return
    if request.content_type[0] in FORM_TYPES:
        await request.form()  # the CSRF check may have parsed it already: reuse, not re-read
    else:
        await request.body()


async def set_request_locale(request: Request[Any, Any, Any]) -> None:
    """Session choice, else Accept-Language, else the configured default.

    Async on purpose: a sync hook runs in a worker thread and its context variable is lost.
    """
    settings: Settings = request.app.state.settings
    chosen = request.session.get("locale") if "session" in request.scope else None
    if chosen not in i18n.SUPPORTED_LOCALES:
        chosen = i18n.negotiate(request.headers.get("accept-language"), settings.default_locale)
    i18n.current_locale.set(str(chosen))


def from_htmx(request: Request[Any, Any, Any]) -> bool:
    """The request was made by htmx (it wants a fragment, not the whole page)."""
    return bool(request.headers.get("hx-request"))


def wants_json(request: Request[Any, Any, Any]) -> bool:
    return request.url.path.startswith("/api/") or request.url.path in {"/health"}


def _error_page(
    request: Request[Any, Any, Any], status: int, code: str, detail: str
) -> Response[Any]:
    context = {"status": status, "code": code, "detail": detail}
    if from_htmx(request):
        return Template("_partials/error.html", context=context, status_code=status)
    # The whole page: its header shows who is signed in (app/lib/error_pages.py).
    return ErrorPage("error.html", context=context, status_code=status)


def error_response(
    request: Request[Any, Any, Any], status: int, code: str, detail: str, extra: dict[str, Any]
) -> Response[Any]:
    if wants_json(request):
        return Response({"error": code, "detail": detail, **extra}, status_code=status)
    if status == 401:
        target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        if from_htmx(request):
            return Response("", status_code=204, headers={"HX-Redirect": f"/login?next={target}"})
        return Redirect(f"/login?next={target}")
    return _error_page(request, status, code, detail)


def handle_app_error(request: Request[Any, Any, Any], exc: AppError) -> Response[Any]:
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
    response = error_response(request, status, code, str(exc.detail), {})
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
