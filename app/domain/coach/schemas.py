"""JSON shapes of the STAR coach's API (camelCase, like the other features' APIs)."""

from __future__ import annotations

from typing import Any

from litestar.openapi.spec import OpenAPIType, Schema
from msgspec import Struct

from app.domain.coach.phases import MAX_MESSAGE_CHARS
from app.domain.coach.view import Thread
from app.lib.row_out import row_out


class ConversationIn(Struct, forbid_unknown_fields=True):
    """``POST /api/coach/conversations``: the experience of one of your source CVs to talk
    about (both ids, or neither), and the coach's language."""

    cvFileId: str | None = None
    experienceId: str | None = None
    language: str | None = None  # "en" | "fr"; none: your account's language


class MessageIn(Struct, forbid_unknown_fields=True):
    text: str


class AcceptIn(Struct, forbid_unknown_fields=True):
    """The proposal as you checked and edited it; it becomes a complete achievement."""

    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    skills: list[str] = []


def _text(**limits: Any) -> Schema:
    return Schema(type=OpenAPIType.STRING, **limits)


# The bodies the handlers read by hand, after the conversation is found to be the caller's.
MESSAGE_BODY = {
    "application/json": Schema(
        type=OpenAPIType.OBJECT,
        description="Your answer to the current phase.",
        required=["text"],
        additional_properties=False,
        properties={"text": _text(min_length=1, max_length=MAX_MESSAGE_CHARS)},
    )
}
ACCEPT_BODY = {
    "application/json": Schema(
        type=OpenAPIType.OBJECT,
        description="The proposed achievement as you checked and edited it.",
        required=["title"],
        additional_properties=False,
        properties={
            "title": _text(min_length=1),
            **{name: _text() for name in ("situation", "task", "action", "result")},
            "skills": Schema(type=OpenAPIType.ARRAY, items=_text()),
        },
    )
}


class MessageOut(Struct):
    role: str  # "user" | "coach"
    text: str  # a coach message the app wrote is in the reader's language
    phase: str
    code: str  # the app's message code ("ask.situation"…), "" for what the model wrote


class RefusalOut(Struct):
    field: str
    text: str
    reason: str


class ConversationOut(Struct):
    id: str
    status: str  # "active" | "completed" | "abandoned"
    phase: str  # "experience" | "situation" | "task" | "action" | "result" | "review"
    engine: str  # "llm" | "offline" (the guided form)
    language: str
    cvFileId: str | None
    experienceId: str | None
    experienceLabel: str
    messages: list[MessageOut]
    writing: bool  # the coach's reply is being written (``coach:delta`` events carry it)
    partial: str  # what it has written so far
    replyTaskId: str | None
    error: str | None
    proposal: dict[str, Any] | None
    refused: list[RefusalOut]
    achievementId: str | None
    createdAt: str
    updatedAt: str


class Accepted(Struct):
    achievementId: str
    conversation: ConversationOut


def conversation_out(thread: Thread, error: str | None) -> ConversationOut:
    c = thread.conversation
    return row_out(
        ConversationOut,
        c,
        messages=[MessageOut(m.role, m.text, m.phase, m.code) for m in thread.messages],
        writing=thread.writing,
        partial=thread.partial,
        error=error,
        proposal=dict(c.proposal) if c.proposal else None,
        refused=[RefusalOut(r.field, r.text, r.reason) for r in thread.refused],
    )
