"""Task centre JSON API (seed task-manager-multi-device-sync): list, cancel/delete, purge.

Every change is published as ``task:updated`` / ``task:deleted`` / ``tasks:purged`` so all tabs
and devices of the user show the same state (see ``actions``, shared with the HTML forms).
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, delete, get
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.status_codes import HTTP_200_OK
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.domain.tasks.actions import cancel_or_delete, purge_finished_tasks
from app.domain.tasks.services import list_tasks, task_payload


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
        return await cancel_or_delete(db, request.app.state.arq, user, task_id)

    @delete("/", status_code=HTTP_200_OK)
    async def purge(
        self,
        request: Request[Any, Any, Any],
        user: NamedDependency[User],
        db: NamedDependency[AsyncSession],
    ) -> dict[str, Any]:
        deleted = await purge_finished_tasks(db, request.app.state.arq, user)
        return {"success": True, "deleted": deleted}
