"""What the coach's pages and API show of a conversation: its messages in the reader's
language (a code's words, or the text the model wrote), the steps, the proposal's refusals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from redis.asyncio import Redis

from app.db.models.coach import CoachConversation, CoachStatus
from app.domain.achievements.schemas import STORY_LABELS
from app.domain.coach import phases
from app.domain.coach.lifecycle import partial_key
from app.domain.coach.wording import (
    CODES,
    EXAMPLES,
    MOMENT,
    MOMENT_EXAMPLE,
    PRACTICE,
    PRACTICE_CODE,
    QUANTIFY_HINT,
    QUESTIONS,
    REFUSALS,
)
from app.domain.interview.view import question_text
from app.lib.i18n import N_, gettext, gettext_in

STEP_LABELS = {
    "experience": N_("Experience"),
    "situation": N_("Situation"),
    "task": N_("Task"),
    "action": N_("Action"),
    "result": N_("Result"),
    "review": N_("Review"),
}
STATUS_LABELS = {
    CoachStatus.ACTIVE: N_("In progress"),
    CoachStatus.COMPLETED: N_("Added to the bank"),
    CoachStatus.ABANDONED: N_("Abandoned"),
}
FIELD_LABELS = STORY_LABELS  # the proposal is an achievement's story


@dataclass(frozen=True, slots=True)
class Said:
    role: str  # "user" | "coach"
    text: str  # in the reader's language when the code wrote it
    phase: str
    code: str = ""


@dataclass(frozen=True, slots=True)
class Refusal:
    field: str
    text: str
    reason: str  # the reader's words


@dataclass
class Thread:
    conversation: CoachConversation
    messages: list[Said]
    writing: bool
    partial: str
    steps: list[tuple[str, str, str]]  # (phase, label, "done" | "current" | "todo")
    refused: list[Refusal] = field(default_factory=list)


def message_text(message: dict[str, Any], language: str = "") -> str:
    """A message as shown: a code's words in the coach's ``language`` (the one the user chose
    for it, not the page's), else the text the model wrote."""
    code = str(message.get("code") or "")
    if code == PRACTICE_CODE:
        asked = message.get("question") or {}
        question = question_text(str(asked.get("code")), dict(asked.get("params") or {}), language)
        return gettext_in(language, PRACTICE, question=question)
    if code in CODES:
        return gettext_in(language, CODES[code])
    return str(message.get("text") or "")


def refusals(conversation: CoachConversation) -> list[Refusal]:
    out = []
    for item in conversation.refused or []:
        template = REFUSALS.get(str(item.get("reason")), REFUSALS["unsupported"])
        reason = gettext(template) % {"terms": item.get("terms") or ""}
        out.append(Refusal(str(item.get("field")), str(item.get("text")), reason))
    return out


def steps(conversation: CoachConversation) -> list[tuple[str, str, str]]:
    current = phases.PHASES.index(conversation.phase) if conversation.phase in phases.PHASES else 0
    done = conversation.status == CoachStatus.COMPLETED
    return [
        (
            phase,
            gettext(STEP_LABELS[phase]),
            "done" if done or i < current else ("current" if i == current else "todo"),
        )
        for i, phase in enumerate(phases.PHASES)
    ]


async def partial_text(redis: Redis, conversation: CoachConversation) -> str:
    """The reply being written so far (empty when none is, or Redis lost it)."""
    if conversation.reply_task_id is None:
        return ""
    try:
        raw = await redis.get(partial_key(conversation.id))
    except Exception:  # the page still shows the conversation; the stream brings the rest
        return ""
    if raw is None:
        return ""
    return raw.decode() if isinstance(raw, bytes) else str(raw)


async def thread(redis: Redis, conversation: CoachConversation) -> Thread:
    said = [
        Said(
            str(m.get("role")),
            message_text(m, conversation.language),
            str(m.get("phase") or ""),
            str(m.get("code") or ""),
        )
        for m in conversation.messages or []
    ]
    return Thread(
        conversation=conversation,
        messages=said,
        writing=conversation.reply_task_id is not None,
        partial=await partial_text(redis, conversation),
        steps=steps(conversation),
        refused=refusals(conversation),
    )


@dataclass(frozen=True, slots=True)
class Guide:
    """The guided form's step: its question, an example and, for figures, the hint."""

    question: str
    example: str
    hint: str


def guide(phase: str, picked: bool = False, language: str = "") -> Guide | None:
    """``picked``: the experience was chosen at the start, so its step asks for its moment;
    ``language``: the coach's (the questions speak it, whatever the page's language)."""
    if phase not in QUESTIONS:
        return None

    def said(message: str) -> str:
        return gettext_in(language, message)

    if picked and phase == "experience":
        return Guide(said(MOMENT), said(MOMENT_EXAMPLE), "")
    hint = said(QUANTIFY_HINT) if phase in ("situation", "action", "result") else ""
    return Guide(said(QUESTIONS[phase]), said(EXAMPLES[phase]), hint)
