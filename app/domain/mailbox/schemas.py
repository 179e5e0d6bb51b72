"""JSON shapes of the mailbox API: the connection (never its password) and the replies."""

from __future__ import annotations

from litestar.openapi.spec import Schema
from litestar.openapi.spec.enums import OpenAPIType
from msgspec import Struct

from app.db.models import ApplicationStatus, MailReply, MailSecurity
from app.domain.mailbox.account import MailboxView
from app.domain.mailbox.vocabulary import evidence_sentences, kind_label, read_error
from app.lib.html_time import html_datetime
from app.lib.row_out import row_out

_TEXT = Schema(type=OpenAPIType.STRING)
SAVE_BODY = {
    "application/json": Schema(
        type=OpenAPIType.OBJECT,
        required=["host", "username"],
        properties={
            "host": _TEXT,
            "port": Schema(type=OpenAPIType.INTEGER, minimum=1, maximum=65535),
            "security": Schema(type=OpenAPIType.STRING, enum=[str(s) for s in MailSecurity]),
            "username": _TEXT,
            "password": Schema(
                type=OpenAPIType.STRING,
                description="The app password; omit it to keep the stored one. Never returned",
            ),
            "folder": Schema(type=OpenAPIType.STRING, description="INBOX when omitted"),
        },
    )
}
ACCEPT_BODY = {
    "application/json": Schema(
        type=OpenAPIType.OBJECT,
        description="Optional: the status to move the card to instead of the proposed one",
        properties={"status": Schema(type=OpenAPIType.STRING, enum=list(ApplicationStatus))},
    )
}


class MailboxOut(Struct):
    connected: bool
    host: str
    port: int
    security: str
    username: str
    folder: str
    passwordSet: bool
    checkedAt: str | None
    error: str | None  # the last read's failure code
    errorMessage: str
    toReview: int


class ReplyOut(Struct):
    id: str
    applicationId: str | None
    state: str
    kind: str
    kindLabel: str
    sender: str
    subject: str
    quote: str
    receivedAt: str | None
    interviewAt: str | None
    confidence: int
    proposedStatus: str | None
    evidence: list[dict[str, str]]
    reasons: list[str]  # the evidence in the reader's language


def mailbox_out(view: MailboxView) -> MailboxOut:
    return row_out(
        MailboxOut,
        view,
        checkedAt=html_datetime(view.checked_at) or None,
        error=view.error_code,
        errorMessage=read_error(view.error_code),
    )


def reply_out(reply: MailReply) -> ReplyOut:
    return row_out(
        ReplyOut,
        reply,
        kindLabel=kind_label(reply.kind),
        receivedAt=html_datetime(reply.received_at) or None,
        interviewAt=html_datetime(reply.interview_at) or None,
        proposedStatus=reply.target_status,
        evidence=list(reply.evidence or []),
        reasons=evidence_sentences(list(reply.evidence or [])),
    )
