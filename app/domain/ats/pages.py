"""HTML pages of the ATS check: the page with its two forms (upload any PDF, or pick a tailored
CV) and the latest checks, one check's report with its page images, the status box that
refreshes while it runs, a page image, and the verdict a generation row shows.

Plain forms that work without JavaScript (Post/Redirect/Get, app/lib/form_flash.py). A
generation row posts its tailored CV's form by itself when it is first shown (htmx, ``load``):
the check runs once per render, the first time someone looks (templates/ats/_partials/
row_verdict.html); the answer to that post is the row's verdict, not a redirect.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.enums import MediaType
from litestar.exceptions.http_exceptions import RequestEntityTooLarge
from litestar.params import FromPath, FromQuery
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import AtsCheck, BackgroundTask
from app.db.session import release_lock
from app.domain.ats import page_images, requesting, services, view
from app.domain.ats.intake import pdf_from_request
from app.lib.dependencies import AppSettings, Db, Queue, RedisClient, SignedIn
from app.lib.errors import AppError, NotFound
from app.lib.form_flash import is_form_refusal, redirect_back, see_other
from app.lib.i18n import N_
from app.lib.input_errors import user_message
from app.lib.pages import (
    form_outcome,
    page_image,
    posted_text,
    reload_after_rollback,
    running_fragment,
)
from app.lib.paging import Paging, pager
from app.lib.uploads import UPLOAD_BODY_CEILING

REDIRECT_ERRORS = {"ats.too_large": N_("The file is larger than the upload limit.")}


def _too_large_redirect(_: Request[Any, Any, Any], __: Exception) -> Response[Any]:
    return Redirect("/ats?error=ats.too_large", status_code=303)


async def _task_of(db: AsyncSession, check: AtsCheck) -> BackgroundTask | None:
    task = await db.get(BackgroundTask, check.background_task_id or "")
    return task if task is not None and task.user_id == check.user_id else None


def _status(check: AtsCheck, task: BackgroundTask | None) -> dict[str, Any]:
    return {
        "check": check,
        "running": check.status in view.OPEN,
        "progress": (task.progress if task else None) or {},
        "step_labels": view.STEP_LABELS,
    }


def _row(verdict: view.RowVerdict) -> Template:
    return Template("ats/_partials/row_verdict.html", context={"verdict": verdict})


class AtsPages(Controller):
    include_in_schema = False

    @get("/ats")
    async def index(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        settings: AppSettings,
        paging: Paging,
        error: FromQuery[str | None] = None,
    ) -> Template:
        page = await services.checks_page(db, user.id, paging)
        context = {
            "checks": page.items,
            "pager": pager(request, page),
            "tailored": await services.tailored_cvs(db, user.id),
            "upload_limit_mb": settings.upload_max_mb,
            "max_pages": settings.pdf_max_pages,
        }
        message = REDIRECT_ERRORS.get(error or "")
        return Template(
            "ats/index.html", context={**context, **({"error": message} if message else {})}
        )

    @post(
        "/ats/upload",
        request_max_body_size=UPLOAD_BODY_CEILING,
        exception_handlers={RequestEntityTooLarge: _too_large_redirect},
    )
    async def upload(
        self, request: HTMXRequest, user: SignedIn, db: Db, settings: AppSettings, queue: Queue
    ) -> Redirect:
        async def action() -> str:
            upload = await pdf_from_request(request, settings)
            check = await requesting.check_upload(db, queue, settings, user, upload)
            return f"/ats/{check.id}"

        return await form_outcome(request, db, user, action, "/ats")

    @post("/ats/tailored", media_type=MediaType.HTML)
    async def tailored(
        self, request: HTMXRequest, user: SignedIn, db: Db, settings: AppSettings, queue: Queue
    ) -> Any:
        """Check a tailored CV: from the picker (then its report), or from a generation row
        (htmx: the row's verdict)."""
        cv_id = (await posted_text(request)).get("cv_file_id", "")
        try:
            check = await requesting.check_tailored(db, queue, settings, user, cv_id)
        except AppError as exc:
            if not is_form_refusal(exc):
                raise  # another user's CV: the 404 page
            await reload_after_rollback(db, user)
            if request.htmx:
                return _row(view.RowVerdict(cv_id, "waiting", refused=user_message(exc)))
            return redirect_back(request, "/ats", exc)
        if request.htmx:
            return _row(view.verdict_of(cv_id, check))
        return see_other(f"/ats/{check.id}")

    @get("/ats/{check_id:str}")
    async def show(self, user: SignedIn, db: Db, check_id: FromPath[str]) -> Template:
        check = await services.get_check(db, user.id, check_id)
        context = {
            **_status(check, await _task_of(db, check)),
            "view": view.check_view(check),
            "severity_labels": view.SEVERITY_LABELS,
            "reader_name": view.reader_name,
        }
        return Template("ats/page.html", context=context)

    @get("/ats/{check_id:str}/status")
    async def status(
        self, request: HTMXRequest, user: SignedIn, db: Db, check_id: FromPath[str]
    ) -> Template:
        """The "being checked" box the page refreshes; once the check is over, htmx reloads."""
        check = await services.get_check(db, user.id, check_id)
        context = _status(check, await _task_of(db, check))
        running = context.pop("running")
        return running_fragment(request, "ats/_partials/status.html", running, "running", **context)

    @get("/ats/{check_id:str}/pages/{page:int}", media_type="image/png")
    async def page_image(
        self,
        user: SignedIn,
        db: Db,
        redis: RedisClient,
        settings: AppSettings,
        check_id: FromPath[str],
        page: FromPath[int],
    ) -> Response[bytes]:
        """Page ``page`` of the checked file as an image (the owner only: 404 otherwise)."""
        check = await services.get_check(db, user.id, check_id, with_pdf=True)
        await release_lock(db)  # no transaction waits on a render
        png = await page_images.page_png(redis, check, page, max_pages=settings.pdf_max_pages)
        return page_image(png, NotFound(N_("This file has no such page."), code="ats.no_page"))
