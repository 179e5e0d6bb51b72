"""JSON API of the job inbox: saved searches (CRUD, run now) and triage (list, approve,
reject). Another user's id answers 404 like a missing one."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, delete, get, post, put
from litestar.params import FromPath, FromQuery
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_202_ACCEPTED

from app.domain.inbox import searches, triage, view
from app.domain.inbox.discovery import start_search_run
from app.domain.inbox.schemas import parse_reason, parse_search
from app.domain.inbox.triage import Triaged
from app.lib.dependencies import Db, Queue, SignedIn
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.paging import Paging, listed
from app.lib.web import json_body


def status_filter(status: str) -> str:
    if status not in triage.STATUSES:
        raise InputError(
            N_("Unknown status: use pending, rejected or approved."),
            code="inbox.invalid_status",
            where="status",
        )
    return status


class SearchApi(Controller):
    path = "/api/searches"
    tags = ["inbox"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @get("/")
    async def list_searches(
        self, request: Request, user: SignedIn, db: Db, paging: Paging
    ) -> Response[list[dict[str, Any]]]:
        page = await searches.searches_page(db, user.id, paging)
        found = [view.search_out(s, await searches.sources_of(db, s.id)) for s in page.items]
        return listed(request, page.with_items(found))

    @post("/", status_code=HTTP_201_CREATED)
    async def create(
        self, request: Request[Any, Any, Any], user: SignedIn, db: Db
    ) -> dict[str, Any]:
        given = parse_search(await json_body(request, code="inbox.invalid_json"))
        search = await searches.create_search(db, user.id, given)
        await db.commit()
        return view.search_out(search, await searches.sources_of(db, search.id))

    @get("/{search_id:str}")
    async def read(self, user: SignedIn, db: Db, search_id: FromPath[str]) -> dict[str, Any]:
        search = await searches.get_search(db, user.id, search_id)
        return view.search_out(search, await searches.sources_of(db, search.id))

    @put("/{search_id:str}")
    async def update(
        self, request: Request[Any, Any, Any], user: SignedIn, db: Db, search_id: FromPath[str]
    ) -> dict[str, Any]:
        search = await searches.get_search(db, user.id, search_id)  # 404 before the body
        await searches.update_search(
            db, search, parse_search(await json_body(request, code="inbox.invalid_json"))
        )
        await db.commit()
        return view.search_out(search, await searches.sources_of(db, search.id))

    @delete("/{search_id:str}", status_code=HTTP_200_OK)
    async def remove(self, user: SignedIn, db: Db, search_id: FromPath[str]) -> dict[str, bool]:
        search = await searches.get_search(db, user.id, search_id)
        await searches.delete_search(db, search)
        await db.commit()
        return {"success": True}

    @post("/{search_id:str}/run", status_code=HTTP_202_ACCEPTED)
    async def run(
        self, user: SignedIn, db: Db, queue: Queue, search_id: FromPath[str]
    ) -> dict[str, str]:
        """Fetch the search's sources now, in the worker: the task to follow."""
        search = await searches.get_search(db, user.id, search_id)
        task = await start_search_run(db, queue, user, search)
        return {"taskId": task.id}


class InboxApi(Controller):
    path = "/api/inbox"
    tags = ["inbox"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @get("/")
    async def list_items(
        self,
        request: Request,
        user: SignedIn,
        db: Db,
        paging: Paging,
        status: FromQuery[str] = "pending",
    ) -> Response[list[dict[str, Any]]]:
        page = await triage.items_page(db, user.id, status_filter(status), paging)
        return listed(request, page.map(view.item_row))

    @post("/{item_id:str}/approve", status_code=HTTP_200_OK)
    async def approve(self, inbox: Triaged, item_id: FromPath[str]) -> dict[str, str]:
        offer = await inbox.approve(item_id)
        return {"jobOfferId": offer.id}

    @post("/{item_id:str}/reject", status_code=HTTP_200_OK)
    async def reject(
        self, request: Request[Any, Any, Any], inbox: Triaged, item_id: FromPath[str]
    ) -> Response[dict[str, Any]]:
        await triage.get_item(inbox.db, inbox.user.id, item_id)  # 404 before the body
        body = await json_body(request, code="inbox.invalid_json", optional=True)
        words = parse_reason(body.get("reason") if isinstance(body, dict) else None)
        item = await inbox.reject(item_id, words)
        return Response(view.item_row(item))
