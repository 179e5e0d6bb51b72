"""What a user can do to their tasks: cancel, delete, purge. One place for the JSON API and the
HTML forms, so both behave the same and publish the same events to every tab."""

from __future__ import annotations

import contextlib
from typing import Any

from arq import ArqRedis
from arq.jobs import Job
from sqlalchemy import delete as sql_delete
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, User
from app.db.models.background_task import FINISHED_STATUSES
from app.db.models.base import now_ms
from app.domain.generation.services import cancel_generation
from app.domain.tasks.services import TASK_UPDATED_EVENT, get_task, task_payload
from app.lib.errors import Conflict
from app.lib.events import publish_event
from app.lib.i18n import N_

TASK_DELETED_EVENT = "task:deleted"
TASKS_PURGED_EVENT = "tasks:purged"


async def cancel_background_task(
    db: AsyncSession, arq: ArqRedis, user: User, task_id: str
) -> BackgroundTask:
    """Stop a queued/running task (the work really stops); a finished one is left as it is."""
    task = await get_task(db, user.id, task_id)
    if task.status in FINISHED_STATUSES:
        return task
    generation_id = (task.result or {}).get("generationTaskId")
    if task.type == "cv_generation_v2" and generation_id:
        # Refunds, slot and the generation rows go with it; it publishes the task update too.
        await cancel_generation(db, arq, user, generation_id)
        await db.refresh(task)
        return task
    task.status, task.updated_at = "cancelled", now_ms()
    await db.commit()
    if task.job_id:
        with contextlib.suppress(Exception):  # the DB state is authoritative; abort is best effort
            await Job(task.job_id, arq).abort(timeout=0.5)
    await publish_event(arq, user.id, TASK_UPDATED_EVENT, task_payload(task))
    return task


async def delete_background_task(db: AsyncSession, arq: ArqRedis, user: User, task_id: str) -> None:
    """Remove a finished task from the history (everywhere); a running one must be cancelled."""
    task = await get_task(db, user.id, task_id)
    if task.status not in FINISHED_STATUSES:
        raise Conflict(N_("Cancel this task before deleting it."), code="task.still_running")
    await db.delete(task)
    await db.commit()
    await publish_event(arq, user.id, TASK_DELETED_EVENT, {"id": task_id})


async def cancel_or_delete(
    db: AsyncSession, arq: ArqRedis, user: User, task_id: str
) -> dict[str, Any]:
    """The JSON API's DELETE: cancel when still queued/running, else delete the row."""
    task = await get_task(db, user.id, task_id)
    if task.status in FINISHED_STATUSES:
        await delete_background_task(db, arq, user, task_id)
        return {"success": True, "deleted": True}
    task = await cancel_background_task(db, arq, user, task_id)
    return {"success": True, "cancelled": True, "task": task_payload(task)}


async def purge_finished_tasks(db: AsyncSession, arq: ArqRedis, user: User) -> int:
    """Delete every finished task of the user; running ones stay. Returns how many went."""
    result = await db.execute(
        sql_delete(BackgroundTask).where(
            BackgroundTask.user_id == user.id, BackgroundTask.status.in_(FINISHED_STATUSES)
        )
    )
    await db.commit()
    await publish_event(arq, user.id, TASKS_PURGED_EVENT, {})
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
