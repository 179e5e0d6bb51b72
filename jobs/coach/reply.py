"""arq job of the STAR coach: ``coach_reply`` writes the coach's next message, or at the
review the proposed achievement, for one conversation.

Built on jobs/task_job.py like the cover letter (jobs/cover_letters.py): every write first
claims the task, a transient LLM failure is retried, anything else ends the task failed and
the conversation says so (the user sends again). A reply is streamed: each piece of text is
published as ``coach:delta`` as it arrives and kept in Redis (``partial_key``) for a page
opened mid-reply; the whole message is saved once it is written. The phase was decided by the
web request that queued the job (app/domain/coach/phases.py), never by the model.
"""

from __future__ import annotations

import logging
from typing import Any

from arq.worker import func

from app.db.models.base import now_ms
from app.db.models.coach import CoachConversation, CoachStatus
from app.db.models.status import TaskStatus
from app.domain.coach.lifecycle import (
    PARTIAL_TTL_SECONDS,
    REPLY_JOB,
    announce,
    end_reply,
    partial_key,
)
from app.domain.coach.phases import REVIEW
from app.domain.coach.services import experience_picked, offline_proposal
from app.domain.coach.wording import INPUT_GONE, REPLY_FAILED, question_code
from app.events import COACH_DELTA, coach_delta
from app.lib.events import publish_event
from app.lib.llm import LLMEndpoint, LLMError
from app.lib.llm.errors import TRANSIENT_LLM_ERRORS, TransientFailure
from app.lib.llm.streaming import chat_stream
from app.settings.llm_endpoint import llm_endpoint, model_for_phase
from app.tasks.lifecycle import save_and_publish
from app.tasks.slots import release_slot
from jobs.coach.prompting import reply_messages
from jobs.coach.proposal import propose
from jobs.coach.reply_guard import guarded_reply
from jobs.coach.truth import user_words
from jobs.task_job import TaskRun, publish_failure, run_task

log = logging.getLogger(__name__)
MODEL_PHASE = "star_coach"  # the admin's model setting: model_star_coach
MAX_REPLY_TOKENS = 400  # 2 to 4 sentences, with room for a verbose model


async def coach_reply(ctx: dict[str, Any], conversation_id: str, task_id: str) -> dict[str, Any]:
    return await run_task(ReplyRun, ctx, conversation_id, task_id)


class ReplyRun(TaskRun):
    name = "Coach reply"
    key = "conversationId"
    found: CoachConversation | None = None  # ended with the task when it waits for another reply
    conversation: CoachConversation

    @property
    def row(self) -> CoachConversation:
        return self.conversation

    async def load(self) -> bool:
        conversation = self.found = await self.db.get(CoachConversation, self.row_id)
        if conversation is None or conversation.reply_task_id != self.task.id:
            return False
        self.conversation = conversation
        return True

    async def end_gone(self) -> None:
        ended = await end_reply(
            self.db, self.task, self.found, status=TaskStatus.FAILED, message=INPUT_GONE
        )
        if ended:
            await save_and_publish(self.db, self.redis, self.task)

    async def work(self) -> dict[str, Any]:
        db, redis, conversation = self.db, self.redis, self.conversation
        key = partial_key(conversation.id)
        await redis.delete(key)  # a retried job starts its text again
        await self.step("writing", 10)
        await announce(redis, conversation)  # a page shows the reply's place, empty again
        settings = self.ctx["settings"]
        endpoint = await llm_endpoint(db, settings, user_id=conversation.user_id, redis=redis)
        model = await model_for_phase(db, MODEL_PHASE, endpoint)
        await db.commit()  # no transaction (nor SQLite's write lock) held while the model writes
        message, proposal, refused = await _next_message(redis, endpoint, model, conversation)
        await self.claim()  # a cancel that landed while it was written wins
        message["at"] = now_ms()
        conversation.messages = [*conversation.messages, message]
        if proposal is not None:
            conversation.proposal = proposal
            conversation.refused = refused
        conversation.reply_task_id = None
        conversation.error = None
        await release_slot(db, self.task.id)
        summary = await self.complete(
            {
                "conversationId": conversation.id,
                "phase": conversation.phase,
                "refused": len(refused),
                "active": conversation.status == CoachStatus.ACTIVE,
            }
        )
        await redis.delete(key)
        await announce(redis, conversation)
        return summary

    async def fail(self, failure: dict[str, Any]) -> None:
        ended = await end_reply(
            self.db, self.task, self.conversation, status=TaskStatus.FAILED, message=REPLY_FAILED
        )
        await self.redis.delete(partial_key(self.row_id))
        await publish_failure(self.db, self.redis, self.task, ended)
        await announce(self.redis, self.conversation)


async def _next_message(
    redis: Any, endpoint: LLMEndpoint | None, model: str, conversation: CoachConversation
) -> tuple[dict[str, Any], dict[str, Any] | None, list[dict[str, str]]]:
    """The coach's next message, and at the review the proposed achievement and what the guard
    refused of it; the guided form's words when the LLM was unset since."""
    message: dict[str, Any] = {"role": "coach", "phase": conversation.phase, "at": 0}
    proposal: dict[str, Any] | None = None
    refused: list[dict[str, str]] = []
    try:
        if endpoint is None:  # the LLM was unset since: the guided form's words
            picked = experience_picked(conversation)
            code = (
                "review"
                if conversation.phase == REVIEW
                else question_code(conversation.phase, picked=picked)
            )
            message["code"] = code
        elif conversation.phase == REVIEW:
            proposed = await propose(endpoint, model, conversation)
            proposal, refused = proposed.proposal, proposed.refused
            message["code"] = "review"
        else:
            written = await _stream(redis, endpoint, model, conversation)
            kept = guarded_reply(written, user_words(conversation.messages))
            if kept is None:  # no question left: the step's own, in the reader's language
                message["code"] = question_code(
                    conversation.phase, _last_nudge(conversation), experience_picked(conversation)
                )
            else:
                message["text"] = kept
    except TRANSIENT_LLM_ERRORS as exc:
        raise TransientFailure(str(exc)) from exc
    except LLMError:
        raise  # not worth retrying: the task ends failed (guarded)
    if endpoint is None and conversation.phase == REVIEW:
        proposal = offline_proposal(conversation)
    return message, proposal, refused


def _last_nudge(conversation: CoachConversation) -> str | None:
    """What the person's last answer left to ask again ("short", "figure"), if anything."""
    said = [m for m in conversation.messages if m.get("role") == "user"]
    if not said:
        return None
    return str(said[-1].get("nudge") or "") or None


async def _stream(
    redis: Any, endpoint: LLMEndpoint, model: str, conversation: CoachConversation
) -> str:
    """The reply, published piece by piece as the model writes it."""
    key = partial_key(conversation.id)
    written = 0

    async def on_delta(piece: str) -> None:
        nonlocal written
        await redis.append(key, piece)
        await redis.expire(key, PARTIAL_TTL_SECONDS)
        await publish_event(
            redis, conversation.user_id, COACH_DELTA, coach_delta(conversation.id, piece, written)
        )
        written += len(piece)

    reply = await chat_stream(
        endpoint,
        model=model,
        messages=reply_messages(conversation),
        on_delta=on_delta,
        max_tokens=MAX_REPLY_TOKENS,
    )
    text = (reply.text or "").strip()
    if not text:
        raise LLMError("the coach's reply was empty")
    return text


JOB_FUNCTIONS = [func(coach_reply, name=REPLY_JOB, timeout=300)]
