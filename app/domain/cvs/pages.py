"""HTML pages of CVs: list + import forms, the review page, import progress, delete, export."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.exceptions.http_exceptions import RequestEntityTooLarge
from litestar.params import FromPath, FromQuery, URLEncodedBody
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CvFile, User
from app.db.session import release_lock
from app.domain.cvs import services, source_pages
from app.domain.cvs.api import upload_from_request
from app.domain.cvs.cv_imports import IMPORTS, CvImports, Imports
from app.domain.cvs.deletion import cv_confirmation
from app.domain.cvs.editor_form import editor_version, page_forms
from app.domain.cvs.editor_version import read_cv
from app.domain.cvs.importing import retry_import
from app.domain.cvs.intake import Upload, text_upload
from app.domain.cvs.owned_cv import OWNED, Owned
from app.domain.cvs.report_view import checks_now, report_view
from app.domain.cvs.source_lines import source_view
from app.domain.photos import services as photos
from app.events import CV_LIST_CHANGED
from app.lib.confirm import DeleteForm, confirm_page
from app.lib.cv_limits import (
    LimitExceeded,
    check_content,
    check_counts,
    raw_counts,
)
from app.lib.cv_limits_cut import shown_content
from app.lib.dependencies import AppSettings, Db, Queue, SignedIn
from app.lib.errors import AppError, NotFound
from app.lib.form_flash import flashed, redirect_back, see_other
from app.lib.i18n import N_, gettext
from app.lib.input_errors import ContentLimitError, stored_message, user_message
from app.lib.pages import form_outcome, page_image, reload_after_rollback, status_fragment
from app.lib.paging import PageRequest, Paging, pager
from app.lib.pdf_read.ocr_setup import ocr_status
from app.lib.uploads import UPLOAD_BODY_CEILING
from app.settings.llm_endpoint import Engine, EngineReader
from app.tasks.lifecycle import commit_deletion

FINISHED = {"completed", "failed"}
OVER_LIMITS = N_("Only what fits within the limits is shown; saving any section keeps only that.")
# Errors that reach the list page by redirect (the request body was refused before any handler).
REDIRECT_ERRORS = {"cv.too_large": N_("The file is larger than the upload limit.")}


@dataclass
class PasteForm:
    text: str = ""
    filename: str = ""


def _too_large_redirect(_: Request[Any, Any, Any], __: Exception) -> Response[Any]:
    return Redirect("/cvs?error=cv.too_large", status_code=303)


def problems(cv: CvFile) -> list[dict[str, Any]]:
    """Import problems and warnings, translated, for the review page."""
    out = []
    for entry in cv.extraction_errors or []:
        if isinstance(entry, dict):
            out.append(
                {
                    "severity": entry.get("severity", "error"),
                    "code": entry.get("code", ""),
                    "text": stored_message(entry),
                    "samples": entry.get("samples") or [],
                }
            )
    return out


async def list_context(
    db: AsyncSession,
    settings: Settings,
    engine: EngineReader,
    user: User,
    paging: PageRequest,
    **extra: Any,
) -> dict[str, Any]:
    page = await services.cvs_page(db, user.id, "source", paging)
    cvs = page.items
    return {
        "cvs": cvs,
        "page": page,
        "names": {cv.id: services.display_name(cv) for cv in cvs},
        "checks": {cv.id: checks_now(cv) for cv in cvs},
        "engine": await engine(),
        "upload_limit_mb": settings.upload_max_mb,
        "max_pages": settings.pdf_max_pages,
        # Whether a scan can be read here (the hint under the file field says so): OCR asks
        # the tesseract program, in a thread (cached for a minute, app/lib/pdf_read/ocr_setup.py).
        "scans_read": bool(
            settings.ocr_languages
            and (await asyncio.to_thread(ocr_status, settings.ocr_languages)).available
        ),
        **extra,
    }


async def detail_context(
    db: AsyncSession, user: User, cv: CvFile, read_at: int, kept: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The review page; ``read_at``: the CV's version its content was read at, carried by
    every form that writes the CV (app/domain/cvs/editor_version.py); ``kept``: what a refused
    or unsaved post of the editor left in the flash (app/domain/cvs/editor_form.py), shown
    instead of the stored sections."""
    # A CV stored before the limits of app/lib/cv_limits.py is shown cut to them (the page of
    # a 100 000-job CV was 240 MB of HTML), with the limit it goes over said first.
    raw = cv.content or {}
    content = shown_content(raw)
    exceeded = check_counts(raw_counts(raw)) or check_content(content)
    forms = page_forms(content, kept)
    task = await services.latest_import_task(db, user.id, cv.id)
    report = report_view(cv, content)
    return {
        "cv": cv,
        "title": services.display_name(cv),
        "forms": forms,
        "cv_version": read_at,
        "editor_version": editor_version(read_at, kept),
        "editor_unsaved": bool((kept or {}).get("editor_unsaved")),
        "editor_failed": any(form.errors for form in forms),
        "task": task,
        "problems": ([_limit_problem(exceeded)] if exceeded else []) + problems(cv),
        "report": report,
        "flags": report.flags if report else {},
        "source_pages": source_pages.page_count(cv),
        "source_text": source_pages.source_text(cv),
        "source": source_view(cv, content, report.unplaced if report else []),
        "versions": await services.list_versions(db, cv.id),
        "importing": await services.import_in_progress(db, cv),
        "parser": (task.result or {}).get("parser") if task else None,
        "photo_offered": await photos.offered_from(db, user.id, cv.id),
    }


