"""One section of the review page's editor on its own (htmx, or a plain post of that section's
fields), version restore, the import report's fixes, and dismissing an import report item. The
page itself posts every section at once: app/domain/cvs/editor_whole_pages.py.

Every form here that writes the CV carries the version its page was read at (``version``,
app/domain/cvs/editor_version.py): from an older page it saves nothing and says so."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from litestar import Controller, post
from litestar.params import FromPath, URLEncodedBody
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template

from app.domain.cvs import review, services
from app.domain.cvs.editor import (
    SECTIONS,
    SectionForm,
    apply_action,
    form_from_content,
    form_from_post,
)
from app.domain.cvs.editor_form import carried_version, form_fields, prefixed
from app.domain.cvs.editor_save import apply_form
from app.domain.cvs.editor_version import (
    VERSION_FIELD,
    ChangedElsewhere,
    check_version,
    posted_version,
)
from app.domain.cvs.editor_whole_pages import changed_elsewhere, kept_form
from app.domain.cvs.fixes import move_bullets, place_line, to_skill
from app.domain.cvs.owned_cv import OWNED, Owned, OwnedCv
from app.domain.cvs.source_lines import SourceView, source_view
from app.domain.cvs.user_edits import ImportRunning, check_editable, save_user_edit
from app.events import CV_LIST_CHANGED
from app.lib.cv_content import CvContent
from app.lib.cv_limits import CV_BODY_LIMIT, check_content
from app.lib.cv_limits_cut import shown_content
from app.lib.dependencies import Db, RedisClient, SignedIn
from app.lib.errors import NotFound
from app.lib.events import publish_event
from app.lib.form_flash import redirect_back, see_other
from app.lib.i18n import N_, gettext
from app.lib.numbers import whole_number
from app.lib.pages import posted_text
from app.lib.parsing.report.report_live import unplaced_now


@dataclass
class DismissForm:
    key: str = ""


@dataclass
class PlaceLineForm:
    line: str = ""
    target: str = ""
    version: str = ""


@dataclass
class ToSkillForm:
    section: str = ""
    item: str = ""  # "<index>|<name>": the name as the page showed it
    version: str = ""


@dataclass
class MoveBulletsForm:
    source: str = ""
    first: str = ""
    last: str = ""
    target: str = ""
    version: str = ""


@dataclass
class RestoreForm:
    version: str = ""  # the CV's version the page was read at, not the one restored


MOVED_ELSEWHERE = N_(
    "This CV changed elsewhere (in another tab or on another device) since you opened it: "
    "nothing was changed. The page now shows what is saved; your choice is kept in its form: "
    "check it and try again."
)
RESTORED_ELSEWHERE = N_(
    "This CV changed elsewhere (in another tab or on another device) since you opened it: "
    "nothing was restored. The list now shows every version saved: restore again if you "
    "still want that one."
)


def _source(cv: Any, content: CvContent) -> SourceView:
    stored = cv.import_report if isinstance(cv.import_report, dict) else {}
    return source_view(cv, content, unplaced_now(stored, content))


class CvEditorPages(Controller):
    include_in_schema = False
    dependencies = OWNED

    @post("/cvs/{cv_id:str}/sections/{section:str}", request_max_body_size=CV_BODY_LIMIT)
    async def save_section(self, request: HTMXRequest, owned: Owned, section: FromPath[str]) -> Any:
        db, redis, cv = owned.db, owned.redis, owned.cv
        spec = SECTIONS.get(section)
        if spec is None:
            raise NotFound(N_("No such section."), code="cv.no_such_section")
        values = await posted_text(request)
        form, action = form_from_post(spec, values)
        is_htmx = request.htmx
        status = 200
        versions = None
        version: int | None = None  # the CV's version when this answer changes it
        source = None  # the source lines of the section as saved (the page's highlights)
        if not apply_action(form, action):
            if not is_htmx:  # the page's own form saves every section at once
                return await self._save_one(request, db, redis, cv, form, values)
            try:
                await check_editable(db, cv)
            except ImportRunning:
                form.errors["_form"] = N_("The import is still running; save when it is done.")
                status = 409
            else:
                # What the page showed: a CV stored before the limits is cut to them.
                shown = shown_content(cv.content)
                content = apply_form(form, shown)
                read_at = posted_version(values.get(VERSION_FIELD))
                if content is None:
                    status = 422
                else:
                    try:
                        saved = await save_user_edit(db, redis, cv, content, read_at=read_at)
                    except ChangedElsewhere as refused:
                        # What was typed stays, what is saved now beside it. The page keeps
                        # its version: its other sections were not shown both ways.
                        form.errors["_form"] = refused.detail
                        form.saved_now = form_from_content(spec, shown_content(refused.saved))
                        status = 409
                    else:
                        notes = form.notes  # entries left unnamed by the import: said, kept
                        form = form_from_content(spec, content)
                        form.saved, form.notes = True, notes
                        source = _source(cv, content)
                        versions = await services.list_versions(db, cv.id)
                        version = saved.version
        if not is_htmx:  # a row added, moved or merged: the page shows it, unsaved
            errors = {spec.key: form.errors} if form.errors else {}  # e.g. a row over the limit
            fields = form_fields(form) | carried_version(values)
            return kept_form(request, cv, fields, errors, section=spec.key)
        return Template(
            "cvs/_partials/section.html",
            context={
                "cv": cv,
                "form": form,
                "versions": versions,
                "oob_versions": versions is not None,
                "oob_version": version,
                "source": source,
                "section_alone": True,
            },
            status_code=status,
        )

    async def _save_one(
        self,
        request: HTMXRequest,
        db: Any,
        redis: Any,
        cv: Any,
        form: SectionForm,
        values: dict[str, str],
    ) -> Redirect:
        """A plain post of one section (its own field names): saved, or back to the page with
        the section as posted and its errors."""
        try:
            await check_editable(db, cv)
        except ImportRunning as exc:
            return redirect_back(request, f"/cvs/{cv.id}", exc)
        content = apply_form(form, shown_content(cv.content))
        if content is None:
            errors = {form.spec.key: form.errors}
            return kept_form(request, cv, prefixed(form.spec.key, values), errors)
        read_at = posted_version(values.get(VERSION_FIELD))
        try:
            await save_user_edit(db, redis, cv, content, read_at=read_at)
        except ChangedElsewhere as refused:
            posted = prefixed(form.spec.key, values)
            return await changed_elsewhere(request, db, cv, posted, refused)
        return see_other(f"/cvs/{cv.id}#section-{form.spec.key}")

    @post("/cvs/{cv_id:str}/versions/{version_id:str}/restore")
    async def restore(
        self,
        request: HTMXRequest,
        owned: Owned,
        version_id: FromPath[str],
        data: URLEncodedBody[RestoreForm],
    ) -> Redirect:
        db, cv = owned.db, owned.cv
        try:
            await check_version(db, cv, posted_version(data.version))
        except ChangedElsewhere:
            return redirect_back(request, f"/cvs/{cv.id}#versions", gettext(RESTORED_ELSEWHERE))
        await services.restore_version(db, cv, version_id)
        await db.commit()
        await publish_event(owned.redis, owned.user.id, CV_LIST_CHANGED, {"cvId": cv.id})
        return see_other(f"/cvs/{cv.id}#versions")

    @post("/cvs/{cv_id:str}/report/dismiss")
    async def dismiss(
        self,
        user: SignedIn,
        db: Db,
        redis: RedisClient,
        cv_id: FromPath[str],
        data: URLEncodedBody[DismissForm],
    ) -> Redirect:
        """ "This is right": the item stops counting (its badge too)."""
        cv = await services.get_cv(db, user.id, cv_id, lock=True)
        if review.dismiss(cv, data.key):
            await db.commit()
            await publish_event(redis, user.id, CV_LIST_CHANGED, {"cvId": cv.id})
        return see_other(f"/cvs/{cv.id}#import-report")

    @post("/cvs/{cv_id:str}/fixes/move-bullets")
    async def move_bullets(
        self, request: HTMXRequest, owned: Owned, data: URLEncodedBody[MoveBulletsForm]
    ) -> Any:
        """Bullets the import filed under the wrong job go to the right one (or a new job):
        one form, saved as a new version."""
        first, last = whole_number(data.first, 1, 10_000), whole_number(data.last, 1, 10_000)
        content = shown_content(owned.cv.content)
        moved = None
        if first is not None and last is not None:
            moved = move_bullets(content, data.source, first, last, data.target)
        refusal = N_("Choose bullets of this job and another job to move them to.")
        return await self._save_fix(request, owned, moved, refusal, "#section-experience", data)

    @post("/cvs/{cv_id:str}/fixes/place-line")
    async def place_line(
        self, request: HTMXRequest, owned: Owned, data: URLEncodedBody[PlaceLineForm]
    ) -> Any:
        """A line the import placed nowhere goes where the user says, in one action."""
        cv = owned.cv
        content = shown_content(cv.content)
        stored = cv.import_report if isinstance(cv.import_report, dict) else {}
        placed = None
        if data.line in unplaced_now(stored, content):
            placed = place_line(content, data.line, data.target)
        refusal = N_("This line could not be placed there.")
        return await self._save_fix(request, owned, placed, refusal, "#import-report", data)

    @post("/cvs/{cv_id:str}/fixes/to-skill")
    async def to_skill(
        self, request: HTMXRequest, owned: Owned, data: URLEncodedBody[ToSkillForm]
    ) -> Any:
        """A language or an extra that is a skill becomes one: one click, a new version."""
        raw_index, _, name = data.item.partition("|")
        index = whole_number(raw_index, 0, 10_000)
        changed = None
        if index is not None:
            changed = to_skill(shown_content(owned.cv.content), data.section, index, name)
        refusal = N_("This item could not be turned into a skill: reload the page and try again.")
        return await self._save_fix(request, owned, changed, refusal, "#section-skills", data)

    async def _save_fix(
        self,
        request: HTMXRequest,
        owned: OwnedCv,
        fixed: CvContent | None,
        refusal: str,
        anchor: str,
        posted: MoveBulletsForm | PlaceLineForm | ToSkillForm,
    ) -> Redirect:
        """Save a fix's content as a new version and go back to ``anchor``; back to the page
        with ``refusal`` when the fix names nothing (or breaks a limit), or while an import
        runs; with the choice made kept in its form (``fix_posted``) when the CV changed
        elsewhere since the page was read."""
        db, cv = owned.db, owned.cv
        try:
            await check_editable(db, cv)
        except ImportRunning as exc:
            return redirect_back(request, f"/cvs/{cv.id}", exc)
        read_at = posted_version(posted.version)
        try:
            # Checked before the fix itself: a fix worked out on another version of the CV
            # (the bullets another tab had just written) is refused as such, not as unknown.
            await check_version(db, cv, read_at)
        except ChangedElsewhere:
            kept = {k: v for k, v in asdict(posted).items() if k != VERSION_FIELD}
            return redirect_back(
                request, f"/cvs/{cv.id}{anchor}", gettext(MOVED_ELSEWHERE), fix_posted=kept
            )
        if fixed is None or check_content(fixed) is not None:
            return redirect_back(request, f"/cvs/{cv.id}", gettext(refusal))
        await save_user_edit(db, owned.redis, cv, fixed, read_at=read_at)
        return see_other(f"/cvs/{cv.id}{anchor}")
