"""The applications tracker: one application per (user, job offer), its notes, the history of
its status moves, and the frozen copies of the documents sent (app/domain/applications/)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Created, Timestamps, UserOwned, UUIDPrimaryKey, utcnow


class ApplicationStatus(StrEnum):
    """Where an application stands, in the board's column order."""

    TO_APPLY = "to_apply"
    APPLIED = "applied"
    INTERVIEW = "interview"
    OFFER = "offer"
    REJECTED = "rejected"
    HIRED = "hired"


class Application(UserOwned, UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "application"
    __table_args__ = (UniqueConstraint("user_id", "job_offer_id"),)

    job_offer_id: Mapped[str] = mapped_column(
        ForeignKey("job_offer.id", ondelete="CASCADE"), index=True
    )
    # The tailored CV the generation made for this offer (the one to send), when there is one.
    cv_file_id: Mapped[str | None] = mapped_column(
        ForeignKey("cv_file.id", ondelete="SET NULL"), nullable=True, index=True
    )
    status: Mapped[str] = mapped_column(String(16), default=ApplicationStatus.TO_APPLY)
    status_changed_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, server_default=func.now()
    )
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    follow_up_at: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    applied_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The interview an employer's reply announced (app/domain/mailbox/): on the calendar and .ics.
    interview_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(320), default="")
    contact_link: Mapped[str] = mapped_column(String(2048), default="")
    # Optimistic concurrency: every UPDATE checks and bumps it (SQLAlchemy's version counter).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's attribute


class ApplicationNote(UUIDPrimaryKey, Created, Base):
    __tablename__ = "application_note"

    application_id: Mapped[str] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)


class ApplicationStatusChange(UUIDPrimaryKey, Base):
    """One status move: written once per move, in the move's own transaction."""

    __tablename__ = "application_status_change"

    application_id: Mapped[str] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    to_status: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, server_default=func.now()
    )
    device_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # The employer's reply that made this move (app/domain/mailbox/): the history quotes it.
    mail_reply_id: Mapped[str | None] = mapped_column(
        ForeignKey("mail_reply.id", ondelete="SET NULL"), nullable=True
    )


class SentDocument(UUIDPrimaryKey, Base):
    """The frozen copy of a document marked as sent: what a render needs, copied from the CV
    at that moment, so later edits of the CV (or its deletion) never change it."""

    __tablename__ = "application_sent_document"

    application_id: Mapped[str] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16), default="cv")  # "cv"; a letter later
    source_cv_file_id: Mapped[str | None] = mapped_column(
        ForeignKey("cv_file.id", ondelete="SET NULL"), nullable=True
    )
    filename: Mapped[str] = mapped_column(String(255), default="")
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)  # a CvContent's JSON
    design: Mapped[str] = mapped_column(String(32), default="classic")
    locale: Mapped[str] = mapped_column(String(8), default="en")
    page_budget: Mapped[int] = mapped_column(Integer, default=1)
    relevance: Mapped[dict[str, Any] | None] = mapped_column(nullable=True, default=None)
    offer_title: Mapped[str] = mapped_column(String(300), default="")
    offer_company: Mapped[str] = mapped_column(String(300), default="")
    # The account's photo JPEG when the CV showed it: a later new photo, or none, never
    # changes what was sent.
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    # The PDF once rendered from this copy: kept so a changed renderer never changes it either.
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    sent_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, server_default=func.now()
    )
