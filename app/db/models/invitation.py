"""Invitation links for the "invitation" sign-up mode; only the SHA-256 of each token is stored."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Created, UUIDPrimaryKey


class Invitation(UUIDPrimaryKey, Created, Base):
    """Single use: ``used_at`` is set by one conditional UPDATE, so two sign-ups racing on the
    same link cannot both take it (app/domain/invitations/services.py)."""

    __tablename__ = "invitation"

    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))  # tells links apart in the admin list
    email: Mapped[str | None] = mapped_column(String(320), nullable=True)  # normalised
    created_by: Mapped[str | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    used_by: Mapped[str | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
