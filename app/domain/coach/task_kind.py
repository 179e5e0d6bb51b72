"""A coach reply as a task kind (app/tasks/registry.py): its own slot (one reply written at a
time per user), free (the daily token budget limits it), its cancel and its recovery when the
worker's queue lost its job.

Not a row task (app/tasks/row_kind.py) nor an input-row kind (app/tasks/input_row_kind.py): its
conversation has no status of its end (``end_reply`` frees it for the next message instead), its
event carries the conversation's phase, and a cancelled reply still links to the conversation."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.status import TaskStatus
from app.domain.coach.lifecycle import (
    REPLY_JOB,
    REPLY_SLOT,
    REPLY_TASK_TYPE,
    conversation_id_of,
    conversation_of,
    end_reply,
    event_of,
)
from app.domain.coach.wording import INPUT_GONE, REPLY_CANCELLED
from app.lib.i18n import N_
from app.tasks.registry import Ended, LostInput, Recovery, TaskKind


def link(task: BackgroundTask) -> tuple[str, str] | None:
    conversation_id = conversation_id_of(task)
    return (f"/coach/{conversation_id}", N_("Open the conversation")) if conversation_id else None


async def _end(
    session: AsyncSession, task: BackgroundTask, status: TaskStatus, message: str
) -> Ended | None:
    conversation = await conversation_of(session, task)
    if not await end_reply(session, task, conversation, status=status, message=message):
        return None
    return Ended(events=(event_of(conversation),) if conversation is not None else ())


async def cancel(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    """Cancelled for good: the conversation waits for the user's next message again."""
    return await _end(session, task, TaskStatus.CANCELLED, REPLY_CANCELLED)


async def find_input(session: AsyncSession, task: BackgroundTask) -> LostInput:
    conversation = await conversation_of(session, task)
    present = conversation is not None and conversation.reply_task_id == task.id
    return LostInput(job_args=(conversation_id_of(task), task.id) if present else None)


async def fail_lost(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    return await _end(session, task, TaskStatus.FAILED, INPUT_GONE)


async def give_up(session: AsyncSession, task: BackgroundTask, message: str) -> Ended | None:
    """Recovered too often (app/tasks/recovery.py): the conversation shows the kernel's reason."""
    return await _end(session, task, TaskStatus.FAILED, message)


KIND = TaskKind(
    type=REPLY_TASK_TYPE,
    label=N_("Coach reply"),
    slot=REPLY_SLOT,
    price=None,
    cancel=cancel,
    recovery=Recovery(job=REPLY_JOB, find_input=find_input, fail_lost=fail_lost, give_up=give_up),
    link=link,
    title_prefix="Coach — ",
)
