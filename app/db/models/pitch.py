"""Pitches: a 30-second or 3-minute spoken presentation of the user, written by the worker from
one CV and the user's complete achievements, for a target (one of the user's job offers, or a
free context). app/domain/pitches/ reads and edits them; jobs/pitches/ writes them."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Timestamps, UserOwned, UUIDPrimaryKey
from app.db.models.status import RunStatus

PitchStatus = RunStatus


class PitchKind(StrEnum):
    SHORT = "30s"  # about 75 words
    LONG = "3min"  # about 400 words


class Pitch(UserOwned, UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "pitch"
    __table_args__ = (
        # At most one default per user, held by the database under parallel requests
        # (migration 0017); any number of the others.
        Index(
            "uq_pitch_one_default",
            "user_id",
            unique=True,
            sqlite_where=text("is_default"),
            postgresql_where=text("is_default"),
        ),
    )

    # The CV the pitch is written from: with the complete achievements, its facts are the only
    # facts the pitch may state. Kept as NULL if that CV is deleted later (the text stays).
    cv_file_id: Mapped[str | None] = mapped_column(
        ForeignKey("cv_file.id", ondelete="SET NULL"), nullable=True, index=True
    )
    # The target: one of the user's offers, or (no offer) the free context the user typed.
    job_offer_id: Mapped[str | None] = mapped_column(
        ForeignKey("job_offer.id", ondelete="SET NULL"), nullable=True, index=True
    )
    context: Mapped[str] = mapped_column(Text, default="")
    background_task_id: Mapped[str | None] = mapped_column(
        ForeignKey("background_task.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(8), default=PitchKind.SHORT)
    language: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[str] = mapped_column(String(16), default=PitchStatus.PENDING, index=True)
    engine: Mapped[str] = mapped_column(String(16), default="")  # "llm" | "offline"
    text: Mapped[str] = mapped_column(Text, default="")
    # The user's one default pitch (the index above; app/domain/pitches/services.py).
    is_default: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    # What the fact guard did: {"verifiedClaims": n, "droppedClaims": n, "dropped": [...], ...}
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)  # a catalogue message id
