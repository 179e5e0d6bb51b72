"""Task centre HTML: the /tasks page (the no-JS fallback), its list fragment, and the
cancel / delete / purge forms (CSRF-protected, plain POST; htmx posts get the fresh list)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.enums import MediaType
from litestar.params import FromPath, FromQuery
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_200_OK
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


async def _list_fragment(db: AsyncSession, user: User, limit: int) -> Template:
    context = await task_centre_context(db, user.id, limit)
    return Template("_partials/task_list.html", context={**context, "oob_badge": True})


async def _after_change(request: HTMXRequest, db: AsyncSession, user: User) -> Any:
    """htmx: the list it targets, fresh (other tabs get it over SSE); plain form: back to /tasks."""
    if request.htmx:
        limit = PAGE_LIMIT if request.htmx.target == PAGE_LIST_ID else PANEL_LIMIT
        return await _list_fragment(db, user, limit)
    return Redirect("/tasks", status_code=303)


class TaskPages(Controller):
    include_in_schema = False

    @get("/tasks")
    async def page(self, user: SignedIn, db: Db) -> Template:
        context = await task_centre_context(db, user.id, PAGE_LIMIT)
        return Template("tasks/index.html", context=context)

    @get("/tasks/list")
    async def list_fragment(
        self, user: SignedIn, db: Db, view: FromQuery[str] = "panel"
    ) -> Template:
        """The list alone: the /tasks page refreshes with it, and the polling fallback."""
        return await _list_fragment(db, user, PAGE_LIMIT if view == "page" else PANEL_LIMIT)

    @post("/tasks/{task_id:str}/cancel", status_code=HTTP_200_OK, media_type=MediaType.HTML)
    async def cancel(
        self, request: HTMXRequest, user: SignedIn, db: Db, arq: Arq, task_id: FromPath[str]
    ) -> Any:
        await cancel_background_task(db, arq, user, task_id)
        return await _after_change(request, db, user)

    @post("/tasks/{task_id:str}/delete", status_code=HTTP_200_OK, media_type=MediaType.HTML)
    async def delete(
        self, request: HTMXRequest, user: SignedIn, db: Db, arq: Arq, task_id: FromPath[str]
    ) -> Any:
        await delete_background_task(db, arq, user, task_id)
        return await _after_change(request, db, user)

    @post("/tasks/purge", status_code=HTTP_200_OK, media_type=MediaType.HTML)
    async def purge(self, request: HTMXRequest, user: SignedIn, db: Db, arq: Arq) -> Any:
        await purge_finished_tasks(db, arq, user)
        return await _after_change(request, db, user)
