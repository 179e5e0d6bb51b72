"""STAR coach conversations: one per experience the user talks through with the coach
(app/domain/coach/), kept to resume on any device, ending in a proposed achievement."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Timestamps, UserOwned, UUIDPrimaryKey


class CoachStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"  # its achievement was accepted into the bank
    ABANDONED = "abandoned"


class CoachConversation(UserOwned, UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "coach_conversation"

    # The experience talked about: a CV of the user and the experience's ``id`` in its content
    # (both or neither); its label is copied so the page still names it once the CV is gone.
    cv_file_id: Mapped[str | None] = mapped_column(
        ForeignKey("cv_file.id", ondelete="SET NULL"), nullable=True, index=True
    )
    experience_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    experience_label: Mapped[str] = mapped_column(String(300), default="")
    # "experience" → "situation" → "task" → "action" → "result" → "review" (phases.py).
    phase: Mapped[str] = mapped_column(String(16), default="experience")
    status: Mapped[str] = mapped_column(String(16), default=CoachStatus.ACTIVE, index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    # "llm": the coach's replies are written by the model; "offline": the guided form.
    engine: Mapped[str] = mapped_column(String(16), default="llm")
    # [{"role": "user"|"coach", "text": str, "code": str, "phase": str, "at": ms}]: a coach
    # message of the guided form or of the code has a ``code`` (rendered in the reader's
    # language), one the model wrote has its ``text``.
    messages: Mapped[list[Any]] = mapped_column(default=list)
    # The user's accepted answer of each phase, by phase: the only facts a proposal may state.
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The reply being written: the task-centre row of its job, or None.
    reply_task_id: Mapped[str | None] = mapped_column(
        ForeignKey("background_task.id", ondelete="SET NULL"), nullable=True
    )
    error: Mapped[str | None] = mapped_column(String(200), nullable=True)  # a catalogue id
    # The achievement proposed at review: {"title", "situation", "task", "action", "result",
    # "skills"}, what the truth check refused ({"field", "text", "detail"}), and the
    # achievement it became once accepted.
    proposal: Mapped[dict[str, Any] | None] = mapped_column(nullable=True)
    refused: Mapped[list[Any]] = mapped_column(default=list)
    achievement_id: Mapped[str | None] = mapped_column(
        ForeignKey("achievement.id", ondelete="SET NULL"), nullable=True
    )
