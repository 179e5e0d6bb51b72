"""The STAR coach's conversations: every look-up and change scoped to the user.

The phase is decided here, by code (phases.py): the user's message moves the conversation on
only when it answers the phase. With the LLM engine each message is answered by the worker
(replying.py); with the offline engine the guided form's next question is written at once, and
its review proposes the user's own answers as the achievement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CvFile
from app.db.models.base import now_ms
from app.db.models.coach import CoachConversation, CoachStatus
from app.domain.achievements import services as achievements
from app.domain.coach import phases
from app.domain.coach.lifecycle import announce
from app.domain.coach.replying import ask_coach
from app.domain.coach.wording import PRACTICE_CODE, question_code
from app.lib.achievement_lines import title_of_result
from app.lib.cv_content import CvContent
from app.lib.dependencies import TaskQueue
from app.lib.errors import Conflict, NotFound
from app.lib.i18n import N_, current_locale
from app.lib.input_errors import InputError
from app.lib.owned_rows import OwnedList
from app.lib.parsing.fields.languages import detect_language
from app.settings.llm_endpoint import engine_status

NOT_FOUND = N_("Conversation not found.")
EMPTY = N_("Write your answer first.")
TOO_LONG = N_("Your message is too long (at most %(limit)s characters).")
WRITING = N_("The coach is still writing its reply: wait for it before sending another message.")
NOT_ACTIVE = N_("This conversation is over: start a new one or resume it.")
NOT_IN_REVIEW = N_("The achievement is proposed once every phase is answered.")
LANGUAGES = ("en", "fr")
MAX_TITLE_WORDS = 12
MAX_TITLE_CHARS = 200


@dataclass(frozen=True, slots=True)
class ExperienceChoice:
    cv_file_id: str
    experience_id: str
    label: str  # "Title — Company"
    cv_name: str


def _label(title: str, company: str) -> str:
    return " — ".join(p for p in (title.strip(), company.strip()) if p)


async def experience_choices(session: AsyncSession, user_id: str) -> list[ExperienceChoice]:
    """The experiences of the user's source CVs (newest first), to pick one from (a tailored
    CV's experiences are its source's)."""
    cvs = await session.scalars(
        select(CvFile)
        .where(CvFile.user_id == user_id, CvFile.kind == "source")
        .order_by(CvFile.created_at.desc())
    )
    out: list[ExperienceChoice] = []
    for cv in cvs:
        content = CvContent.from_json(cv.content or {})
        for exp in content.experience:
            label = _label(exp.title, exp.company)
            if label:
                out.append(ExperienceChoice(cv.id, exp.id, label, cv.filename or cv.id[:8]))
    return out


async def get(session: AsyncSession, user_id: str, conversation_id: str) -> CoachConversation:
    conversation = await session.get(CoachConversation, conversation_id)
    if conversation is None or conversation.user_id != user_id:
        raise NotFound(NOT_FOUND, code="coach.not_found")
    return conversation


# The user's conversations, the latest changed first.
LISTED = OwnedList(CoachConversation, CoachConversation.updated_at.desc())
list_for_user = LISTED.all
conversations_page = LISTED.page


def _coach_says(conversation: CoachConversation, code: str) -> None:
    message = {"role": "coach", "code": code, "phase": conversation.phase, "at": now_ms()}
    conversation.messages = [*conversation.messages, message]


async def _link(
    session: AsyncSession, user_id: str, cv_file_id: str | None, experience_id: str | None
) -> str:
    """The picked experience's label: both ids or neither, an experience of one of the user's
    source CVs (the bank's own rule: achievements.check_link)."""
    if not cv_file_id and not experience_id:
        return ""
    linked = await achievements.check_link(session, user_id, cv_file_id or "", experience_id or "")
    assert linked is not None
    exp = linked.experience
    return _label(exp.title, exp.company) or exp.id


def coach_language(chosen: str | None, account: str | None) -> str:
    """The language the coach speaks, in every question and prompt: the one the user picked
    for this conversation, else their account's, else the page's (never a default that is
    neither)."""
    for language in (chosen, account, current_locale.get()):
        if language in LANGUAGES:
            return str(language)
    return "en"


async def start(
    session: AsyncSession,
    queue: TaskQueue,
    settings: Settings,
    user_id: str,
    *,
    cv_file_id: str | None,
    experience_id: str | None,
    language: str | None,
    account_language: str | None = None,
    practice: dict[str, Any] | None = None,
) -> CoachConversation:
    """A new conversation; its first question is the coach's (the worker's, or the form's).
    ``language``: the one picked for it (``coach_language``: else ``account_language``).
    ``practice``: an interview question to prepare (``{"code", "params"}``, app/domain/
    interview/), which the coach says first, as a code with its parameters."""
    label = await _link(session, user_id, cv_file_id, experience_id)
    engine = (await engine_status(session, settings)).mode
    conversation = CoachConversation(
        user_id=user_id,
        cv_file_id=cv_file_id or None,
        experience_id=experience_id or None,
        experience_label=label[:300],
        language=coach_language(language, account_language),
        engine=engine,
        messages=[],
        answers={},
        refused=[],
    )
    if practice is not None:
        opening = {
            "role": "coach",
            "code": PRACTICE_CODE,
            "question": {"code": str(practice["code"]), "params": dict(practice["params"])},
            "phase": conversation.phase,
            "at": now_ms(),
        }
        conversation.messages = [opening]
    session.add(conversation)
    await session.flush()
    if engine == "offline":
        _coach_says(
            conversation, question_code("experience", picked=experience_picked(conversation))
        )
        await session.commit()
        await announce(queue.redis, conversation)
    else:
        await ask_coach(session, queue, settings, conversation)
    return conversation


def experience_picked(conversation: CoachConversation) -> bool:
    """The experience was chosen at the start (its label is kept should its CV go): the coach
    never asks which one again."""
    return bool(conversation.experience_id)


def _require_active(conversation: CoachConversation) -> None:
    if conversation.status != CoachStatus.ACTIVE:
        raise Conflict(NOT_ACTIVE, code="coach.not_active")
    if conversation.reply_task_id is not None:
        raise Conflict(WRITING, code="coach.writing")


def proposed_title(conversation: CoachConversation, result: str) -> str:
    """The title an achievement is proposed with: its result in a few words ("Incidents
    −30 %"), else the moment the user named, else the experience's label (the job's name
    names where, not what was achieved: the last resort)."""
    answers = conversation.answers or {}
    moment = str(answers.get("experience") or "").split("\n")[0].split(". ")[0]
    title = (
        title_of_result(result)
        or " ".join(moment.split()[:MAX_TITLE_WORDS])
        or conversation.experience_label
    )
    return title.strip(" .")[:MAX_TITLE_CHARS]


def offline_proposal(conversation: CoachConversation) -> dict[str, Any]:
    """The guided form's achievement: the user's own answers, as they wrote them."""
    answers = conversation.answers or {}
    return {
        "title": proposed_title(conversation, str(answers.get("result") or "")),
        "situation": str(answers.get("situation") or ""),
        "task": str(answers.get("task") or ""),
        "action": str(answers.get("action") or ""),
        "result": str(answers.get("result") or ""),
        "skills": [],
    }


async def post_message(
    session: AsyncSession,
    queue: TaskQueue,
    settings: Settings,
    conversation: CoachConversation,
    text: str,
) -> CoachConversation:
    """The user's message: recorded with the phase it answers; the phase moves on when it is
    answered; then the coach's next words (the worker's reply, or the form's question)."""
    _require_active(conversation)
    text = text.strip()
    if not text:
        raise InputError(EMPTY, code="coach.empty", where="text")
    if len(text) > phases.MAX_MESSAGE_CHARS:
        raise InputError(
            TOO_LONG, code="coach.too_long", where="text", limit=phases.MAX_MESSAGE_CHARS
        )
    if conversation.phase == phases.REVIEW:
        raise Conflict(NOT_IN_REVIEW, code="coach.in_review")
    step = phases.answer(conversation.phase, text, conversation.answers or {})
    said = {
        "role": "user",
        "text": text,
        "phase": conversation.phase,
        "accepted": step.accepted,
        "nudge": step.nudge,
        "at": now_ms(),
    }
    conversation.messages = [*conversation.messages, said]
    conversation.answers = phases.record(conversation.answers or {}, conversation.phase, text, step)
    conversation.phase = step.phase
    conversation.error = None
    if conversation.engine == "offline":
        if step.phase == phases.REVIEW:
            conversation.proposal = offline_proposal(conversation)
            _coach_says(conversation, "review")
        else:
            _coach_says(
                conversation, question_code(step.phase, step.nudge, experience_picked(conversation))
            )
        await session.commit()
        await announce(queue.redis, conversation)
    else:
        await ask_coach(session, queue, settings, conversation)
    return conversation


async def ask_again(
    session: AsyncSession, queue: TaskQueue, settings: Settings, conversation: CoachConversation
) -> CoachConversation:
    """After a failed or cancelled reply: the same question asked of the coach again."""
    _require_active(conversation)
    if conversation.engine == "offline" or conversation.error is None:
        raise Conflict(WRITING, code="coach.nothing_to_retry")
    await ask_coach(session, queue, settings, conversation)
    return conversation


async def set_status(
    session: AsyncSession, queue: TaskQueue, conversation: CoachConversation, status: CoachStatus
) -> None:
    """Abandon an active conversation, or resume an abandoned one (a completed one stays)."""
    if conversation.status == CoachStatus.COMPLETED:
        raise Conflict(NOT_ACTIVE, code="coach.not_active")
    conversation.status = status
    await session.commit()
    await announce(queue.redis, conversation)


def story_language(fields: dict[str, Any], default: str) -> str:
    """The language the achievement is written in, which tailoring compares with the CV's
    (jobs/pipeline/bank.py): the user may answer a coach that speaks the other language."""
    story = " ".join(str(fields.get(k) or "") for k in ("situation", "task", "action", "result"))
    found = detect_language(story)
    return found if found in LANGUAGES else default


async def accept(
    session: AsyncSession,
    queue: TaskQueue,
    conversation: CoachConversation,
    fields: dict[str, Any],
) -> str:
    """The proposal, as the user checked and edited it, becomes an achievement of the bank
    (complete, linked to the conversation's experience); returns its id. Nothing is created
    without this call."""
    if conversation.status != CoachStatus.ACTIVE:
        raise Conflict(NOT_ACTIVE, code="coach.not_active")
    if conversation.phase != phases.REVIEW or not conversation.proposal:
        raise Conflict(NOT_IN_REVIEW, code="coach.not_in_review")
    data = achievements.parse_input(
        title=str(fields.get("title") or ""),
        situation=str(fields.get("situation") or ""),
        task=str(fields.get("task") or ""),
        action=str(fields.get("action") or ""),
        result=str(fields.get("result") or ""),
        skills=fields.get("skills") or [],
        status="complete",
        language=story_language(fields, conversation.language),
        cv_file_id=conversation.cv_file_id if conversation.experience_id else None,
        experience_id=conversation.experience_id if conversation.cv_file_id else None,
    )
    achievement = await achievements.create(session, conversation.user_id, data)
    conversation.achievement_id = achievement.id
    conversation.status = CoachStatus.COMPLETED
    await session.commit()
    await announce(queue.redis, conversation)
    return str(achievement.id)
