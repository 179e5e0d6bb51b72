"""JSON shapes of the pitch API (camelCase, like the other features' APIs)."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from app.db.models import Pitch
from app.lib.row_out import row_out
from app.lib.speech import WORDS_PER_MINUTE, speaking_seconds, word_count

TARGET_WORDS = {"30s": 75, "3min": 400}  # as jobs/pitches/request.py aims


class PitchIn(Struct, forbid_unknown_fields=True):
    """``POST /api/pitches``: which CV, which length, and the target: one of your offers
    (``jobOfferId``) or a one-line ``context`` (an event, a company, a network)."""

    cvFileId: str
    kind: str = "30s"  # "30s" | "3min"
    jobOfferId: str | None = None
    context: str = ""
    language: str | None = None  # "fr" | "en"; None: the offer's, else the CV's
    deviceId: str | None = None


class PitchEdit(Struct, forbid_unknown_fields=True):
    """``PUT /api/pitches/{id}``: your edited text (paragraphs separated by a blank line)."""

    text: str


class DefaultIn(Struct, forbid_unknown_fields=True):
    """``PUT /api/pitches/{id}/default``: make it your default pitch, or not."""

    isDefault: bool


class PitchCreated(Struct):
    id: str
    taskId: str | None
    status: str


class PitchOut(Struct):
    id: str
    status: str
    kind: str
    language: str
    engine: str
    text: str
    words: int
    seconds: int  # speaking time at wordsPerMinute
    wordsPerMinute: int
    targetWords: int
    isDefault: bool
    cvFileId: str | None
    jobOfferId: str | None
    context: str
    taskId: str | None
    meta: dict[str, Any]
    error: str | None
    createdAt: str
    updatedAt: str


def pitch_out(pitch: Pitch) -> PitchOut:
    words = word_count(pitch.text or "")
    return row_out(
        PitchOut,
        pitch,
        text=pitch.text or "",
        words=words,
        seconds=speaking_seconds(words),
        wordsPerMinute=WORDS_PER_MINUTE,
        targetWords=TARGET_WORDS.get(pitch.kind, 0),
        isDefault=bool(pitch.is_default),
        context=pitch.context or "",
        taskId=pitch.background_task_id,
        meta=dict(pitch.meta or {}),
    )