def _limit_problem(exceeded: LimitExceeded) -> dict[str, Any]:
    text = f"{user_message(ContentLimitError(exceeded))} {gettext(OVER_LIMITS)}"
    return {"severity": "error", "code": exceeded.code, "text": text, "samples": []}


class CvPages(Controller):
    include_in_schema = False
    dependencies = {**OWNED, **IMPORTS}  # noqa: RUF012 - Litestar's attribute

    @get("/cvs")
    async def index(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        settings: AppSettings,
        engine: Engine,
        paging: Paging,
        error: FromQuery[str | None] = None,
    ) -> Template:
        message = REDIRECT_ERRORS.get(error or "")
        context = await list_context(db, settings, engine, user, paging, error=message)
        return Template(
            "cvs/index.html", context={**context, "pager": pager(request, context["page"])}
        )

    async def _started(
        self,
        request: Request[Any, Any, Any],
        imports: CvImports,
        make: Callable[[], Awaitable[Upload]],
        **form_values: Any,
    ) -> Any:
        async def action() -> str:
            return f"/cvs/{(await imports.start(await make())).cv.id}"

        return await form_outcome(request, imports.db, imports.user, action, "/cvs", **form_values)

    @post(
        "/cvs/upload",
        request_max_body_size=UPLOAD_BODY_CEILING,
        exception_handlers={RequestEntityTooLarge: _too_large_redirect},
    )
    async def upload(self, request: HTMXRequest, imports: Imports) -> Any:
        settings = imports.settings
        return await self._started(
            request, imports, lambda: upload_from_request(request, settings, imports.image_gate)
        )

    @post("/cvs/text")
    async def paste(
        self, request: HTMXRequest, imports: Imports, data: URLEncodedBody[PasteForm]
    ) -> Any:
        async def make() -> Upload:
            return text_upload(data.text, data.filename)

        return await self._started(request, imports, make, pasted=data.text)

    @get("/cvs/{cv_id:str}")
    async def detail(
        self, request: HTMXRequest, user: SignedIn, db: Db, cv_id: FromPath[str]
    ) -> Template:
        cv, read_at = await read_cv(db, user.id, cv_id)
        context = await detail_context(db, user, cv, read_at, flashed(request))
        return Template("cvs/detail.html", context=context)

    @get("/cvs/{cv_id:str}/status")
    async def status(self, request: HTMXRequest, owned: Owned) -> Template:
        """The progress fragment; once the import is over, htmx reloads the page."""
        cv = owned.cv
        task = await services.latest_import_task(owned.db, owned.user.id, cv.id)
        template = "cvs/_partials/import_status.html"
        return status_fragment(request, template, task, "importing", cv=cv)

    @post("/cvs/{cv_id:str}/retry")
    async def retry(
        self, request: HTMXRequest, owned: Owned, settings: AppSettings, queue: Queue
    ) -> Redirect:
        db, user, cv = owned.db, owned.user, owned.cv
        if cv.extraction_status == "failed":
            try:
                await retry_import(db, queue.redis, queue.arq, settings, cv)
            except AppError as exc:  # another import running (429), no credits, queue down
                await reload_after_rollback(db, user, cv)
                return redirect_back(request, f"/cvs/{cv.id}", exc)
        return see_other(f"/cvs/{cv.id}")

    @get("/cvs/{cv_id:str}/delete")
    async def confirm_delete(self, owned: Owned) -> Template:
        return confirm_page(await cv_confirmation(owned.db, owned.user, owned.cv))

    @post("/cvs/{cv_id:str}/delete")
    async def delete(self, owned: Owned, data: URLEncodedBody[DeleteForm]) -> Redirect | Template:
        """Only the confirmation page's form deletes; any other post shows that page."""
        db, redis, user, cv = owned.db, owned.redis, owned.user, owned.cv
        cv_id = cv.id
        if not data.confirmed:
            return confirm_page(await cv_confirmation(db, user, cv))
        task = await services.delete_cv(db, cv)
        await commit_deletion(db, redis, task, user.id, CV_LIST_CHANGED, {"cvId": cv_id})
        await services.forget_source_pages(redis, [cv_id])
        return Redirect("/cvs", status_code=303)

    @get("/cvs/{cv_id:str}/pages/{page:int}", media_type="image/png")
    async def source_page(
        self, owned: Owned, settings: AppSettings, page: FromPath[int]
    ) -> Response[bytes]:
        """Page ``page`` of the CV's uploaded PDF as an image (the owner only: 404 otherwise)."""
        await release_lock(owned.db)  # no transaction waits on a render
        limit = settings.pdf_max_pages
        png = await source_pages.page_png(owned.redis, owned.cv, page, max_pages=limit)
        return page_image(png, NotFound(N_("This CV has no such page."), code="cv.no_page"))

    @get("/cvs/{cv_id:str}/json-resume")
    async def download_json_resume(self, owned: Owned) -> Response[bytes]:
        cv = owned.cv
        body = json.dumps(services.json_resume(cv), ensure_ascii=False, indent=2).encode()
        # Header values are latin-1: keep the file name to safe ASCII characters.
        stem = re.sub(r"[^A-Za-z0-9._-]+", "_", cv.filename.rsplit(".", 1)[0]).strip("._") or "cv"
        return Response(
            body,
            media_type="application/json",
            headers={"Content-Disposition": f'attachment; filename="{stem}.resume.json"'},
        )
