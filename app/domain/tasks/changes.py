"""The task centre's forms (cancel, delete, purge) as the ``changes`` dependency: the request,
user, session and arq pool each form needs, bound once (declared on ``TaskPages``, pages.py).
After a change, an htmx post gets the list it targets back, fresh (other tabs get it over SSE);
a plain form goes back to /tasks."""

from __future__ import annotations

from dataclasses import dataclass

from arq.connections import ArqRedis
from litestar.di import NamedDependency
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.domain.tasks.view import PAGE_LIMIT, PANEL_LIMIT, task_centre_context
from app.lib.dependencies import Arq, Db, SignedIn
from app.tasks.actions import (
    cancel_background_task,
    delete_background_task,
    purge_finished_tasks,
)

PAGE_LIST_ID = "task-page-list"  # the /tasks page's list; the nav panel's is shorter


async def list_template(db: AsyncSession, user: User, limit: int) -> Template:
    context = await task_centre_context(db, user.id, limit)
    return Template("_partials/task_list.html", context={**context, "oob_badge": True})


@dataclass(frozen=True, slots=True)
class TaskChanges:
    request: HTMXRequest
    user: User
    db: AsyncSession
    arq: ArqRedis

    async def cancel(self, task_id: str) -> Template | Redirect:
        await cancel_background_task(self.db, self.arq, self.user, task_id)
        return await self._shown()

    async def delete(self, task_id: str) -> Template | Redirect:
        await delete_background_task(self.db, self.arq, self.user, task_id)
        return await self._shown()

    async def purge(self) -> Template | Redirect:
        await purge_finished_tasks(self.db, self.arq, self.user)
        return await self._shown()

    async def _shown(self) -> Template | Redirect:
        htmx = self.request.htmx
        if htmx:
            limit = PAGE_LIMIT if htmx.target == PAGE_LIST_ID else PANEL_LIMIT
            return await list_template(self.db, self.user, limit)
        return Redirect("/tasks", status_code=303)


def provide_changes(request: HTMXRequest, user: SignedIn, db: Db, arq: Arq) -> TaskChanges:
    return TaskChanges(request, user, db, arq)


Changes = NamedDependency[TaskChanges]
"""``changes``: the task centre's forms (``provide_changes``)."""
