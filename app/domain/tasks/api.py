"""Task centre JSON API (seed task-manager-multi-device-sync): list, cancel/delete, purge.

Every change is published as ``task:updated`` / ``task:deleted`` / ``tasks:purged`` so all tabs
and devices of the user show the same state.
"""

from __future__ import annotations

import contextlib
from typing import Any

from arq.jobs import Job
from litestar import Controller, Request, delete, get
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.status_codes import HTTP_200_OK
from sqlalchemy import delete as sql_delete
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, User
from app.db.models.background_task import FINISHED_STATUSES
from app.db.models.base import now_ms
from app.domain.generation.services import cancel_generation
from app.domain.tasks.services import TASK_UPDATED_EVENT, get_task, list_tasks, task_payload
from app.lib.events import publish_event


class BackgroundTasksApi(Controller):
    path = "/api/background-tasks"
    tags = ["tasks"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @get("/")
    async def list_all(
        self, user: NamedDependency[User], db: NamedDependency[AsyncSession]
    ) -> dict[str, Any]:
        return {"tasks": [task_payload(t) for t in await list_tasks(db, user.id)]}

    @delete("/{task_id:str}", status_code=HTTP_200_OK)
    async def cancel_or_delete(
        self,
        request: Request[Any, Any, Any],
        user: NamedDependency[User],
        db: NamedDependency[AsyncSession],
        task_id: FromPath[str],
    ) -> dict[str, Any]:
        """Cancel when still queued/running (the work really stops), else delete the row."""
        task = await get_task(db, user.id, task_id)
        arq = request.app.state.arq
        if task.status in FINISHED_STATUSES:
            await db.delete(task)
            await db.commit()
            await publish_event(arq, user.id, "task:deleted", {"id": task_id})
            return {"success": True, "deleted": True}
        generation_id = (task.result or {}).get("generationTaskId")
        if task.type == "cv_generation_v2" and generation_id:
            await cancel_generation(db, arq, user, generation_id)
        else:
            task.status, task.updated_at = "cancelled", now_ms()
            await db.commit()
            if task.job_id:
                with contextlib.suppress(Exception):
                    await Job(task.job_id, arq).abort(timeout=0.5)
        await db.refresh(task)
        await publish_event(arq, user.id, TASK_UPDATED_EVENT, task_payload(task))
        return {"success": True, "cancelled": True, "task": task_payload(task)}

    @delete("/", status_code=HTTP_200_OK)
    async def purge(
        self,
        request: Request[Any, Any, Any],
        user: NamedDependency[User],
        db: NamedDependency[AsyncSession],
    ) -> dict[str, Any]:
        result = await db.execute(
            sql_delete(BackgroundTask).where(
                BackgroundTask.user_id == user.id, BackgroundTask.status.in_(FINISHED_STATUSES)
            )
        )
        await db.commit()
        await publish_event(request.app.state.arq, user.id, "tasks:purged", {})
        return {"success": True, "deleted": result.rowcount}  # type: ignore[attr-defined]
