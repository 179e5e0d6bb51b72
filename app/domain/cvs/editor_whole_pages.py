"""The review page's editor: one form for the whole CV, one "Save" (app/domain/cvs/editor_form.py).

A plain post always ends in a 303 to the page (Post/Redirect/Get): saved, or the form as it was
posted — with its errors, or with a section's row added / moved / merged and not saved yet —
kept in the flash (app/lib/form_flash.py). With htmx, a section's add / remove / move / merge
button answers with that section alone, still unsaved. A save from a page older than the CV
(another tab saved meanwhile) saves nothing and comes back with what was typed and what is
saved now (app/domain/cvs/editor_conflict.py).
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, post
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile
from app.domain.cvs.editor_conflict import settle
from app.domain.cvs.editor_form import (
    SECTION_ORDER,
    apply_all,
    apply_section_action,
    form_fields,
    posted_forms,
    section_action,
)
from app.domain.cvs.editor_version import (
    VERSION_FIELD,
    ChangedElsewhere,
    content_at,
    posted_version,
)
from app.domain.cvs.owned_cv import OWNED, Owned
from app.domain.cvs.user_edits import ImportRunning, check_editable, save_user_edit
from app.lib.cv_limits import CV_BODY_LIMIT
from app.lib.cv_limits_cut import shown_content
from app.lib.form_flash import redirect_back
from app.lib.i18n import N_
from app.lib.pages import posted_text

SAVED = N_("Saved as a new version.")
UNCHANGED = N_("Nothing had changed: no new version was made.")


def kept_form(
    request: HTMXRequest,
    cv: CvFile,
    posted: dict[str, str],
    errors: dict[str, dict[str, str]],
    section: str = "",
    **extra: Any,
) -> Redirect:
    """Back to the page with the form as posted: its errors, or ``section`` changed unsaved."""
    anchor = section or next((key for key in SECTION_ORDER if errors.get(key)), "")
    location = f"/cvs/{cv.id}" + (f"#section-{anchor}" if anchor else "")
    return redirect_back(
        request,
        location,
        editor_posted={k: v for k, v in posted.items() if k != "_csrf_token"},
        editor_errors=errors,
        editor_unsaved=bool(section),
        editor_section=section,
        **extra,
    )


async def changed_elsewhere(
    request: HTMXRequest,
    db: AsyncSession,
    cv: CvFile,
    posted: dict[str, str],
    refused: ChangedElsewhere,
) -> Redirect:
    """Back to the page after a save refused as changed elsewhere: the post's sections as
    typed, those it did not change as saved now, the others shown both ways."""
    base = await content_at(db, cv.id, refused.read_at)
    settled = settle(
        posted,
        None if base is None else shown_content(base),
        shown_content(refused.saved),
        refused.now,
    )
    anchor = next(iter(settled.conflicts or settled.refreshed), "")
    location = f"/cvs/{cv.id}" + (f"#section-{anchor}" if anchor else "")
    conflict = {"sections": settled.conflicts, "refreshed": settled.refreshed}
    return redirect_back(
        request, location, refused, editor_posted=settled.fields, editor_conflict=conflict
    )


class CvEditorForm(Controller):
    include_in_schema = False
    dependencies = OWNED

    @post("/cvs/{cv_id:str}/edit", request_max_body_size=CV_BODY_LIMIT)
    async def save_all(self, request: HTMXRequest, owned: Owned) -> Any:
        db, cv = owned.db, owned.cv
        posted = await posted_text(request)
        action = posted.get("action", "save")
        forms = posted_forms(posted)
        changed = apply_section_action(forms, action)
        if changed is not None:
            if request.htmx:  # the section alone, swapped in place (static/js/unsaved_guard.js)
                context = {"cv": cv, "form": changed, "versions": None, "oob_versions": False}
                return Template("cvs/_partials/section.html", context=context)
            key = changed.spec.key
            # The changed section as it now is; the others as posted.
            posted = {k: v for k, v in posted.items() if not k.startswith(f"{key}-")}
            posted |= form_fields(changed)
            errors = {key: changed.errors} if changed.errors else {}  # e.g. a row over the limit
            return kept_form(request, cv, posted, errors, section=key)
        pressed = section_action(action)
        if pressed is not None:  # an action that changes nothing (the first row up)
            return kept_form(request, cv, posted, {}, section=pressed[0])
        try:
            await check_editable(db, cv)
        except ImportRunning as exc:
            return redirect_back(request, f"/cvs/{cv.id}", exc, editor_posted=posted)
        shown = shown_content(cv.content)
        content = apply_all(forms, shown)
        if content is None:
            errors = {key: form.errors for key, form in forms.items() if form.errors}
            return kept_form(request, cv, posted, errors)
        # Entries the import left unnamed, kept or left out (app/domain/cvs/unnamed_entries.py).
        notes = [note for form in forms.values() for note in form.notes]
        if content.to_json() == shown.to_json():
            return redirect_back(request, f"/cvs/{cv.id}", notice=UNCHANGED, editor_notes=notes)
        read_at = posted_version(posted.get(VERSION_FIELD))
        try:
            await save_user_edit(db, owned.redis, cv, content, read_at=read_at)
        except ChangedElsewhere as refused:
            return await changed_elsewhere(request, db, cv, posted, refused)
        return redirect_back(request, f"/cvs/{cv.id}", notice=SAVED, editor_notes=notes)
