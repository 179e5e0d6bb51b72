"""Per-user concurrency slots by task type, enforced by a unique constraint.

A row means "this user has a task of this type running". Inserting a second row for the same
(user, type) fails atomically in any process, which is the whole point: no in-memory map.
"""

from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Created, UserOwned, UUIDPrimaryKey


class TaskSlot(UserOwned, UUIDPrimaryKey, Created, Base):
    __tablename__ = "task_slot"
    __table_args__ = (UniqueConstraint("user_id", "task_type"),)

    task_type: Mapped[str] = mapped_column(String(50))
    task_id: Mapped[str] = mapped_column(
        String(36)
    )  # the CvGenerationTask / BackgroundTask holding it
