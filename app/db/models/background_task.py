"""One row per user-visible background operation (the task centre)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, UUIDPrimaryKey, now_ms
from app.db.models.status import TaskStatus


class BackgroundTask(UUIDPrimaryKey, Base):
    __tablename__ = "background_task"
    __table_args__ = (Index("ix_background_task_user_created", "user_id", "created_at"),)

    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(50))
    status: Mapped[str] = mapped_column(String(16), default=TaskStatus.QUEUED, index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    progress: Mapped[dict[str, Any]] = mapped_column(default=dict)
    result: Mapped[dict[str, Any] | None] = mapped_column(nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    job_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    device_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # Milliseconds since the epoch, as the task-centre API exposes them.
    created_at: Mapped[int] = mapped_column(BigInteger, default=now_ms)
    updated_at: Mapped[int] = mapped_column(BigInteger, default=now_ms, onupdate=now_ms)

    def input_id(self, key: str) -> str:
        """The id of the row this task works on (``progress[key]``, set when it was created):
        how each task kind finds its CV, offer, letter, search or inbox item; "" without one."""
        return str((self.progress or {}).get(key) or "")
