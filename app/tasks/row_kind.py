"""A task kind whose work is one row of its feature (a cover letter, a pitch), declared in one
statement, and the steps of such a task its feature's requests share: its task created and
charged beside the row, its job queued, its end before the row is deleted.

Such kinds cancel, recover and link alike: the row is found from the task's input and ended
through its ``TaskRow`` (app/tasks/task_rows.py: claim first, the row marked, refund once, the
slot freed); they differ only in the row, the words each end stores on it, the refund reasons
and the page a finished task links to — what ``RowEnds`` and ``row_kind``'s arguments say.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app import job_names
from app.db.models import BackgroundTask
from app.db.models.status import OPEN, TaskStatus
from app.job_names import Job
from app.lib.dependencies import TaskQueue
from app.lib.events import Publisher
from app.lib.input_errors import InputError
from app.lib.refund_reasons import RefundReason
from app.tasks.lifecycle import create_task, reserve, save_and_publish
from app.tasks.registry import Ended, LostInput, Price, Recovery, TaskKind
from app.tasks.task_rows import TaskRow

log = logging.getLogger(__name__)

# Tell the row's user's tabs it changed (after the commit).
Announce = Callable[[Publisher, Any], Awaitable[None]]
# The event a row's end sends its user's tabs: (row id, the row's new status) -> (name, payload).
RowEvent = Callable[[str, str], tuple[str, dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class RowEnds:
    """What each end of such a task stores on its row (N_ ids) and gives back."""

    cancelled: str  # its user cancelled it
    input_gone: str  # its row or its input was deleted before it could run
    refund_cancelled: RefundReason
    refund_lost: RefundReason
    # Recovered too often (app/tasks/recovery.py): failed with the kernel's message, refunded
    # with this reason. None: ``fail_lost`` ends it, with the kernel's reason on the task.
    refund_given_up: RefundReason | None = None


def row_kind(
    row: TaskRow[Any],
    ends: RowEnds,
    *,
    type: str,
    label: str,
    slot: str | None,
    price: Price,
    job: Job,
    page: str,
    open_words: str,
    title_prefix: str,
    ready: Callable[[Any], bool],
    event: RowEvent | None = None,
    open_cap: int | None = None,
) -> TaskKind:
    """The kind of ``type``: ``page`` (with ``{id}``) and ``open_words`` (an N_ id) link a task
    not cancelled to its row; ``ready(row)`` says whether a lost job may run again."""

    def ended(task: BackgroundTask, status: TaskStatus) -> Ended:
        row_id = row.row_id_of(task)
        if event is None or not row_id:
            return Ended()
        return Ended(events=(event(row_id, row.ended[status]),))

    async def end(
        session: AsyncSession,
        task: BackgroundTask,
        status: TaskStatus,
        message: str,
        refund: RefundReason,
    ) -> Ended | None:
        found = await row.row_of(session, task)
        if not await row.end(
            session, task, found, status=status, message=message, refund_reason=refund
        ):
            return None
        return ended(task, status)

    def link(task: BackgroundTask) -> tuple[str, str] | None:
        """The row's page, unless it was cancelled (the row may be gone with it)."""
        if task.status == TaskStatus.CANCELLED:
            return None
        row_id = row.row_id_of(task)
        return (page.format(id=row_id), open_words) if row_id else None

    async def cancel(session: AsyncSession, task: BackgroundTask) -> Ended | None:
        """Cancelled for good: the row shows it, a paid task is refunded once, the slot freed."""
        return await end(session, task, TaskStatus.CANCELLED, ends.cancelled, ends.refund_cancelled)

    async def find_input(session: AsyncSession, task: BackgroundTask) -> LostInput:
        found = await row.row_of(session, task)
        present = found is not None and ready(found)
        return LostInput(job_args=(row.row_id_of(task), task.id) if present else None)

    async def fail_lost(session: AsyncSession, task: BackgroundTask) -> Ended | None:
        """Its row or its input is gone: failed with the reason, refunded, the slot freed."""
        return await end(session, task, TaskStatus.FAILED, ends.input_gone, ends.refund_lost)

    async def give_up(session: AsyncSession, task: BackgroundTask, message: str) -> Ended | None:
        assert ends.refund_given_up is not None  # only registered with one
        return await end(session, task, TaskStatus.FAILED, message, ends.refund_given_up)

    recovery = Recovery(
        job=job,
        find_input=find_input,
        fail_lost=fail_lost,
        give_up=give_up if ends.refund_given_up is not None else None,
    )
    return TaskKind(
        type=type,
        label=label,
        slot=slot,
        price=price,
        cancel=cancel,
        recovery=recovery,
        link=link,
        title_prefix=title_prefix,
        open_cap=open_cap,
    )


async def open_row_task(
    session: AsyncSession,
    row: TaskRow[Any],
    found: Any,
    task_type: str,
    title: str,
    *,
    cap: int,
    device_id: str | None,
    charged: bool = True,
    subject: str = "",
) -> BackgroundTask:
    """The task of the flushed row ``found``, queued, its job id set and linked to the row;
    ``charged``: its slot then its price taken (429 / too few credits: the caller rolls back);
    ``subject``: what the run is for (an offer's name), kept on its ledger entry."""
    task = await create_task(
        session,
        found.user_id,
        task_type,
        title,
        cap=cap,
        device_id=device_id,
        progress={"step": "queued", "percent": 0, row.input_key: found.id},
    )
    task.job_id = row.job_id(task.id)
    found.background_task_id = task.id
    if charged:
        named = {"subject": subject} if subject else {}
        await reserve(session, task, {row.input_key: found.id, "taskId": task.id, **named})
    return task


async def enqueue_row(
    session: AsyncSession,
    queue: TaskQueue,
    row: TaskRow[Any],
    found: Any,
    task: BackgroundTask,
    job: Job,
    *,
    queue_down: str,
    refund: RefundReason,
    announce: Announce | None = None,
) -> None:
    """Queue the row's job under its task's job id; if Redis refuses, the row ends failed with
    ``queue_down`` (refunded, its slot freed) and the request says why (503). Either way the
    user's tabs are told."""
    try:
        await job_names.enqueue(queue.arq, job, found.id, task.id, _job_id=task.job_id)
    except Exception as exc:
        log.exception("Could not enqueue %s %s", task.type, found.id)
        await row.end(
            session, task, found, status=TaskStatus.FAILED, message=queue_down, refund_reason=refund
        )
        await save_and_publish(session, queue.redis, task)
        if announce is not None:
            await announce(queue.redis, found)
        raise InputError(queue_down, code="queue_unavailable", http_status=503) from exc
    await save_and_publish(session, queue.redis, task)  # tells other tabs the task exists
    if announce is not None:
        await announce(queue.redis, found)


async def end_before_delete(
    session: AsyncSession,
    row: TaskRow[Any],
    task_id: str | None,
    *,
    message: str,
    refund: RefundReason,
) -> BackgroundTask | None:
    """Before its row is deleted: its task cancelled if still open (refunded once); that task,
    or None when there was none to end (its job then needs no abort)."""
    task = await session.get(BackgroundTask, task_id) if task_id else None
    if task is None or task.status not in OPEN:
        return None
    ended = await row.end(
        session, task, None, status=TaskStatus.CANCELLED, message=message, refund_reason=refund
    )
    return task if ended else None
