"""Accounts and their personal API tokens."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Created, Timestamps, UserOwned, UUIDPrimaryKey


class User(UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "user_account"

    email: Mapped[str] = mapped_column(String(320), unique=True)  # stored normalised
    password_hash: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(120), default="")
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    locale: Mapped[str | None] = mapped_column(String(8), nullable=True)
    credit_balance: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The user's own cover-letter template (placeholders: app/domain/letters/template.py).
    letter_template: Mapped[str] = mapped_column(Text, default="", server_default="")


class ApiToken(UserOwned, UUIDPrimaryKey, Created, Base):
    """A personal token for ``Authorization: Bearer``; only its SHA-256 is stored."""

    __tablename__ = "api_token"

    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(
        String(16)
    )  # shown in the list so users can tell tokens apart
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
