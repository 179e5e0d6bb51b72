"""One-time password-reset links; only the SHA-256 of each token is stored."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Created, UserOwned, UUIDPrimaryKey


class PasswordReset(UserOwned, UUIDPrimaryKey, Created, Base):
    """Made by an administrator (``created_by`` set) or asked for by email (None). Single use:
    ``used_at`` is set by one conditional UPDATE (app/domain/accounts/password_reset.py)."""

    __tablename__ = "password_reset"

    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[str | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
