"""CV rows: scoped look-ups, saving edits as versions, deleting, restoring, exporting."""

from __future__ import annotations

from typing import Any

from redis.asyncio import Redis
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, CvFile, CvVersion
from app.db.models.base import utcnow
from app.db.models.status import OPEN, TaskStatus
from app.domain.cvs import review, source_pages
from app.domain.cvs.dismissal_carry import with_dismissals
from app.domain.cvs.import_task import end_import
from app.domain.cvs.report_view import report_message
from app.domain.photos import services as photos
from app.lib.cv_content import CvContent
from app.lib.errors import NotFound
from app.lib.i18n import N_
from app.lib.input_errors import InputError, check_stored_limits
from app.lib.owned_rows import child_row
from app.lib.paging import Page, PageRequest, read_page
from app.lib.parsing.formats.json_resume_export import resume_from_content
from app.lib.parsing.report.report_live import item_key
from app.lib.problems import problem
from app.lib.refund_reasons import RefundReason
from app.tasks.lifecycle import latest_input_task

IMPORT_TASK_TYPE = "cv_import"
# Every CV import (PDF, JSON Resume, pasted text) takes the ``pdf_import`` concurrency slot:
# one import at a time per user.
IMPORT_SLOT_TYPE = "pdf_import"
CV_DELETED = "The CV was deleted before its import finished."


async def get_cv(session: AsyncSession, user_id: str, cv_id: str, *, lock: bool = False) -> CvFile:
    """The user's CV; another user's id answers exactly like a missing one (404). ``lock`` takes
    the row lock (on PostgreSQL) for a read-modify-write such as saving render settings."""
    cv = await find_cv(session, user_id, cv_id, lock=lock)
    if cv is None:
        raise NotFound(N_("No such CV."), code="cv.not_found")
    return cv


async def ready_cv(session: AsyncSession, user_id: str, cv_id: str, code: str) -> CvFile:
    """The user's CV to write a text from (a letter, a pitch): 404 like ``get_cv``, 409 ``code``
    while its import has not finished."""
    cv = await get_cv(session, user_id, cv_id)
    if cv.extraction_status != "completed" or not cv.content:
        raise InputError(
            N_("This CV is not ready yet: wait for its import to finish."),
            code=code,
            http_status=409,
            where="cvFileId",
        )
    return cv


async def find_cv(
    session: AsyncSession, user_id: str, cv_id: str, *, lock: bool = False
) -> CvFile | None:
    """The user's CV, or None (another user's id included)."""
    stmt = select(CvFile).where(CvFile.id == cv_id, CvFile.user_id == user_id)
    return await session.scalar(stmt.with_for_update() if lock else stmt)


def _listed(user_id: str, kind: str | None) -> Select[CvFile]:
    """The user's CVs (of ``kind`` if given), the most recently changed first."""
    query = select(CvFile).where(CvFile.user_id == user_id)
    if kind:
        query = query.where(CvFile.kind == kind)
    return query.order_by(CvFile.updated_at.desc(), CvFile.id)


async def list_cvs(session: AsyncSession, user_id: str, kind: str | None = None) -> list[CvFile]:
    return list(await session.scalars(_listed(user_id, kind)))


async def cvs_page(
    session: AsyncSession, user_id: str, kind: str | None, paging: PageRequest
) -> Page[CvFile]:
    return await read_page(session, _listed(user_id, kind), paging)


async def latest_import_task(
    session: AsyncSession, user_id: str, cv_id: str
) -> BackgroundTask | None:
    return await latest_input_task(session, user_id, IMPORT_TASK_TYPE, cv_id)


async def import_in_progress(session: AsyncSession, cv: CvFile) -> bool:
    task = await latest_import_task(session, cv.user_id, cv.id)
    return task is not None and task.status in OPEN


async def list_versions(session: AsyncSession, cv_id: str) -> list[CvVersion]:
    rows = await session.scalars(
        select(CvVersion).where(CvVersion.cv_file_id == cv_id).order_by(CvVersion.version.desc())
    )
    return list(rows)


# The ``created_by`` of the version an import stores (jobs/imports.py): the reader's own fields,
# no one's edit.
IMPORT_VERSION = "import"


async def add_version(
    session: AsyncSession, cv: CvFile, content: CvContent, created_by: str
) -> CvVersion:
    """Store ``content`` on the CV and as its next version (same transaction)."""
    current = await session.scalar(
        select(func.max(CvVersion.version)).where(CvVersion.cv_file_id == cv.id)
    )
    data = content.to_json()
    cv.content = data
    cv.updated_at = utcnow()
    version = CvVersion(
        cv_file_id=cv.id, version=int(current or 0) + 1, content=data, created_by=created_by
    )
    session.add(version)
    await session.flush()
    return version


async def restore_version(session: AsyncSession, cv: CvFile, version_id: str) -> CvVersion:
    missing = NotFound(N_("No such version."), code="cv.version_not_found")
    old = await child_row(session, CvVersion, CvVersion.cv_file_id, cv.id, version_id, missing)
    check_stored_limits(old.content)  # a version stored before the limits existed
    return await add_version(session, cv, CvContent.from_json(old.content), "user_edit")


async def delete_cv(session: AsyncSession, cv: CvFile) -> BackgroundTask | None:
    """Delete the CV (its versions go with it). An import still queued or running is ended as
    cancelled (refunded, its slot freed); the job finds it settled and stops. Returns that task
    so callers can publish."""
    task = await latest_import_task(session, cv.user_id, cv.id)
    ended = task is not None and await end_import(
        session,
        task,
        None,
        status=TaskStatus.CANCELLED,
        failure=problem("cv_deleted", CV_DELETED, "error"),
        refund_reason=RefundReason.IMPORT_CV_DELETED,
    )
    if cv.kind == "source":
        await photos.keep_defaults_of(session, cv)
    await session.delete(cv)
    return task if ended else None


def json_resume(cv: CvFile) -> dict[str, Any]:
    """The CV as a JSON Resume; the import findings the user dismissed go with it (in its
    ``meta``, app/domain/cvs/dismissal_carry.py) and stay dismissed when it is imported again."""
    return with_dismissals(resume_from_content(CvContent.from_json(cv.content)), cv.import_report)


def display_name(cv: CvFile) -> str:
    """What lists show: a tailored CV is named after its offer (its file name, "Name - Offer
    title - Company", set when it was made and kept if the offer goes); a source CV by the
    person's name and title when extracted, else its file name."""
    if cv.kind == "generated" and cv.filename:
        return cv.filename
    header = (cv.content or {}).get("header") or {}
    name = " — ".join(p for p in (header.get("name"), header.get("current_title")) if p)
    return name or cv.filename or cv.id[:8]


async def misread_check(session: AsyncSession, user_id: str, cv_id: str) -> list[dict[str, Any]]:
    """What in the user's source CV ``cv_id`` looks misread and is still open (the import's
    flags): each its ``code``, its ``key`` (the report's, to dismiss it), its ``values`` and its
    ``message`` in the reader's language; [] for no such CV (the generation's own checks say so)."""
    cv = await find_cv(session, user_id, cv_id)
    if cv is None or cv.kind != "source":
        return []
    return [
        {
            "code": str(item.get("code", "")),
            "key": item_key(item),
            "values": dict(item.get("values") or {}),
            "message": report_message(item),
        }
        for item in review.unanswered_major(cv)
    ]


async def forget_source_pages(redis: Redis, cv_ids: list[str]) -> None:
    """Drop the cached page images of these CVs (deleted, or their account is)."""
    await source_pages.forget_pages(redis, cv_ids)
