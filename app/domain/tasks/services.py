"""Background tasks of the task centre: create (with the per-user FIFO cap), update, list."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.background_task import FINISHED_STATUSES
from app.db.models.base import now_ms
from app.lib.errors import NotFound
from app.lib.events import Publisher, publish_event

TASK_UPDATED_EVENT = "task:updated"


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
        status="queued",
        device_id=device_id,
        progress=progress or {},
    )
    session.add(task)
    await session.flush()
    total = await session.scalar(
        select(func.count()).select_from(BackgroundTask).where(BackgroundTask.user_id == user_id)
    )
    excess = int(total or 0) - cap
    if excess > 0:
        oldest = (
            select(BackgroundTask.id)
            .where(
                BackgroundTask.user_id == user_id,
                BackgroundTask.status.in_(FINISHED_STATUSES),
                BackgroundTask.id != task.id,
            )
            .order_by(BackgroundTask.created_at, BackgroundTask.id)
            .limit(excess)
        )
        ids = list(await session.scalars(oldest))
        if ids:
            await session.execute(delete(BackgroundTask).where(BackgroundTask.id.in_(ids)))
    return task


async def get_task(session: AsyncSession, user_id: str, task_id: str) -> BackgroundTask:
    task = await session.scalar(
        select(BackgroundTask).where(
            BackgroundTask.id == task_id, BackgroundTask.user_id == user_id
        )
    )
    if task is None:
        raise NotFound("No such task.")
    return task


async def list_tasks(session: AsyncSession, user_id: str, limit: int = 100) -> list[BackgroundTask]:
    rows = await session.scalars(
        select(BackgroundTask)
        .where(BackgroundTask.user_id == user_id)
        .order_by(BackgroundTask.created_at.desc(), BackgroundTask.id)
        .limit(limit)
    )
    return list(rows)


def task_payload(task: BackgroundTask) -> dict[str, Any]:
    """The task as the API and the SSE stream show it (ms timestamps, as the seed)."""
    return {
        "id": task.id,
        "type": task.type,
        "status": task.status,
        "title": task.title,
        "progress": task.progress,
        "result": task.result,
        "error": task.error,
        "jobId": task.job_id,
        "deviceId": task.device_id,
        "createdAt": task.created_at,
        "updatedAt": task.updated_at or now_ms(),
    }


async def save_and_publish(
    session: AsyncSession,
    publisher: Publisher,
    task: BackgroundTask,
    *,
    status: str | None = None,
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
    await publish_event(publisher, task.user_id, TASK_UPDATED_EVENT, task_payload(task))


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
