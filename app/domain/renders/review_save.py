"""Save a review change: re-assemble the tailored CV from the source (no LLM run, no credit),
store it as a new version, refresh the bullet scores the page budget uses, tell open pages.
A change decided on an older version of the CV than the saved one writes nothing
(app/domain/cvs/editor_version.py)."""

from __future__ import annotations

from typing import Any

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, CvVersion, User
from app.db.models.base import utcnow
from app.domain.cvs import services as cv_services
from app.domain.cvs.view import check_version
from app.domain.renders import services
from app.domain.renders.review import ReviewAction, apply_review
from app.domain.renders.review_ops import ReviewError
from app.domain.renders.review_relevance import relevance_after
from app.events import CV_LIST_CHANGED
from app.lib.cv_content import CvContent
from app.lib.errors import NotFound
from app.lib.events import publish_event
from app.lib.i18n import N_
from app.lib.input_errors import check_limits

CREATED_BY = "user_review"


async def source_of(db: AsyncSession, user: User, cv: CvFile) -> CvFile | None:
    """The source CV a tailored CV was made from, if the user still has it."""
    source_id = (cv.generation_meta or {}).get("source_cv_id")
    if cv.kind != "generated" or not source_id:
        return None
    try:
        return await cv_services.get_cv(db, user.id, str(source_id))
    except NotFound:
        return None


async def save_review(
    db: AsyncSession,
    redis: Redis,
    user: User,
    cv: CvFile,
    change: ReviewAction,
    *,
    read_at: int | None,
) -> CvVersion:
    """Apply ``change`` to the user's tailored ``cv`` and commit it as a new version;
    ``ChangedElsewhere`` (nothing written) when the CV is no longer at ``read_at``, the version
    the change was decided at (None: not checked)."""
    # Checked first: a change chosen on content another tab has changed since (a line it put
    # back) is refused as such, not as one that no longer applies.
    await check_version(db, cv, read_at)
    source_cv = await source_of(db, user, cv)
    if source_cv is None:
        raise ReviewError(
            N_("The source CV of this tailored CV is gone: its changes can no longer be undone."),
            code="review.source_missing",
            http_status=409,
        )
    before = CvContent.from_json(cv.content)
    meta: dict[str, Any] = dict(cv.generation_meta or {})
    content, new_meta = apply_review(
        CvContent.from_json(source_cv.content), before, meta, change, utcnow().isoformat()
    )
    check_limits(content)  # the limits of app/lib/cv_limits.py hold for tailored CVs too
    relevance = meta.get(services.META_RELEVANCE)
    new_meta[services.META_RELEVANCE] = relevance_after(
        before,
        content,
        relevance if isinstance(relevance, dict) else None,
        await services.get_offer(db, cv),
    )
    # What the last render cut describes the old content; the next render records its own.
    new_meta.pop(services.META_LAST_RENDER, None)
    cv.generation_meta = new_meta
    version = await cv_services.add_version(db, cv, content, CREATED_BY)
    await db.commit()
    await publish_event(redis, user.id, CV_LIST_CHANGED, {"cvId": cv.id})
    return version
