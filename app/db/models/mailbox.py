"""A user's mailbox read over IMAP, and the employers' replies read from it
(app/domain/mailbox/): each one linked to an application by evidence, classified, and either
moved the card, waits in the board's review list, or was dismissed."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Timestamps, UserOwned, UUIDPrimaryKey


class MailSecurity(StrEnum):
    SSL = "ssl"  # TLS from the first byte (port 993)
    STARTTLS = "starttls"  # upgrade the connection, refused if the server cannot (port 143)
    NONE = "none"  # no TLS: only to a private address the admin allows (a local server)


class ReplyKind(StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    INTERVIEW = "interview"
    REJECTION = "rejection"
    OFFER = "offer"
    OTHER = "other"


class ReplyState(StrEnum):
    MOVED = "moved"  # confident: the card moved (or already stood there)
    REVIEW = "review"  # unsure: waits for the user on the board
    ACCEPTED = "accepted"  # the user accepted it from the review list: the card moved
    DISMISSED = "dismissed"  # the user said no: nothing moved


class MailboxAccount(UUIDPrimaryKey, Timestamps, Base):
    """One per user. The password is stored encrypted only (app/lib/secret_box.py), never shown
    back nor exported."""

    __tablename__ = "mailbox_account"

    user_id: Mapped[str] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), unique=True
    )
    host: Mapped[str] = mapped_column(String(253))
    port: Mapped[int] = mapped_column(Integer, default=993)
    security: Mapped[str] = mapped_column(String(8), default=MailSecurity.SSL)
    username: Mapped[str] = mapped_column(String(320))
    password_encrypted: Mapped[str] = mapped_column(Text, default="")
    folder: Mapped[str] = mapped_column(String(200), default="INBOX")
    # IMAP's pair that names a message for good: a new UIDVALIDITY means the UIDs restarted.
    uid_validity: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    next_check_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True, index=True
    )
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # The last run's failure as a code (app/domain/mailbox/vocabulary.py), None when it worked.
    error_code: Mapped[str | None] = mapped_column(String(32), nullable=True)


class MailReply(UserOwned, UUIDPrimaryKey, Base):
    """One message read from the mailbox that some evidence ties to an application (messages
    with none are not kept). ``evidence`` lists codes with their values, rendered in the
    reader's language."""

    __tablename__ = "mail_reply"
    __table_args__ = (UniqueConstraint("user_id", "message_key"),)

    application_id: Mapped[str | None] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), nullable=True, index=True
    )
    # "<uidvalidity>:<uid>": one row per message however often it is read.
    message_key: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(300), default="")
    sender: Mapped[str] = mapped_column(String(320), default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    quote: Mapped[str] = mapped_column(Text, default="")  # the message's first lines, as text
    received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    kind: Mapped[str] = mapped_column(String(16), default=ReplyKind.OTHER)
    interview_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    confidence: Mapped[int] = mapped_column(Integer, default=0)  # 0-100: the link's evidence
    target_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    state: Mapped[str] = mapped_column(String(12), default=ReplyState.REVIEW, index=True)
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
