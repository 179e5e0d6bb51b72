"""A task whose work is one row of its feature (a cover letter, a pitch), declared once as a
``RowTask``: its row, its task type and job, the words and refund reason of each end, and how its
user's tabs are told. From that one declaration follow its task kind (``RowTask.kind``: cancel,
recovery, link), the steps its feature's requests share (``open``: its task created and charged
beside the row; ``enqueue``: its job queued; ``delete``: its task ended before the row is
deleted) and the ends its job reaches (``end_failed``, ``end_gone``: jobs/task_job.py's
``RowRun``).

Every end goes through the row's ``TaskRow`` (app/tasks/task_rows.py): claim first, the row
marked, refund once, the slot freed. Such features differ only in the row, the words each end
stores on it, the refund reasons and the page a finished task links to — what ``RowTask``,
``RowEnds`` and ``RowTask.kind``'s arguments say.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from app import job_names
from app.db.models import BackgroundTask, User
from app.db.models.status import OPEN, TaskStatus
from app.job_names import Job
from app.lib.dependencies import TaskQueue
from app.lib.errors import AppError
from app.lib.events import Publisher
from app.lib.input_errors import InputError
from app.lib.owned_rows import owned
from app.lib.refund_reasons import Refund
from app.tasks.abort import abort_task_jobs
from app.tasks.lifecycle import commit_deletion, create_task, reserve, save_and_publish
from app.tasks.registry import Ended, LostInput, Price, Recovery, TaskKind
from app.tasks.task_rows import EndsWithAStatus, TaskRow

log = logging.getLogger(__name__)

# Tell the row's user's tabs it changed (after the commit).
Announce = Callable[[Publisher, Any], Awaitable[None]]
# The event a row's end sends its user's tabs: (row id, the row's new status) -> (name, payload).
RowEvent = Callable[[str, str], tuple[str, dict[str, Any]]]


class OwnedRow(EndsWithAStatus, Protocol):
    """A user's row a task works on, linked to its latest task."""

    id: str
    user_id: str
    background_task_id: str | None


Row = TypeVar("Row", bound=OwnedRow)


@dataclass(frozen=True, slots=True)
class RowEnds:
    """What each end of such a task stores on its row (N_ ids) and gives back (``NO_REFUND``
    for a free task)."""

    cancelled: str  # its user cancelled it, or deleted its row
    input_gone: str  # its row or its input was deleted before it could run
    failed: str  # its work broke (after the retries of a transient failure)
    queue_down: str  # Redis refused its job
    refund_cancelled: Refund
    refund_lost: Refund
    refund_failed: Refund
    refund_not_queued: Refund
    # Recovered too often (app/tasks/recovery.py): failed with the kernel's message, refunded
    # as a failure (``refund_failed``). False: ``fail_lost`` ends it, with the kernel's reason
    # on the task.
    give_up_as_failed: bool = False


