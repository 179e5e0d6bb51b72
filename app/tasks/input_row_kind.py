"""The kind of a task that works on one row its input names (a CV's import, an offer's
extraction), declared once: how its row is found, the page a finished task links to, the event
its user's tabs get when it ends, and the feature's two ends — cancelled by its user, or failed
because its input is gone — which claim the task, mark the row, refund once and free the slot
(e.g. app/domain/cvs/import_task.py). From those follow the kind's ``cancel``, ``recovery`` and
``link`` (app/tasks/registry.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.status import TaskStatus
from app.job_names import Job
from app.tasks.registry import Ended, LostInput, Price, Recovery, TaskKind

Row = TypeVar("Row")

# End the open task (and its row, if still there) in the caller's transaction; False when it
# had ended already (nothing written).
RowEnd = Callable[[AsyncSession, BackgroundTask, Row | None], Awaitable[bool]]


def input_row_kind(
    *,
    task_type: str,
    label: str,
    slot: str | None,
    price: Price,
    job: Job,
    title_prefix: str,
    model: type[Row],
    input_key: str,
    page: str,
    open_words: str,
    event: str,
    payload: Callable[[str], dict[str, Any]],
    ready: Callable[[Row], bool],
    cancelled: RowEnd[Row],
    input_gone: RowEnd[Row],
    open_cap: int | None = None,
) -> TaskKind:
    """The kind of ``BackgroundTask.type`` ``task_type`` whose row (a ``model``) has its id under
    ``input_key`` in the task's input (or its result): ``page`` (with ``{id}``) and
    ``open_words`` (an N_ id) link a task not cancelled to it; ``event`` with ``payload(id)``
    tells its user's tabs it ended; ``ready(row)`` says whether a lost job may run again."""

    async def row_of(session: AsyncSession, task: BackgroundTask) -> tuple[str, Row | None]:
        row_id = task.input_id(input_key)
        return row_id, await session.get(model, row_id) if row_id else None

    async def end(session: AsyncSession, task: BackgroundTask, how: RowEnd[Row]) -> Ended | None:
        row_id, found = await row_of(session, task)
        if not await how(session, task, found):
            return None
        return Ended(events=((event, payload(row_id)),) if row_id else ())

    def link(task: BackgroundTask) -> tuple[str, str] | None:
        """The row's page, unless its task was cancelled (the row may be gone with it)."""
        if task.status == TaskStatus.CANCELLED:
            return None
        row_id = (task.result or {}).get(input_key) or task.input_id(input_key)
        return (page.format(id=row_id), open_words) if row_id else None

    async def cancel(session: AsyncSession, task: BackgroundTask) -> Ended | None:
        return await end(session, task, cancelled)

    async def find_input(session: AsyncSession, task: BackgroundTask) -> LostInput:
        row_id, found = await row_of(session, task)
        present = found is not None and ready(found)
        return LostInput(job_args=(row_id, task.id) if present else None)

    async def fail_lost(session: AsyncSession, task: BackgroundTask) -> Ended | None:
        return await end(session, task, input_gone)

    return TaskKind(
        type=task_type,
        label=label,
        slot=slot,
        price=price,
        cancel=cancel,
        recovery=Recovery(job=job, find_input=find_input, fail_lost=fail_lost),
        link=link,
        title_prefix=title_prefix,
        open_cap=open_cap,
    )
