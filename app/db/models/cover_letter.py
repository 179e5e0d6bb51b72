"""Cover letters: one per (tailored CV, job offer) written by the worker, each user edit kept as
a version (app/domain/letters/)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Created, Timestamps, UserOwned, UUIDPrimaryKey
from app.db.models.status import RunStatus

LetterStatus = RunStatus


class CoverLetter(UserOwned, UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "cover_letter"

    # The CV the letter is written from (a tailored CV, or the source CV): its facts are the
    # only facts the letter may state. Kept as NULL if that CV is deleted later.
    cv_file_id: Mapped[str | None] = mapped_column(
        ForeignKey("cv_file.id", ondelete="SET NULL"), nullable=True, index=True
    )
    job_offer_id: Mapped[str] = mapped_column(
        ForeignKey("job_offer.id", ondelete="CASCADE"), index=True
    )
    background_task_id: Mapped[str | None] = mapped_column(
        ForeignKey("background_task.id", ondelete="SET NULL"), nullable=True
    )
    status: Mapped[str] = mapped_column(String(16), default=LetterStatus.PENDING, index=True)
    engine: Mapped[str] = mapped_column(String(16), default="")  # "llm" | "offline"
    language: Mapped[str] = mapped_column(String(8), default="en")
    length: Mapped[str] = mapped_column(String(16), default="standard")  # "short" | "standard"
    tone: Mapped[str] = mapped_column(String(16), default="formal")  # "formal" | "warm"
    # A LetterContent's JSON (app/lib/letter_content.py): greeting, paragraphs, closing.
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # What the fact guard did: {"verifiedClaims": n, "droppedClaims": [...], "repaired": n, ...}
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)  # a catalogue message id
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class CoverLetterVersion(UUIDPrimaryKey, Created, Base):
    """One saved state of a letter: the generated text is version 1, each user save the next."""

    __tablename__ = "cover_letter_version"

    cover_letter_id: Mapped[str] = mapped_column(
        ForeignKey("cover_letter.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(16), default="generated")  # or "edited"
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)
