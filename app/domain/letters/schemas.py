"""JSON shapes of the cover-letter API (camelCase, like the other features' APIs)."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from app.db.models import CoverLetter, CoverLetterVersion
from app.lib.row_out import row_out


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
    return row_out(
        LetterOut,
        letter,
        content=dict(letter.content or {}),
        meta=dict(letter.meta or {}),
        version=int(letter.version or 0),
        taskId=letter.background_task_id,
    )


def version_out(row: CoverLetterVersion, letter: CoverLetter) -> VersionOut:
    return row_out(
        VersionOut, row, current=row.number == letter.version, content=dict(row.content or {})
    )
