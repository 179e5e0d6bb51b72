"""The names and the end of a coach reply's task, shared by its kind (task_kind.py), the web's
requests (services.py) and the worker's job (jobs/coach/reply.py)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.coach import CoachConversation
from app.db.models.status import TaskStatus
from app.events import COACH_UPDATED, coach_updated
from app.job_names import Job
from app.lib.events import Publisher, publish_event
from app.lib.refund_reasons import NO_REFUND  # replies are free: the token budget limits them
from app.tasks.lifecycle import claim, settle

REPLY_TASK_TYPE = "coach_reply"
REPLY_SLOT = "coach_reply"  # one reply written at a time per user
REPLY_JOB = Job.COACH_REPLY


def job_id(task_id: str) -> str:
    return f"coach:{task_id}"


def partial_key(conversation_id: str) -> str:
    """Redis key of the reply being written so far: a page opened mid-reply shows it."""
    return f"cvtailor:coach:partial:{conversation_id}"


PARTIAL_TTL_SECONDS = 600


def conversation_id_of(task: BackgroundTask) -> str:
    return task.input_id("conversationId")


async def conversation_of(session: AsyncSession, task: BackgroundTask) -> CoachConversation | None:
    conversation_id = conversation_id_of(task)
    return await session.get(CoachConversation, conversation_id) if conversation_id else None


async def end_reply(
    session: AsyncSession,
    task: BackgroundTask,
    conversation: CoachConversation | None,
    *,
    status: TaskStatus,
    message: str,
) -> bool:
    """End an open reply task as failed or cancelled in the caller's transaction: the
    conversation waits for the user again and shows ``message``. False, nothing written, when
    the task had already ended."""
    if not await claim(session, task.id):
        return False
    if conversation is not None and conversation.reply_task_id == task.id:
        conversation.reply_task_id = None
        conversation.error = message
    await settle(session, task, status=status, error=message, refund_reason=NO_REFUND)
    return True


def event_of(conversation: CoachConversation) -> tuple[str, dict[str, str]]:
    return COACH_UPDATED, coach_updated(
        conversation.id, conversation.phase, str(conversation.status)
    )


async def announce(publisher: Publisher, conversation: CoachConversation) -> None:
    """Tell the user's tabs the conversation changed (after the commit)."""
    name, payload = event_of(conversation)
    await publish_event(publisher, conversation.user_id, name, dict(payload))
