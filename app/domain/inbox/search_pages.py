"""HTML pages of saved searches: the list with the form for a new one, one search's form with
its sources and their fetch log, and the plain forms behind them (run now, remove a source,
delete). Nothing is fetched here: "Run now" hands the search to the worker."""

from __future__ import annotations

from functools import partial
from typing import Any

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, URLEncodedBody
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import SavedSearch, User
from app.domain.inbox import searches, view
from app.domain.inbox.discovery import run_in_progress, start_search_run
from app.domain.inbox.schemas import INTERVALS, parse_search
from app.lib.confirm import Confirmation, DeleteForm, confirm_page, delete_confirmed
from app.lib.dependencies import Db, Queue, SignedIn
from app.lib.i18n import gettext, ngettext
from app.lib.letter_template import PLACEHOLDERS
from app.lib.pages import form_outcome, posted_text
from app.lib.paging import PageRequest, Paging, pager
from app.lib.path_rows import PathRow, path_row

Owned = NamedDependency[PathRow[SavedSearch]]


async def list_context(
    db: AsyncSession, user: User, paging: PageRequest | None = None, **extra: Any
) -> dict[str, Any]:
    """One page of the saved searches (the form's refusals show the first)."""
    page = await searches.searches_page(db, user.id, paging or PageRequest.of())
    return {
        "searches": [view.search_out(s, await searches.sources_of(db, s.id)) for s in page.items],
        "page": page,
        "values": extra.pop("values", None) or view.form_values(None, []),
        "intervals": INTERVALS,
        "remote_choices": view.REMOTE,
        "letter_placeholders": PLACEHOLDERS,
        **extra,
    }


async def search_context(
    db: AsyncSession, user: User, search_id: str, **extra: Any
) -> dict[str, Any]:
    search = await searches.get_search(db, user.id, search_id)
    sources = await searches.sources_of(db, search.id)
    return {
        "search": view.search_out(search, sources),
        "checking": await run_in_progress(db, user.id, search.id),
        "values": extra.pop("values", None) or view.form_values(search, sources),
        "intervals": INTERVALS,
        "remote_choices": view.REMOTE,
        "letter_placeholders": PLACEHOLDERS,
        **extra,
    }


async def _form_data(request: HTMXRequest) -> dict[str, str]:
    values = await posted_text(request)
    values.setdefault("active", "")  # an unticked checkbox is not sent
    return values


class SearchPages(Controller):
    include_in_schema = False
    dependencies = {"owned": path_row("search_id", searches.get_search)}  # noqa: RUF012 - Litestar's

    @get("/inbox/searches")
    async def index(self, request: HTMXRequest, user: SignedIn, db: Db, paging: Paging) -> Template:
        context = await list_context(db, user, paging)
        context["pager"] = pager(request, context["page"])
        return Template("inbox/searches.html", context=context)

    @post("/inbox/searches")
    async def create(self, request: HTMXRequest, user: SignedIn, db: Db) -> Any:
        values = await _form_data(request)

        async def action() -> str:
            search = await searches.create_search(db, user.id, parse_search(values))
            await db.commit()
            return f"/inbox/searches/{search.id}?saved=1"

        return await form_outcome(request, db, user, action, "/inbox/searches", values=values)

    @get("/inbox/searches/{search_id:str}")
    async def detail(
        self,
        user: SignedIn,
        db: Db,
        search_id: FromPath[str],
        saved: FromQuery[bool] = False,
        started: FromQuery[bool] = False,
    ) -> Template:
        context = await search_context(db, user, search_id, saved=saved, started=started)
        return Template("inbox/search.html", context=context)

    @get("/inbox/searches/{search_id:str}/log")
    async def fetch_log(self, user: SignedIn, db: Db, search_id: FromPath[str]) -> Template:
        """The sources' fetch log alone (``#fetch-log``): what the page swaps in while a check
        runs; once none runs, the answer no longer asks to be refreshed."""
        context = await search_context(db, user, search_id)
        return Template("inbox/_partials/fetch_log.html", context=context)

    @post("/inbox/searches/{search_id:str}")
    async def save(self, request: HTMXRequest, owned: Owned) -> Any:
        db, user, search = owned.db, owned.user, owned.row
        values = await _form_data(request)

        async def action() -> str:
            await searches.update_search(db, search, parse_search(values))
            await db.commit()
            return f"/inbox/searches/{search.id}?saved=1"

        back = f"/inbox/searches/{search.id}"
        return await form_outcome(request, db, user, action, back, values=values)

    @post("/inbox/searches/{search_id:str}/sources")
    async def add_source(self, request: HTMXRequest, owned: Owned) -> Any:
        db, user, search = owned.db, owned.user, owned.row
        url = str((await request.form()).get("url") or "")

        async def action() -> str:
            await searches.add_source(db, search, url)
            await db.commit()
            return f"/inbox/searches/{search.id}#sources"

        back = f"/inbox/searches/{search.id}#sources"
        return await form_outcome(request, db, user, action, back, new_source=url)

    @post("/inbox/searches/{search_id:str}/sources/{source_id:str}/delete")
    async def remove_source(self, owned: Owned, source_id: FromPath[str]) -> Redirect:
        search = owned.row
        await searches.remove_source(owned.db, search, source_id)
        await owned.db.commit()
        return Redirect(f"/inbox/searches/{search.id}#sources", status_code=303)

    @post("/inbox/searches/{search_id:str}/run")
    async def run(self, request: HTMXRequest, owned: Owned, queue: Queue) -> Any:
        db, user, search = owned.db, owned.user, owned.row

        async def action() -> str:
            await start_search_run(db, queue, user, search)
            return f"/inbox/searches/{search.id}?started=1"

        return await form_outcome(request, db, user, action, f"/inbox/searches/{search.id}")

    @get("/inbox/searches/{search_id:str}/delete")
    async def confirm_delete(self, owned: Owned) -> Template:
        return confirm_page(await search_confirmation(owned.db, owned.row))

    @post("/inbox/searches/{search_id:str}/delete")
    async def delete(self, owned: Owned, data: URLEncodedBody[DeleteForm]) -> Redirect | Template:
        """Only the confirmation page's form deletes; any other post shows that page."""
        db, search = owned.db, owned.row

        async def delete() -> None:
            await searches.delete_search(db, search)
            await db.commit()

        confirmation = partial(search_confirmation, db, search)
        return await delete_confirmed(data, confirmation, delete, "/inbox/searches")


async def search_confirmation(db: AsyncSession, search: SavedSearch) -> Confirmation:
    """Its sources and letter template go; the offers it found stay in the inbox."""
    sources, found = await searches.deletion_counts(db, search)
    gone = []
    if sources:
        gone.append(ngettext("%(num)d source it reads", "%(num)d sources it reads", sources))
    if search.letter_template.strip():
        gone.append(gettext("its cover letter template"))
    kept = []
    if found:
        kept.append(
            ngettext(
                "%(num)d offer it found: it stays in your inbox",
                "%(num)d offers it found: they stay in your inbox",
                found,
            )
        )
    return Confirmation(
        heading=gettext("Delete this search?"),
        subject=search.name or ", ".join(str(k) for k in search.keywords) or search.id[:8],
        action=f"/inbox/searches/{search.id}/delete",
        back=f"/inbox/searches/{search.id}",
        confirm_label=gettext("Delete the search"),
        gone=gone,
        kept=kept,
    )
