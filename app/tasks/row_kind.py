"""A task kind whose work is one row of its feature (a cover letter, a pitch), declared in one
statement.

Such kinds cancel, recover and link alike: the row is found from the task's input and ended
through its ``TaskRow`` (app/tasks/task_rows.py: claim first, the row marked, refund once, the
slot freed); they differ only in the row, the words each end stores on it, the refund reasons
and the page a finished task links to — what ``RowEnds`` and ``row_kind``'s arguments say.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.status import TaskStatus
from app.job_names import Job
from app.lib.refund_reasons import RefundReason
from app.tasks.registry import Ended, LostInput, Price, Recovery, TaskKind
from app.tasks.task_rows import TaskRow

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
