"""What the changes page shows (the comparison, the match panel, the last render's cuts, the
CV's version its review buttons post) and how their posts read as a ``ReviewAction``.

The cuts are those of the PDF the CV's current settings give: the recorded last render when it
was made from them (its ``cacheKey`` is theirs), else that PDF's entry in the render cache; with
neither (the CV changed since, and nothing rendered it yet) the page says it does not know
rather than mark what an older PDF left out. No render is started here: the page stays usable
without a worker.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CvFile, User
from app.domain.matching.view import generated_match_context
from app.domain.renders import services
from app.domain.renders.changes import build_changes
from app.domain.renders.left_out import build_left_out
from app.domain.renders.reasons import reason_text
from app.domain.renders.review import ReviewAction
from app.domain.renders.review_ops import ReviewError
from app.domain.renders.review_save import source_of
from app.domain.renders.schemas import ReviewForm
from app.domain.renders.view import sendable_report
from app.lib.cv_content import CvContent
from app.lib.i18n import N_
from app.lib.pdf_render.designs import CV_LOCALES


async def current_render(
    db: AsyncSession, settings: Settings, user: User, cv: CvFile
) -> tuple[dict[str, Any] | None, services.RenderSpec, bool]:
    """``(record, spec, stale)``: the meta of the render of ``cv`` as it is now set (None when
    unknown), what it is rendered from, and whether the recorded render is of an older state."""
    spec = await services.spec_for(db, settings, cv, user)
    record = (cv.generation_meta or {}).get(services.META_LAST_RENDER)
    if not isinstance(record, dict):
        record = None
    recorded_key = record.get("cacheKey") if record is not None else None
    # A record without its key (made before keys were recorded) is taken as it is.
    if record is not None and (not recorded_key or recorded_key == services.spec_cache_key(spec)):
        return record, spec, False
    cached = await asyncio.to_thread(services.cached_render, settings, spec)
    if cached is not None:
        return cached.meta(), spec, False
    return None, spec, record is not None


async def changes_context(
    db: AsyncSession, settings: Settings, user: User, cv: CvFile, version: int
) -> dict[str, Any]:
    """``version``: the CV's version ``cv`` was read at, which the review buttons post (a click
    from an older one writes nothing: app/domain/cvs/editor_version.py)."""
    meta = cv.generation_meta or {}
    source_cv = await source_of(db, user, cv)
    record, spec, stale = await current_render(db, settings, user, cv)
    tailored = CvContent.from_json(cv.content)
    context: dict[str, Any] = {
        "cv": cv,
        "source_cv": source_cv,
        "changes": None,
        "reason_text": reason_text,
        "last_render": record,
        # Not known: the CV changed since its last render, or a tailored CV was not rendered since
        # its review (which drops the record: it describes the old content).
        "render_unknown": record is None and (stale or cv.kind == "generated"),
        "left_out": build_left_out(
            record,
            tailored,
            page_budget=spec.page_budget,
            budget_choices=services.PAGE_BUDGET_CHOICES,
        ),
        # What the make-room form posts along with the budget, so that nothing else changes.
        "sendable": sendable_report(meta, tailored),
        "render_design": spec.design,
        "render_language": cv.language if cv.language in CV_LOCALES else "auto",
        "cv_version": version,
        **await generated_match_context(db, user, cv),
    }
    if source_cv is not None:
        context["changes"] = build_changes(CvContent.from_json(source_cv.content), tailored, meta)
    return context


def _number(value: str, what: str) -> int | None:
    if not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise ReviewError(
            N_("“%(value)s” is not a number (%(what)s)."),
            code="review.bad_number",
            value=value[:40],
            what=what,
        ) from None


def action_from_form(form: ReviewForm) -> ReviewAction:
    return ReviewAction(
        action=form.action.strip(),
        item=form.item.strip(),
        bullet=_number(form.bullet, "bullet"),
        skill=form.skill.strip(),
        override=_number(form.override, "override"),
    )
