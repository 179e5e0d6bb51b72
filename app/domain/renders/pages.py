"""HTML pages of rendered CVs: preview, the preview document itself, changes and their review,
versions, design.

The review's buttons and the restore buttons carry the CV's version their page was read at
(``version``, app/domain/cvs/editor_version.py), as the CV editor's forms do: from an older page
they write nothing and say so, and the page they come back to carries the version saved now."""

from __future__ import annotations

import contextlib
from typing import Any

from arq.connections import ArqRedis
from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath, URLEncodedBody
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CvFile, User
from app.domain.cvs.services import get_cv
from app.domain.cvs.view import (
    ChangedElsewhere,
    check_version,
    current_version,
    posted_version,
    read_cv,
)
from app.domain.photos import services as photos
from app.domain.renders import services
from app.domain.renders.changes_context import action_from_form, changes_context
from app.domain.renders.rendering import RenderUnavailable, obtain_render
from app.domain.renders.review_save import save_review
from app.domain.renders.schemas import RenderSettingsForm, RestoreForm, ReviewForm
from app.lib.dependencies import AppSettings, Arq, Db, RedisClient, SignedIn
from app.lib.errors import AppError
from app.lib.form_flash import redirect_back, see_other
from app.lib.i18n import N_, gettext
from app.lib.input_errors import user_message
from app.lib.numbers import whole_number
from app.lib.pdf_render import DESIGNS, RenderResult
from app.lib.pdf_render.designs import CV_LOCALES

BACK_TO_CHANGES = "changes"  # the make-room form of the changes page: back there after it
REVIEWED_ELSEWHERE = N_(
    "This CV changed elsewhere (in another tab or on another device) since you opened it: "
    "nothing was changed. The page now shows what is saved: choose again if you still want "
    "this change."
)
RESTORED_ELSEWHERE = N_(  # as the CV page's versions say it (app/domain/cvs/editor_pages.py)
    "This CV changed elsewhere (in another tab or on another device) since you opened it: "
    "nothing was restored. The list now shows every version saved: restore again if you "
    "still want that one."
)

# The preview document is user content: no script, no network, no plugin, framed by us only.
PREVIEW_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox"
)


async def _versions_context(db: AsyncSession, cv: CvFile, read_at: int) -> dict[str, Any]:
    """The versions list; ``read_at``: the CV's version ``cv`` was read at (a restore posts it)."""
    rows = await services.list_versions(db, cv)
    return {
        "cv": cv,
        "versions": rows,
        "current_version": services.current_version_number(rows, cv),
        "cv_version": read_at,
    }


async def _reread(db: AsyncSession, user: User, cv: CvFile) -> int:
    """After a refused write: roll it back, then read the CV's version and content as saved now;
    the number first, as ``read_cv`` does (never newer than the content the page shows)."""
    cv_id = cv.id  # the rollback expires it
    await db.rollback()
    version = await current_version(db, cv_id)
    await db.refresh(user)
    await db.refresh(cv)
    return version


async def _render(
    arq: ArqRedis,
    db: AsyncSession,
    settings: Settings,
    user: User,
    cv: CvFile,
    spec: services.RenderSpec,
) -> RenderResult:
    await db.close()  # no connection held while a worker renders
    return await obtain_render(arq, settings, spec, user_id=user.id, cv_id=cv.id)


