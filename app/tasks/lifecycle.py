"""The life of a task-centre row (``BackgroundTask``), whatever its kind.

Created with the per-user FIFO cap, read by its owner, changed then published, and ended.

Every write to an open task starts by *claiming* it: one conditional UPDATE that matches only a
task still queued or running. It is the first write of its transaction, so it takes the row lock
(PostgreSQL) before anything else and a cancel racing the worker's save is serialised on that
row: whoever commits first wins, the other finds the task settled and writes nothing. That is
what keeps a cancelled task cancelled and refunds a paid one exactly once.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.credits.ledger import LOW_BALANCE
from app.db.models import BackgroundTask, User
from app.db.models.base import now_ms
from app.db.models.status import FINISHED, OPEN, TaskStatus
from app.events import TASK_UPDATED, task_payload
from app.lib.errors import InsufficientCredits, NotFound, TooManyRequests
from app.lib.events import Publisher, publish_event
from app.lib.i18n import N_
from app.lib.owned_rows import OwnedList
from app.lib.refund_reasons import Refund
from app.tasks.billing import charge, cost_of, refund_charge
from app.tasks.caps import open_tasks
from app.tasks.registry import kind_of
from app.tasks.slots import acquire_slot, already_running, held_types, release_slot

TOO_MANY_OPEN = N_(
    "You already have many tasks of this kind waiting; try again when some have finished."
)


class TaskSettled(Exception):
    """The task was settled elsewhere meanwhile (cancelled, its input deleted): stop quietly."""


async def create_task(
    session: AsyncSession,
    user_id: str,
    type_: str,
    title: str,
    *,
    cap: int,
    device_id: str | None = None,
    progress: dict[str, Any] | None = None,
) -> BackgroundTask:
    """Insert a task; past ``cap`` rows the oldest *finished* ones go (FIFO)."""
    task = BackgroundTask(
        user_id=user_id,
        type=type_,
        title=title[:300],
        status=TaskStatus.QUEUED,
        device_id=device_id,
        progress=progress or {},
    )
    session.add(task)
    await session.flush()
    excess = await LISTED.count(session, user_id) - cap
    if excess > 0:
        oldest = (
            select(BackgroundTask.id)
            .where(
                BackgroundTask.user_id == user_id,
                BackgroundTask.status.in_(FINISHED),
                BackgroundTask.id != task.id,
            )
            .order_by(BackgroundTask.created_at, BackgroundTask.id)
            .limit(excess)
        )
        ids = list(await session.scalars(oldest))
        if ids:
            await session.execute(delete(BackgroundTask).where(BackgroundTask.id.in_(ids)))
    return task


async def open_input_task(
    session: AsyncSession,
    user_id: str,
    type_: str,
    title: str,
    input_key: str,
    input_id: str,
    *,
    cap: int,
    device_id: str | None = None,
) -> BackgroundTask:
    """A queued task on one input row (a CV's import, an offer's extraction), ``input_key`` naming
    the row in its progress and its ledger entry, what its kind declares taken (``reserve``: a
    refused task leaves no row, no task and no ledger entry once the caller rolls back). Its arq
    job id holds the row's id, so ``latest_input_task`` finds the row's attempts."""
    progress = {"step": "queued", "percent": 0, input_key: input_id}
    task = await create_task(
        session, user_id, type_, title, cap=cap, device_id=device_id, progress=progress
    )
    task.job_id = f"{type_}:{input_id}:{task.id}"
    await reserve(session, task, {input_key: input_id, "taskId": task.id})
    return task


async def latest_input_task(
    session: AsyncSession, user_id: str, type_: str, input_id: str
) -> BackgroundTask | None:
    """The latest task of type ``type_`` on the input row ``input_id`` (``open_input_task``)."""
    return await session.scalar(
        select(BackgroundTask)
        .where(
            BackgroundTask.user_id == user_id,
            BackgroundTask.type == type_,
            BackgroundTask.job_id.like(f"{type_}:{input_id}:%"),
        )
        .order_by(BackgroundTask.created_at.desc())
        .limit(1)
    )


async def reserve(session: AsyncSession, task: BackgroundTask, meta: dict[str, Any]) -> None:
    """Take what the task's kind declares, in the transaction that creates the task: its
    concurrency slot first (429 otherwise: a refused task is never charged), then its price
    (the ledger entry is kept on the task, for a refund when it fails or is cancelled)."""
    kind = kind_of(task.type)
    if kind.slot is not None:
        await acquire_slot(session, task.user_id, kind.slot, task.id)
    if kind.open_cap is not None and await open_tasks(session, task.user_id, task.type) > (
        kind.open_cap  # the new task is counted: it was flushed as queued
    ):
        raise TooManyRequests(
            TOO_MANY_OPEN, code="task.too_many_open", extra={"limit": kind.open_cap}
        )
    if kind.price is not None:
        entry = await charge(session, task.user_id, kind.price, meta)
        if entry:
            task.progress = {**(task.progress or {}), "creditTransactionId": entry}


async def check_room(session: AsyncSession, user_id: str, task_type: str) -> None:
    """Refuse now what ``reserve`` would refuse, before costly work that comes ahead of the
    task (decoding an uploaded picture): its kind's slot held already (429), a balance below
    its price (403 ``credits.insufficient``). A read only, its transaction ended (SQLite: no
    write lock held during that work); ``reserve`` decides again, atomically, when the task is
    created."""
    kind = kind_of(task_type)
    try:
        if kind.slot is not None and kind.slot in await held_types(session, user_id):
            raise already_running(kind.slot)
        if kind.price is not None:
            cost = await cost_of(session, kind.price)
            balance = await session.scalar(select(User.credit_balance).where(User.id == user_id))
            if cost > int(balance or 0):
                raise InsufficientCredits(LOW_BALANCE, extra={"needed": cost})
    finally:
        await session.commit()


async def get_task(session: AsyncSession, user_id: str, task_id: str) -> BackgroundTask:
    task = await session.scalar(
        select(BackgroundTask).where(
            BackgroundTask.id == task_id, BackgroundTask.user_id == user_id
        )
    )
    if task is None:
        raise NotFound("No such task.")
    return task


# The user's tasks, newest first.
LISTED = OwnedList(BackgroundTask, BackgroundTask.created_at.desc())
tasks_page = LISTED.page


async def list_tasks(session: AsyncSession, user_id: str, limit: int = 100) -> list[BackgroundTask]:
    return await LISTED.all(session, user_id, limit)


async def claim(session: AsyncSession, task_id: str) -> bool:
    """Lock the task for this transaction if it is still open; False when it is settled.

    No autoflush: changes already made to the task's input (a CV, an offer) must be written
    *after* the claim, or a cancel (task row, then input row) and the worker (input row, then
    task row) could deadlock.
    """
    with session.no_autoflush:
        result = await session.execute(
            update(BackgroundTask)
            .where(BackgroundTask.id == task_id, BackgroundTask.status.in_(OPEN))
            .values(updated_at=now_ms())
            .execution_options(synchronize_session=False)
        )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


async def settle(
    session: AsyncSession,
    task: BackgroundTask,
    *,
    status: TaskStatus,
    error: str,
    refund_reason: Refund,
) -> None:
    """Record the end of a task claimed in this transaction: its charge refunded, its slot
    freed, the outcome on the row. The caller commits and publishes (``save_and_publish``)."""
    await refund_charge(
        session, task.user_id, (task.progress or {}).get("creditTransactionId"), refund_reason
    )
    await release_slot(session, task.id)
    task.status = status
    task.error = error
    task.progress = {**(task.progress or {}), "step": str(status), "percent": 100}
    task.updated_at = now_ms()


async def save_and_publish(
    session: AsyncSession,
    publisher: Publisher,
    task: BackgroundTask,
    *,
    status: TaskStatus | None = None,
    progress: dict[str, Any] | None = None,
    result: dict[str, Any] | None = None,
    error: str | None = None,
    job_id: str | None = None,
) -> None:
    """Change a task, commit, then tell every tab of its user (``task:updated``).

    The commit comes first so an event never claims a state the database does not hold.
    """
    if status is not None:
        task.status = status
    if progress is not None:
        task.progress = progress
    if result is not None:
        task.result = result
    if error is not None:
        task.error = error
    if job_id is not None:
        task.job_id = job_id
    task.updated_at = now_ms()
    await session.commit()
    await publish_event(publisher, task.user_id, TASK_UPDATED, task_payload(task))


async def commit_deletion(
    session: AsyncSession,
    publisher: Publisher,
    task: BackgroundTask | None,
    user_id: str,
    event: str,
    data: dict[str, Any],
) -> None:
    """Commit the deletion of a row, publish the task it cancelled (if one was open), then the
    row's own event for the user's tabs."""
    await session.commit()
    if task is not None:
        await save_and_publish(session, publisher, task)
    await publish_event(publisher, user_id, event, data)