@dataclass(frozen=True, slots=True)
class RowTask(Generic[Row]):
    """One feature's row task: its row, the arq job of its tasks, its ends, and (optional) how
    its user's tabs hear of the row: ``announce`` after a request's or a job's commit,
    ``event`` for a cancel, a lost job's end or a deletion."""

    row: TaskRow[Row]
    job: Job
    ends: RowEnds
    announce: Announce | None = None
    event: RowEvent | None = None

    async def owned(
        self, session: AsyncSession, user: User | str, row_id: str, missing: AppError
    ) -> Row:
        """The user's row ``row_id``, or ``missing`` raised (another user's row answers exactly
        like a missing one)."""
        user_id = user if isinstance(user, str) else user.id
        return await owned(session, self.row.model, user_id, row_id, missing)

    async def end(
        self,
        session: AsyncSession,
        task: BackgroundTask,
        found: Row | None,
        status: TaskStatus,
        message: str,
        refund: Refund,
    ) -> bool:
        """End an open task (its row, if still there, with it); False when it had ended."""
        return await self.row.end(
            session, task, found, status=status, message=message, refund_reason=refund
        )

    async def end_failed(self, session: AsyncSession, task: BackgroundTask, found: Row) -> bool:
        """Its work broke: failed, refunded as a failure, the slot freed."""
        ends = self.ends
        return await self.end(
            session, task, found, TaskStatus.FAILED, ends.failed, ends.refund_failed
        )

    async def end_gone(
        self, session: AsyncSession, task: BackgroundTask, found: Row | None
    ) -> bool:
        """Its row or its input is gone: failed with the reason, refunded, the slot freed."""
        ends = self.ends
        return await self.end(
            session, task, found, TaskStatus.FAILED, ends.input_gone, ends.refund_lost
        )

    async def tell(self, publisher: Publisher, found: Row | None) -> None:
        """Tell the row's user's tabs it changed (after the commit), when the feature does."""
        if self.announce is not None and found is not None:
            await self.announce(publisher, found)

    def kind(
        self,
        *,
        type: str,
        label: str,
        slot: str | None,
        price: Price | None,
        page: str,
        open_words: str,
        title_prefix: str,
        ready: Callable[[Row], bool],
        open_cap: int | None = None,
    ) -> TaskKind:
        """Its task kind, of the ``BackgroundTask.type`` ``type``: ``page`` (with ``{id}``)
        and ``open_words`` (an N_ id) link a task not cancelled to its row; ``ready(row)`` says
        whether a lost job may run again."""
        row, ends, event = self.row, self.ends, self.event

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
            refund: Refund,
        ) -> Ended | None:
            found = await row.row_of(session, task)
            if not await self.end(session, task, found, status, message, refund):
                return None
            return ended(task, status)

        def link(task: BackgroundTask) -> tuple[str, str] | None:
            """The row's page, unless it was cancelled (the row may be gone with it)."""
            if task.status == TaskStatus.CANCELLED:
                return None
            row_id = row.row_id_of(task)
            return (page.format(id=row_id), open_words) if row_id else None

        async def cancel(session: AsyncSession, task: BackgroundTask) -> Ended | None:
            """Cancelled for good: the row shows it, a paid task refunded once, the slot freed."""
            return await end(
                session, task, TaskStatus.CANCELLED, ends.cancelled, ends.refund_cancelled
            )

        async def find_input(session: AsyncSession, task: BackgroundTask) -> LostInput:
            found = await row.row_of(session, task)
            present = found is not None and ready(found)
            return LostInput(job_args=(row.row_id_of(task), task.id) if present else None)

        async def fail_lost(session: AsyncSession, task: BackgroundTask) -> Ended | None:
            """Its row or its input is gone: failed with the reason, refunded, the slot freed."""
            return await end(session, task, TaskStatus.FAILED, ends.input_gone, ends.refund_lost)

        async def give_up(
            session: AsyncSession, task: BackgroundTask, message: str
        ) -> Ended | None:
            return await end(session, task, TaskStatus.FAILED, message, ends.refund_failed)

        recovery = Recovery(
            job=self.job,
            find_input=find_input,
            fail_lost=fail_lost,
            give_up=give_up if ends.give_up_as_failed else None,
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

    async def open(
        self,
        session: AsyncSession,
        found: Row,
        task_type: str,
        title: str,
        *,
        cap: int,
        device_id: str | None,
        charged: bool = True,
        subject: str = "",
    ) -> BackgroundTask:
        """The task of the flushed row ``found``, queued, its job id set and linked to the row;
        ``charged``: its slot then its price taken (429 / too few credits: the caller rolls
        back); ``subject``: what the run is for (an offer's name), kept on its ledger entry."""
        task = await create_task(
            session,
            found.user_id,
            task_type,
            title,
            cap=cap,
            device_id=device_id,
            progress={"step": "queued", "percent": 0, self.row.input_key: found.id},
        )
        task.job_id = self.row.job_id(task.id)
        found.background_task_id = task.id
        if charged:
            named = {"subject": subject} if subject else {}
            await reserve(session, task, {self.row.input_key: found.id, "taskId": task.id, **named})
        return task

    async def enqueue(
        self, session: AsyncSession, queue: TaskQueue, found: Row, task: BackgroundTask
    ) -> None:
        """Queue the row's job under its task's job id; if Redis refuses, the row ends failed
        (refunded, its slot freed) and the request says why (503). Either way the user's tabs
        are told."""
        try:
            await job_names.enqueue(queue.arq, self.job, found.id, task.id, _job_id=task.job_id)
        except Exception as exc:
            log.exception("Could not enqueue %s %s", task.type, found.id)
            message = self.ends.queue_down
            await self.end(
                session, task, found, TaskStatus.FAILED, message, self.ends.refund_not_queued
            )
            await save_and_publish(session, queue.redis, task)
            await self.tell(queue.redis, found)
            raise InputError(message, code="queue_unavailable", http_status=503) from exc
        await save_and_publish(session, queue.redis, task)  # tells other tabs the task exists
        await self.tell(queue.redis, found)

    async def end_before_delete(
        self, session: AsyncSession, task_id: str | None
    ) -> BackgroundTask | None:
        """Before its row is deleted: its task cancelled if still open (refunded once); that
        task, or None when there was none to end (its job then needs no abort)."""
        task = await session.get(BackgroundTask, task_id) if task_id else None
        if task is None or task.status not in OPEN:
            return None
        ends = self.ends
        ended = await self.end(
            session, task, None, TaskStatus.CANCELLED, ends.cancelled, ends.refund_cancelled
        )
        return task if ended else None

    async def delete(self, session: AsyncSession, queue: TaskQueue, found: Row) -> None:
        """Delete the (owned) row ``found``: one still being written is cancelled first
        (refunded once) and its jobs stopped — every one it had, a recovered task's too."""
        task = await self.end_before_delete(session, found.background_task_id)
        row_id, user_id = found.id, found.user_id  # read before the commit detaches the row
        await session.delete(found)
        if self.event is not None:
            deleted = self.event(row_id, "deleted")
            await commit_deletion(session, queue.redis, task, user_id, *deleted)
        else:
            await session.commit()
            if task is not None:
                await save_and_publish(session, queue.redis, task)
        if task is not None:
            await abort_task_jobs(queue.arq, task)
