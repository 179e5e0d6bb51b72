"""Shapes shared by the HTML page controllers: form posts that redirect (to the next page, or
back to the form with the error), and the status fragments that htmx polls while a background
task runs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from mimetypes import guess_type
from typing import Any

from litestar import Request, Response
from litestar.enums import MediaType
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, User
from app.db.models.status import OPEN
from app.lib.errors import AppError
from app.lib.form_flash import is_form_refusal, redirect_back, see_other


async def pages_are_html(response: Response[Any]) -> Response[Any]:
    """``after_request`` hook of the app: a template answers with its own file's type (HTML).

    Litestar gives a ``Template`` the media type of its handler before its own: a handler
    declared ``-> Any`` (one answering with a page or a redirect) defaults to JSON, and the
    browser showed a form's error page as its HTML source. Pinned here, once, for every page.
    """
    if isinstance(response, Template) and not response.media_type:
        name = response.template_name or "inline.html"
        response.media_type = guess_type(name)[0] or MediaType.HTML
    return response


async def reload_after_rollback(db: AsyncSession, *rows: Any) -> None:
    """Roll back a refused action and reload the rows the page shows (rollback expired them)."""
    await db.rollback()
    for row in rows:
        await db.refresh(row)


async def attempt(
    db: AsyncSession, user: User, action: Callable[[], Awaitable[str]]
) -> str | AppError:
    """Run a form's action: the address to go to next, or the ``AppError`` that refused it
    (rolled back; the user reloaded, the page header reads it)."""
    try:
        return await action()
    except AppError as exc:
        if not is_form_refusal(exc):
            raise  # a row that is not the caller's: the 404 page, as on any route
        await reload_after_rollback(db, user)
        return exc


async def form_outcome(
    request: Request[Any, Any, Any],
    db: AsyncSession,
    user: User,
    action: Callable[[], Awaitable[str]],
    back: str,
    **echo: Any,
) -> Redirect:
    """Run a form's action: a 303 to the address it returns, or, when it raises an ``AppError``,
    a 303 back to the form's page (``back``) showing the error and what was posted (``echo``:
    template variables) once (app/lib/form_flash.py)."""
    outcome = await attempt(db, user, action)
    if isinstance(outcome, AppError):
        return redirect_back(request, back, outcome, **echo)
    return see_other(outcome)


async def posted_text(request: Request[Any, Any, Any]) -> dict[str, str]:
    """A form post's text fields by name (uploaded files left out)."""
    form = await request.form()
    return {key: str(value) for key, value in form.items() if isinstance(value, str)}


def page_image(png: bytes | None, missing: AppError) -> Response[bytes]:
    """A page of an uploaded PDF drawn as an image (app/lib/pdf_read/page_image.py), kept an
    hour by its owner's browser only; ``missing`` raised when the file has no such page."""
    if png is None:
        raise missing
    return Response(
        png,
        media_type="image/png",
        headers={"cache-control": "private, max-age=3600", "x-content-type-options": "nosniff"},
    )


def task_running(task: BackgroundTask | None) -> bool:
    return task is not None and task.status in OPEN


def status_fragment(
    request: HTMXRequest,
    template: str,
    task: BackgroundTask | None,
    running_key: str,
    **context: Any,
) -> Template:
    """The progress fragment of a task; once it is over, htmx (which polls it) reloads the page."""
    return running_fragment(
        request, template, task_running(task), running_key, task=task, **context
    )


def running_fragment(
    request: HTMXRequest, template: str, running: bool, running_key: str, **context: Any
) -> Template:
    """A fragment htmx refreshes while its work runs (``running``, in the context under
    ``running_key``); once the work is over, htmx reloads the page."""
    headers = {"HX-Refresh": "true"} if not running and request.htmx else {}
    return Template(template, context={**context, running_key: running}, headers=headers)
