"""The achievements bank: the user's own STAR stories (Situation, Task, Action, Result), each
optionally linked to one experience of one of the user's CVs (app/domain/achievements/).

A *complete* achievement linked to an experience is source material for that experience when a
CV is tailored: its facts are accepted for that item only (jobs/pipeline/)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Timestamps, UserOwned, UUIDPrimaryKey


class AchievementStatus(StrEnum):
    DRAFT = "draft"
    # Situation, task, action and result all filled (app/domain/achievements/checks.py).
    COMPLETE = "complete"


class Achievement(UserOwned, UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "achievement"

    title: Mapped[str] = mapped_column(String(200))
    situation: Mapped[str] = mapped_column(Text, default="")
    task: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    # The skills the story shows, as the user wrote them (a JSON list of strings).
    skills: Mapped[list[Any]] = mapped_column(default=list)
    # The experience it belongs to: a CV of the user and the experience's stable ``id`` in that
    # CV's content (``Experience.id`` of app/lib/cv_content.py, copied into tailored CVs). Both
    # or neither; deleting the CV unlinks the achievement, it does not delete it.
    cv_file_id: Mapped[str | None] = mapped_column(
        ForeignKey("cv_file.id", ondelete="SET NULL"), nullable=True, index=True
    )
    experience_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default=AchievementStatus.DRAFT)
    language: Mapped[str] = mapped_column(String(8), default="en")
