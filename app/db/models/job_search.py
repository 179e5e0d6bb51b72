"""Job discovery: saved searches, the feeds they read, and the inbox of offers they found
(app/domain/inbox/ on the web side, jobs/discovery/ in the worker)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Timestamps, UserOwned, UUIDPrimaryKey


class InboxStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class SavedSearch(UserOwned, UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "saved_search"

    name: Mapped[str] = mapped_column(String(120), default="")
    keywords: Mapped[list[Any]] = mapped_column(default=list)  # words or phrases
    keywords_mode: Mapped[str] = mapped_column(String(8), default="any")  # "any" | "all"
    red_flags: Mapped[list[Any]] = mapped_column(default=list)  # words or phrases that reject
    location: Mapped[str] = mapped_column(String(200), default="")
    remote: Mapped[str] = mapped_column(String(16), default="any")  # any|remote|hybrid|onsite
    min_salary: Mapped[int | None] = mapped_column(Integer, nullable=True)  # yearly
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")
    interval_minutes: Mapped[int] = mapped_column(Integer, default=60, server_default="60")
    next_run_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True, index=True
    )
    last_run_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # The cover-letter template for offers found by this search ("" = the user's own).
    letter_template: Mapped[str] = mapped_column(Text, default="")


class FeedSource(UUIDPrimaryKey, Timestamps, Base):
    """One feed URL of a search, and its fetch log (the last fetch, in words for the user)."""

    __tablename__ = "feed_source"

    search_id: Mapped[str] = mapped_column(
        ForeignKey("saved_search.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(String(2048))
    kind: Mapped[str] = mapped_column(String(8), default="")  # rss|atom|json|html once seen
    etag: Mapped[str | None] = mapped_column(String(512), nullable=True)
    last_modified: Mapped[str | None] = mapped_column(String(128), nullable=True)
    last_fetched_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # The last fetch that read the feed's content (an "unchanged" answer says since when).
    content_fetched_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )
    last_status: Mapped[str] = mapped_column(String(16), default="")  # ok|not_modified|error
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)  # catalogue message
    last_error_params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    items_found: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    new_items: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class InboxItem(UserOwned, UUIDPrimaryKey, Timestamps, Base):
    """An offer found by a search (or sent by the bookmarklet), waiting for the user's triage."""

    __tablename__ = "inbox_item"
    __table_args__ = (UniqueConstraint("user_id", "canonical_url"),)

    search_id: Mapped[str | None] = mapped_column(
        ForeignKey("saved_search.id", ondelete="SET NULL"), nullable=True, index=True
    )
    source_id: Mapped[str | None] = mapped_column(
        ForeignKey("feed_source.id", ondelete="SET NULL"), nullable=True
    )
    origin: Mapped[str] = mapped_column(String(16), default="feed")  # "feed" | "bookmarklet"
    url: Mapped[str] = mapped_column(String(2048), default="")
    canonical_url: Mapped[str] = mapped_column(String(2048))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    company: Mapped[str] = mapped_column(String(300), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    remote: Mapped[str | None] = mapped_column(String(16), nullable=True)
    salary_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    salary_max: Mapped[int | None] = mapped_column(Integer, nullable=True)
    summary: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text, default="")  # the offer's text, as extracted
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    score_details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(16), default=InboxStatus.PENDING, index=True)
    # Why it was rejected: a catalogue message and its values (a red flag, or the user's words).
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    reason_params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    job_offer_id: Mapped[str | None] = mapped_column(
        ForeignKey("job_offer.id", ondelete="SET NULL"), nullable=True
    )
