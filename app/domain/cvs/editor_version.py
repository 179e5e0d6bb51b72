"""The version a CV form was read at, and the one check every write of a CV makes with it: a
save made from an older version is refused (``ChangedElsewhere``, 409) and writes nothing,
as applications refuse a stale save (app/domain/applications/editing.py).

A CV's version is the number of its newest saved version (``cv_version``): every write of its
content adds one (an import, an edit, a fix, a restore, a generation), so the number moves
exactly when the content does, and nothing else (a design, a dismissed report item) makes a
form stale. Pages carry it in the hidden field ``version``; the JSON API takes ``version`` in
the body or ``If-Match``. A post without one is not checked (clients written before it).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, CvVersion
from app.domain.cvs import services
from app.lib.errors import Conflict
from app.lib.i18n import N_
from app.lib.numbers import whole_number

VERSION_FIELD = "version"
UNREADABLE = -1  # a version that is no number (a tampered field): never current, so refused
CHANGED_ELSEWHERE = N_(
    "This CV changed elsewhere (in another tab or on another device) since you opened it: "
    "nothing was saved."
)


class ChangedElsewhere(Conflict):
    """A save from version ``read_at`` while the CV is at ``now``. The JSON answer carries
    both: ``version`` and ``content`` (saved now), ``readVersion`` and ``yourContent``."""

    def __init__(
        self, read_at: int, now: int, saved: dict[str, Any], yours: dict[str, Any] | None
    ) -> None:
        super().__init__(
            CHANGED_ELSEWHERE,
            code="cv.changed_elsewhere",
            extra={"version": now, "content": saved, "readVersion": read_at, "yourContent": yours},
        )
        self.read_at = read_at
        self.now = now
        self.saved = saved


def posted_version(raw: str | None) -> int | None:
    """The hidden field's value: None when the form sent none, ``UNREADABLE`` for garbage."""
    if raw is None or not raw.strip():
        return None
    number = whole_number(raw.strip(), 0, 2**31 - 1)
    return UNREADABLE if number is None else number


def if_match_version(header: str | None) -> int | None:
    """``If-Match: "7"`` (or ``W/"7"``, or ``7``) → 7; ``*`` or no header → None (no check)."""
    if header is None or header.strip() in ("", "*"):
        return None
    return posted_version(header.strip().removeprefix("W/").strip('"'))


def etag(version: int) -> str:
    return f'"{version}"'


async def current_version(db: AsyncSession, cv_id: str) -> int:
    """The number of the CV's newest version; 0 before its first."""
    newest = await db.scalar(
        select(func.max(CvVersion.version)).where(CvVersion.cv_file_id == cv_id)
    )
    return int(newest or 0)


async def read_cv(db: AsyncSession, user_id: str, cv_id: str) -> tuple[CvFile, int]:
    """The user's CV and the version a form made from it carries. The number is read before the
    content: a save landing between the two reads leaves the number older than the content
    (the next save is refused, and shown both), never newer (it would overwrite unseen)."""
    version = await current_version(db, cv_id)
    return await services.get_cv(db, user_id, cv_id), version


async def check_version(
    db: AsyncSession, cv: CvFile, read_at: int | None, yours: dict[str, Any] | None = None
) -> None:
    """Raise ``ChangedElsewhere`` unless the CV is still at ``read_at`` (None: not checked).
    Holds the CV's row until the transaction ends (PostgreSQL; SQLite's one writer already
    does), so two saves from the same version cannot both pass: the second sees the first's."""
    await db.execute(select(CvFile.id).where(CvFile.id == cv.id).with_for_update())
    if read_at is None:
        return
    now = await current_version(db, cv.id)
    if read_at != now:
        await db.refresh(cv, ["content"])  # what the other save left, for the answer
        raise ChangedElsewhere(read_at, now, dict(cv.content or {}), yours)


async def content_at(db: AsyncSession, cv_id: str, version: int) -> dict[str, Any] | None:
    """The content the CV had at ``version`` (what a stale form was read from), if kept."""
    return await db.scalar(
        select(CvVersion.content).where(CvVersion.cv_file_id == cv_id, CvVersion.version == version)
    )
