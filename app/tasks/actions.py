"""What a user can do to their tasks: cancel, delete, purge. One place for the JSON API and the
HTML forms (app/domain/tasks/), so both behave the same and publish the same events to every tab.

A cancel is handed to the task's kind (app/tasks/registry.py): it settles the kind's own rows and
refunds once; the kernel then commits, stops the arq job and tells the tabs.
"""

from __future__ import annotations

from typing import Any

from arq import ArqRedis
from sqlalchemy import delete as sql_delete
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, User
from app.db.models.status import FINISHED
from app.events import TASK_DELETED, TASK_UPDATED, TASKS_PURGED, task_payload
from app.lib.errors import Conflict
from app.lib.events import publish_event
from app.lib.i18n import N_
from app.tasks.abort import abort_job, abort_task_jobs
from app.tasks.lifecycle import get_task
from app.tasks.registry import Ended, kind_of


async def cancel_background_task(
    db: AsyncSession, arq: ArqRedis, user: User, task_id: str
) -> BackgroundTask:
    """Stop a queued/running task (the work really stops); a finished one is left as it is."""
    task, _ = await cancel_with_outcome(db, arq, user, task_id)
    return task


async def cancel_with_outcome(
    db: AsyncSession, arq: ArqRedis, user: User, task_id: str
) -> tuple[BackgroundTask, Ended | None]:
    """The one cancel of every kind: the kind's handler ends the task and its own rows in this
    transaction; then the commit, the abort of the arq job, the events. Returns the task as
    committed and what the handler ended (None: it had ended already, its outcome stands).

    Callers answer from these objects (the session keeps them loaded after the commit): a read
    through this session would open another write transaction, which on SQLite queues for the
    lock behind the worker that is stopping (app/db/session.py)."""
    task = await get_task(db, user.id, task_id)
    if task.status in FINISHED:
        await db.commit()  # end the transaction; the objects stay loaded
        return task, None
    ended = await kind_of(task.type).cancel(db, task)
    if ended is None:  # the worker finished it first: its outcome stands
        return await _as_it_ended(db, task), None
    await commit_cancel(db, arq, task.user_id, task.job_id, ended, task)
    return task, ended


async def commit_cancel(
    db: AsyncSession,
    arq: ArqRedis,
    user_id: str,
    job_id: str | None,
    ended: Ended,
    task: BackgroundTask | None = None,
) -> None:
    """What follows a cancel handler: the commit, the abort of the arq job, then the events
    (``task:updated`` for the task's row, when there is one, and the handler's)."""
    await db.commit()
    # After the commit: a job that still runs finds the task settled at its next write. Every
    # job the task has had is stopped: after a recovery, the one running has a fresh id.
    if task is not None:
        await abort_task_jobs(arq, task, job_id)
    else:
        await abort_job(arq, job_id)
    if task is not None:
        await publish_event(arq, user_id, TASK_UPDATED, task_payload(task))
    for name, payload in ended.events:
        await publish_event(arq, user_id, name, payload)


async def _as_it_ended(db: AsyncSession, task: BackgroundTask) -> BackgroundTask:
    # The claim changed nothing: reload the final state and end the transaction (a commit,
    # not a rollback, so the objects the page still shows are not expired).
    await db.refresh(task)
    await db.commit()
    return task


async def delete_background_task(db: AsyncSession, arq: ArqRedis, user: User, task_id: str) -> None:
    """Remove a finished task from the history (everywhere); a running one must be cancelled."""
    task = await get_task(db, user.id, task_id)
    if task.status not in FINISHED:
        raise Conflict(N_("Cancel this task before deleting it."), code="task.still_running")
    await db.delete(task)
    await db.commit()
    await publish_event(arq, user.id, TASK_DELETED, {"id": task_id})


async def cancel_or_delete(
    db: AsyncSession, arq: ArqRedis, user: User, task_id: str
) -> dict[str, Any]:
    """The JSON API's DELETE: cancel when still queued/running, else delete the row."""
    task = await get_task(db, user.id, task_id)
    if task.status in FINISHED:
        await delete_background_task(db, arq, user, task_id)
        return {"success": True, "deleted": True}
    task = await cancel_background_task(db, arq, user, task_id)
    return {"success": True, "cancelled": True, "task": task_payload(task)}


async def purge_finished_tasks(db: AsyncSession, arq: ArqRedis, user: User) -> int:
    """Delete every finished task of the user; running ones stay. Returns how many went."""
    result = await db.execute(
        sql_delete(BackgroundTask).where(
            BackgroundTask.user_id == user.id, BackgroundTask.status.in_(FINISHED)
        )
    )
    await db.commit()
    await publish_event(arq, user.id, TASKS_PURGED, {})
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
