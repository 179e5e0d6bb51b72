"""Hand a coach reply to the worker: a task of the ``coach_reply`` kind, its job queued."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models.coach import CoachConversation
from app.db.models.status import TaskStatus
from app.domain.coach.lifecycle import (
    REPLY_JOB,
    REPLY_TASK_TYPE,
    announce,
    end_reply,
    job_id,
)
from app.domain.coach.wording import REPLY_FAILED
from app.job_names import enqueue
from app.lib.dependencies import TaskQueue
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.settings.llm_endpoint import refuse_when_spent
from app.tasks.lifecycle import create_task, reserve, save_and_publish

log = logging.getLogger(__name__)

QUEUE_DOWN = N_("The job queue is unavailable; try again in a moment.")


async def ask_coach(
    session: AsyncSession, queue: TaskQueue, settings: Settings, conversation: CoachConversation
) -> None:
    """Commit the conversation with a new reply task, then queue its job. Refused before any
    write (the caller rolls back) when the user's AI budget of today is spent or a reply of
    another conversation holds the slot (429)."""
    await refuse_when_spent(session, settings, queue.redis, conversation.user_id)
    label = conversation.experience_label or "STAR"
    task = await create_task(
        session,
        conversation.user_id,
        REPLY_TASK_TYPE,
        f"Coach — {label}",
        cap=settings.background_tasks_per_user,
        progress={"step": "queued", "percent": 0, "conversationId": conversation.id},
    )
    task.job_id = job_id(task.id)
    await reserve(session, task, {"conversationId": conversation.id, "taskId": task.id})
    conversation.reply_task_id = task.id
    conversation.error = None
    await session.commit()  # the job reads its task and conversation: both exist first
    try:
        await enqueue(queue.arq, REPLY_JOB, conversation.id, task.id, _job_id=task.job_id)
    except Exception as exc:
        log.exception("Could not enqueue the coach's reply for %s", conversation.id)
        await end_reply(session, task, conversation, status=TaskStatus.FAILED, message=REPLY_FAILED)
        await save_and_publish(session, queue.redis, task)
        await announce(queue.redis, conversation)
        raise InputError(QUEUE_DOWN, code="queue_unavailable", http_status=503) from exc
    await save_and_publish(session, queue.redis, task)
    await announce(queue.redis, conversation)
