"""Saving a CV the user edited: one rule for the JSON API (``PUT /api/cvs/{id}``), the editor's
"Save" and the review page's fixes (app/domain/cvs/editor_pages.py): each save is checked
against the version its form was read at (app/domain/cvs/editor_version.py) first."""

from __future__ import annotations

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, CvVersion
from app.domain.cvs.editor_version import check_version
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
    db: AsyncSession,
    redis: Redis,
    cv: CvFile,
    content: CvContent,
    filename: str | None = None,
    *,
    read_at: int | None,
) -> CvVersion:
    """Store ``content`` (already validated and within the limits) as a new version, commit,
    and tell the user's other pages; ``ChangedElsewhere`` (nothing written) when the CV is no
    longer at ``read_at``, the version the form was read at. A CV whose import failed counts
    as done: the user wrote its content in by hand."""
    await check_version(db, cv, read_at, content.to_json())
    if filename is not None and filename.strip():
        cv.filename = filename.strip()[:255]
    if cv.extraction_status == "failed":
        cv.extraction_status = "completed"
    version = await add_version(db, cv, content, USER_EDIT)
    await db.commit()
    await publish_event(redis, cv.user_id, CV_LIST_CHANGED, {"cvId": cv.id})
    return version
