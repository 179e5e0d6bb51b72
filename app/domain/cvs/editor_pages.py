"""The review page's section forms (HTMX or plain posts) and version restore."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.domain.cvs import services
from app.domain.cvs.api import CV_LIST_CHANGED
from app.domain.cvs.editor import SECTIONS, apply_action, form_from_content, form_from_post
from app.domain.cvs.editor_save import apply_form
from app.domain.cvs.pages import detail_context
from app.lib.cv_content import CvContent
from app.lib.cv_limits import CV_BODY_LIMIT
from app.lib.cv_limits_cut import cut_to_limits
from app.lib.errors import NotFound
from app.lib.events import publish_event
from app.lib.i18n import N_
from app.lib.web import from_htmx


class CvEditorPages(Controller):
    include_in_schema = False

    @post("/cvs/{cv_id:str}/sections/{section:str}", request_max_body_size=CV_BODY_LIMIT)
    async def save_section(
        self,
        request: Request[Any, Any, Any],
        user: NamedDependency[User],
        db: NamedDependency[AsyncSession],
        cv_id: FromPath[str],
        section: FromPath[str],
    ) -> Any:
        cv = await services.get_cv(db, user.id, cv_id)
        spec = SECTIONS.get(section)
        if spec is None:
            raise NotFound(N_("No such section."), code="cv.no_such_section")
        posted = await request.form()
        values = {key: str(value) for key, value in posted.items() if isinstance(value, str)}
        form, action = form_from_post(spec, values)
        is_htmx = from_htmx(request)
        status = 200
        versions = None
        if not apply_action(form, action):
            if await services.import_in_progress(db, cv):
                form.errors["_form"] = N_("The import is still running; save when it is done.")
                status = 409
            else:
                # What the page showed: a CV stored before the limits is cut to them.
                shown = CvContent.from_json(cut_to_limits(cv.content or {}))
                content = apply_form(form, shown)
                if content is None:
                    status = 422
                else:
                    await services.add_version(db, cv, content, "user_edit")
                    if cv.extraction_status == "failed":
                        cv.extraction_status = "completed"  # typed in by hand after a failure
                    await db.commit()
                    await publish_event(
                        request.app.state.redis, user.id, CV_LIST_CHANGED, {"cvId": cv.id}
                    )
                    if not is_htmx:
                        return Redirect(f"/cvs/{cv.id}#section-{spec.key}", status_code=303)
                    form = form_from_content(spec, content)
                    form.saved = True
                    versions = await services.list_versions(db, cv.id)
        if is_htmx:
            return Template(
                "cvs/_partials/section.html",
                context={
                    "cv": cv,
                    "form": form,
                    "versions": versions,
                    "oob_versions": versions is not None,
                },
                status_code=status,
            )
        context = await detail_context(db, user, cv, override=form)
        return Template("cvs/detail.html", context=context, status_code=status)

    @post("/cvs/{cv_id:str}/versions/{version_id:str}/restore")
    async def restore(
        self,
        request: Request[Any, Any, Any],
        user: NamedDependency[User],
        db: NamedDependency[AsyncSession],
        cv_id: FromPath[str],
        version_id: FromPath[str],
    ) -> Redirect:
        cv = await services.get_cv(db, user.id, cv_id)
        await services.restore_version(db, cv, version_id)
        await db.commit()
        await publish_event(request.app.state.redis, user.id, CV_LIST_CHANGED, {"cvId": cv.id})
        return Redirect(f"/cvs/{cv.id}#versions", status_code=303)
