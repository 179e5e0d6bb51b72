"""What the changes page shows (the comparison, the match panel, the last render's cuts) and
how its review buttons' posts read as a ``ReviewAction``."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, User
from app.domain.matching.view import generated_match_context
from app.domain.renders import services
from app.domain.renders.changes import build_changes
from app.domain.renders.reasons import reason_text
from app.domain.renders.review import ReviewAction
from app.domain.renders.review_ops import ReviewError
from app.domain.renders.review_save import source_of
from app.domain.renders.schemas import ReviewForm
from app.lib.cv_content import CvContent
from app.lib.i18n import N_


async def changes_context(db: AsyncSession, user: User, cv: CvFile) -> dict[str, Any]:
    meta = cv.generation_meta or {}
    source_cv = await source_of(db, user, cv)
    context: dict[str, Any] = {
        "cv": cv,
        "source_cv": source_cv,
        "changes": None,
        "reason_text": reason_text,
        "last_render": meta.get(services.META_LAST_RENDER),
        **await generated_match_context(db, user, cv),
    }
    if source_cv is not None:
        context["changes"] = build_changes(
            CvContent.from_json(source_cv.content), CvContent.from_json(cv.content), meta
        )
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
