"""Task centre JSON API, the same on every device of a user: list, cancel/delete, purge.

Every change is published as ``task:updated`` / ``task:deleted`` / ``tasks:purged`` so all tabs
and devices of the user show the same state (see ``actions``, shared with the HTML forms).
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, delete, get
from litestar.params import FromPath
from litestar.status_codes import HTTP_200_OK

from app.events import task_payload
from app.lib.dependencies import Arq, Db, SignedIn
from app.lib.paging import Paging, link_headers
from app.tasks.actions import cancel_or_delete, purge_finished_tasks
from app.tasks.lifecycle import tasks_page


class BackgroundTasksApi(Controller):
    path = "/api/background-tasks"
    tags = ["tasks"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @get("/")
    async def list_all(
        self, request: Request, user: SignedIn, db: Db, paging: Paging
    ) -> Response[dict[str, Any]]:
        page = await tasks_page(db, user.id, paging)
        body = {"tasks": [task_payload(t) for t in page.items]}
        return Response(body, headers=link_headers(request, page))

    @delete("/{task_id:str}", status_code=HTTP_200_OK)
    async def cancel_or_delete(
        self, user: SignedIn, db: Db, arq: Arq, task_id: FromPath[str]
    ) -> dict[str, Any]:
        """Cancel when still queued/running (the work really stops), else delete the row."""
        return await cancel_or_delete(db, arq, user, task_id)

    @delete("/", status_code=HTTP_200_OK)
    async def purge(self, user: SignedIn, db: Db, arq: Arq) -> dict[str, Any]:
        deleted = await purge_finished_tasks(db, arq, user)
        return {"success": True, "deleted": deleted}