class RenderPages(Controller):
    include_in_schema = False

    @get("/cvs/{cv_id:str}/preview")
    async def preview(
        self, user: SignedIn, db: Db, settings: AppSettings, arq: Arq, cv_id: FromPath[str]
    ) -> Template:
        cv, read_at = await read_cv(db, user.id, cv_id)
        spec = await services.spec_for(db, settings, cv, user)
        context: dict[str, Any] = {
            "cv": cv,
            "spec": spec,
            "designs": DESIGNS,
            "locales": CV_LOCALES,
            "budget_choices": services.PAGE_BUDGET_CHOICES,
            "chosen_budget": services.chosen_page_budget(cv),
            "filename": services.download_name(spec),
            "docx_filename": services.download_name(spec, word=True),
            "markdown_filename": services.download_name(spec, markdown=True),
            "has_photo": photos.PHOTO in await photos.kinds_present(db, user.id),
            "shows_photo": await photos.shows_photo(db, cv),
            **await _versions_context(db, cv, read_at),
        }
        result: RenderResult | None = None
        try:
            result = await _render(arq, db, settings, user, cv, spec)
        except RenderUnavailable as exc:
            context.update(render_error=exc.detail, render_error_code=exc.code)
        context["result"] = result
        return Template("renders/preview.html", context=context)

    @get("/cvs/{cv_id:str}/preview/document")
    async def preview_document(
        self, user: SignedIn, db: Db, settings: AppSettings, arq: Arq, cv_id: FromPath[str]
    ) -> Response[str]:
        """The very HTML the PDF was made from, locked down by its own CSP."""
        cv = await get_cv(db, user.id, cv_id)
        spec = await services.spec_for(db, settings, cv, user)
        result = await _render(arq, db, settings, user, cv, spec)
        return Response(
            result.html,
            media_type="text/html; charset=utf-8",
            headers={
                "Content-Security-Policy": PREVIEW_CSP,
                "X-Content-Type-Options": "nosniff",
                "X-Frame-Options": "SAMEORIGIN",
                "Referrer-Policy": "no-referrer",
                "Cache-Control": "private, no-store",
            },
        )

    @post("/cvs/{cv_id:str}/design")
    async def save_design(
        self,
        request: Request[Any, Any, Any],
        user: SignedIn,
        db: Db,
        settings: AppSettings,
        arq: Arq,
        cv_id: FromPath[str],
        data: URLEncodedBody[RenderSettingsForm],
    ) -> Redirect:
        """The preview's settings form; also the changes page's make-room form (``?back=changes``),
        which comes back to that page once the PDF is rendered with the new budget."""
        cv = await get_cv(db, user.id, cv_id)
        budget = None if data.page_budget == "auto" else _int_or_zero(data.page_budget)
        await services.set_render_settings(
            db,
            cv,
            design=data.design,
            page_budget=budget,
            language=None if data.language == "auto" else data.language,
        )
        if data.photo_switch:
            photos.set_shows_photo(cv, data.show_photo == "on")
        await db.commit()
        if request.query_params.get("back") != BACK_TO_CHANGES:
            return see_other(f"/cvs/{cv.id}/preview")
        # Render now (a worker records what it cut), so that the changes page shows the PDF the
        # new budget gives; without a worker the page says what it left out is not known yet.
        spec = await services.spec_for(db, settings, cv, user)
        with contextlib.suppress(RenderUnavailable):
            await _render(arq, db, settings, user, cv, spec)
        return see_other(f"/cvs/{cv.id}/changes")

    @get("/cvs/{cv_id:str}/preview/versions")
    async def versions(
        self, request: HTMXRequest, user: SignedIn, db: Db, cv_id: FromPath[str]
    ) -> Template:
        cv, read_at = await read_cv(db, user.id, cv_id)
        template = "renders/_partials/versions.html" if request.htmx else "renders/versions.html"
        return Template(template, context=await _versions_context(db, cv, read_at))

    @post("/cvs/{cv_id:str}/preview/versions/{version:int}/restore")
    async def restore(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        cv_id: FromPath[str],
        version: FromPath[int],
        data: URLEncodedBody[RestoreForm],
    ) -> Template | Redirect:
        """Make ``version`` current again; from a list read before the CV's last save, nothing
        is restored and the list (swapped with htmx, else the preview's) says so."""
        cv = await get_cv(db, user.id, cv_id)
        partial = "renders/_partials/versions.html"
        try:
            await check_version(db, cv, posted_version(data.version))
        except ChangedElsewhere as refused:
            refusal = {"restore_error": gettext(RESTORED_ELSEWHERE), "restore_code": refused.code}
            if not request.htmx:
                return redirect_back(request, f"/cvs/{cv.id}/preview", **refusal)
            context = await _versions_context(db, cv, await _reread(db, user, cv))
            return Template(partial, context={**context, **refusal})
        restored = await services.restore_version(db, cv, version)
        await db.commit()
        if not request.htmx:
            return see_other(f"/cvs/{cv.id}/preview")
        context = await _versions_context(db, cv, restored.version)
        return Template(partial, context={**context, "restored": restored.version})

    @get("/cvs/{cv_id:str}/changes")
    async def changes(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        settings: AppSettings,
        cv_id: FromPath[str],
    ) -> Template:
        cv, read_at = await read_cv(db, user.id, cv_id)
        context = await changes_context(db, settings, user, cv, read_at)
        # Back from a review post made without JS (not isdigit(): "²" passes it, int() fails).
        saved = whole_number(str(request.query_params.get("saved") or ""), 1, 2**31)
        if saved is not None:
            context["saved_version"] = saved
        return Template("renders/changes.html", context=context)

    @post("/cvs/{cv_id:str}/changes")
    async def review_change(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        redis: RedisClient,
        settings: AppSettings,
        cv_id: FromPath[str],
        data: URLEncodedBody[ReviewForm],
    ) -> Template | Redirect:
        """One button of the changes view: without JS a post and a redirect back; with htmx the
        changes fragment comes back (an error shows in it: htmx swaps only 2xx answers), its
        buttons carrying the CV's version now (the one saved, or after a refusal the one read)."""
        cv = await get_cv(db, user.id, cv_id, lock=True)
        is_htmx = request.htmx
        read_at = posted_version(data.version)
        try:
            saved = await save_review(db, redis, user, cv, action_from_form(data), read_at=read_at)
        except AppError as exc:
            now = await _reread(db, user, cv)
            message = gettext(REVIEWED_ELSEWHERE) if isinstance(exc, ChangedElsewhere) else None
            refusal = {
                "review_error": message or user_message(exc),
                "review_error_code": exc.code,
            }
            if not is_htmx:
                return redirect_back(request, f"/cvs/{cv.id}/changes", **refusal)
            context = await changes_context(db, settings, user, cv, now)
            context.update(refusal)
            return Template("renders/_partials/changes_swap.html", context=context)
        if not is_htmx:
            return see_other(f"/cvs/{cv.id}/changes?saved={saved.version}")
        context = await changes_context(db, settings, user, cv, saved.version)
        context["saved_version"] = saved.version
        return Template("renders/_partials/changes_swap.html", context=context)


def _int_or_zero(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 0  # rejected by set_render_settings with a clear message
