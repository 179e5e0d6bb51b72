"""Task centre HTML: the /tasks page (the no-JS fallback), its list fragment, and the
cancel / delete / purge forms (CSRF-protected, plain POST; htmx posts get the fresh list:
changes.py)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.di import Provide
from litestar.enums import MediaType
from litestar.params import FromPath, FromQuery
from litestar.response import Template
from litestar.status_codes import HTTP_200_OK

from app.domain.tasks.changes import Changes, list_template, provide_changes
from app.domain.tasks.view import PAGE_LIMIT, PANEL_LIMIT, task_centre_context
from app.lib.dependencies import Db, SignedIn


class TaskPages(Controller):
    include_in_schema = False
    dependencies = {"changes": Provide(provide_changes, sync_to_thread=False)}  # noqa: RUF012 - Litestar's

    @get("/tasks")
    async def page(self, user: SignedIn, db: Db) -> Template:
        context = await task_centre_context(db, user.id, PAGE_LIMIT)
        return Template("tasks/index.html", context=context)

    @get("/tasks/list")
    async def list_fragment(
        self, user: SignedIn, db: Db, view: FromQuery[str] = "panel"
    ) -> Template:
        """The list alone: the /tasks page refreshes with it, and the polling fallback."""
        return await list_template(db, user, PAGE_LIMIT if view == "page" else PANEL_LIMIT)

    @post("/tasks/{task_id:str}/cancel", status_code=HTTP_200_OK, media_type=MediaType.HTML)
    async def cancel(self, changes: Changes, task_id: FromPath[str]) -> Any:
        return await changes.cancel(task_id)

    @post("/tasks/{task_id:str}/delete", status_code=HTTP_200_OK, media_type=MediaType.HTML)
    async def delete(self, changes: Changes, task_id: FromPath[str]) -> Any:
        return await changes.delete(task_id)

    @post("/tasks/purge", status_code=HTTP_200_OK, media_type=MediaType.HTML)
    async def purge(self, changes: Changes) -> Any:
        return await changes.purge()
