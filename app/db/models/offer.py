"""Job offers a user tailors CVs to."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Timestamps, UUIDPrimaryKey


class JobOffer(UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "job_offer"

    user_id: Mapped[str] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300), default="")
    company: Mapped[str] = mapped_column(String(300), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    requirements: Mapped[list[Any]] = mapped_column(default=list)
    responsibilities: Mapped[list[Any]] = mapped_column(default=list)
    skills: Mapped[list[Any]] = mapped_column(default=list)
    languages: Mapped[list[Any]] = mapped_column(
        default=list
    )  # [{name, level}] as worded in the offer
    contract_type: Mapped[str | None] = mapped_column(String(64), nullable=True)
    remote: Mapped[str | None] = mapped_column(String(64), nullable=True)
    source_url: Mapped[str | None] = mapped_column(String(2048), nullable=True)
    extraction_status: Mapped[str] = mapped_column(String(16), default="pending")
    extraction_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The user said the title, company and place are right (or set them): the offer page stops
    # asking and a generation no longer checks them (app/domain/offers/header_check.py).
    header_confirmed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
