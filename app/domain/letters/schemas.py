"""JSON shapes of the cover-letter API (camelCase, like the other features' APIs)."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from app.db.models import CoverLetter, CoverLetterVersion


class LetterIn(Struct, forbid_unknown_fields=True):
    """``POST /api/cover-letters``: which of your CVs and offers, and how to write it."""

    cvFileId: str
    jobOfferId: str
    length: str = "standard"  # "short" | "standard"
    tone: str = "formal"  # "formal" | "warm"
    language: str | None = None  # "fr" | "en"; None: the offer's language
    deviceId: str | None = None


class LetterCreated(Struct):
    id: str
    taskId: str | None
    status: str


class LetterOut(Struct):
    id: str
    status: str
    content: dict[str, Any]
    meta: dict[str, Any]
    language: str
    engine: str
    length: str
    tone: str
    version: int
    cvFileId: str | None
    jobOfferId: str
    taskId: str | None
    error: str | None
    createdAt: str
    updatedAt: str


class VersionOut(Struct):
    number: int
    origin: str
    createdAt: str
    current: bool
    content: dict[str, Any]


def letter_out(letter: CoverLetter) -> LetterOut:
    return LetterOut(
        id=letter.id,
        status=str(letter.status),
        content=dict(letter.content or {}),
        meta=dict(letter.meta or {}),
        language=letter.language,
        engine=letter.engine,
        length=letter.length,
        tone=letter.tone,
        version=int(letter.version or 0),
        cvFileId=letter.cv_file_id,
        jobOfferId=letter.job_offer_id,
        taskId=letter.background_task_id,
        error=letter.error,
        createdAt=letter.created_at.isoformat(),
        updatedAt=letter.updated_at.isoformat(),
    )


def version_out(row: CoverLetterVersion, letter: CoverLetter) -> VersionOut:
    return VersionOut(
        number=row.number,
        origin=row.origin,
        createdAt=row.created_at.isoformat(),
        current=row.number == letter.version,
        content=dict(row.content or {}),
    )
