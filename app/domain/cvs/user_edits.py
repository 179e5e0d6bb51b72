"""Saving a CV the user edited: one rule for the JSON API (``PUT /api/cvs/{id}``) and the
section editor's "Save" (app/domain/cvs/editor_pages.py)."""

from __future__ import annotations

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile
from app.domain.cvs.services import add_version, import_in_progress
from app.events import CV_LIST_CHANGED
from app.lib.cv_content import CvContent
from app.lib.events import publish_event
from app.lib.i18n import N_
from app.lib.input_errors import InputError

USER_EDIT = "user_edit"  # the version's ``created_by``


class ImportRunning(InputError):
    """The import would overwrite the edit when it ends: refused until it is done."""

    def __init__(self) -> None:
        super().__init__(
            N_("This CV is still being imported; edit it when the import is done."),
            code="cv.import_running",
            http_status=409,
        )


async def check_editable(db: AsyncSession, cv: CvFile) -> None:
    """Raise ``ImportRunning`` while the CV's import runs; checked before the content is."""
    if await import_in_progress(db, cv):
        raise ImportRunning


async def save_user_edit(
    db: AsyncSession, redis: Redis, cv: CvFile, content: CvContent, filename: str | None = None
) -> None:
    """Store ``content`` (already validated and within the limits) as a new version, commit,
    and tell the user's other pages. A CV whose import failed counts as done: the user wrote
    its content in by hand."""
    if filename is not None and filename.strip():
        cv.filename = filename.strip()[:255]
    if cv.extraction_status == "failed":
        cv.extraction_status = "completed"
    await add_version(db, cv, content, USER_EDIT)
    await db.commit()
    await publish_event(redis, cv.user_id, CV_LIST_CHANGED, {"cvId": cv.id})
