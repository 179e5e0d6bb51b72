"""Job offers a user tailors CVs to."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Timestamps, UserOwned, UUIDPrimaryKey


class JobOffer(UserOwned, UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "job_offer"

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
    # Whether the posting is still open, from the scheduled re-check of its page
    # (app/domain/offers/posting.py): open | closed | reopened (the user said it is open),
    # why it closed as a code and its values (the sentence is the catalogue's), when a check
    # last gave an answer, and when the next one is due.
    posting_status: Mapped[str] = mapped_column(String(16), default="open", server_default="open")
    posting_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    posting_reason_params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    posting_checked_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )
    posting_next_check_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True, index=True
    )
    # The earlier offer this one is the same ad as, seen again under another address.
    repost_of_id: Mapped[str | None] = mapped_column(
        ForeignKey("job_offer.id", ondelete="SET NULL"), nullable=True
    )
