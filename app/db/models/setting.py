"""Admin-editable settings (models per phase, endpoint, limits…)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Timestamps, UUIDPrimaryKey


class Setting(UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "setting"

    setting_name: Mapped[str] = mapped_column(String(100), unique=True)
    category: Mapped[str] = mapped_column(String(50), index=True)
    value: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
