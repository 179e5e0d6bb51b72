"""The bookmarklet ("Send to CV Tailor"): the link shown on the offers page and the page it
opens.

The bookmark holds no token: it only opens ``/inbox/send?url=…&title=…&text=…`` on this site,
in a new tab, where the signed-in user confirms with a normal form (session cookie + CSRF
token). A signed-out visitor is asked to sign in first like on any page. The offer lands in the
inbox as pending (``file_item``, origin "bookmarklet"); without selected text the worker fetches
the page (``start_page_fetch``): this process never fetches it.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.params import FromQuery
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template

from app.domain.inbox.discovery import start_page_fetch
from app.domain.inbox.intake import Candidate, file_item
from app.domain.inbox.schemas import check_url
from app.lib.dependencies import Db, Queue, SignedIn
from app.lib.errors import AppError
from app.lib.form_flash import redirect_back

MAX_TEXT = 20_000  # what the form takes (the link itself sends at most 6 000 characters:
# templates/inbox/_partials/bookmarklet.html, as a URL over ~8 kB is refused by some servers)
MAX_TITLE = 300


def _values(url: str, title: str, text: str) -> dict[str, str]:
    return {
        "url": url[:2048],
        "title": " ".join(title.split())[:MAX_TITLE],
        "text": text[:MAX_TEXT],
    }


class BookmarkletPages(Controller):
    include_in_schema = False

    @get("/inbox/send")
    async def confirm(
        self,
        user: SignedIn,
        url: FromQuery[str] = "",
        title: FromQuery[str] = "",
        text: FromQuery[str] = "",
    ) -> Template:
        return Template("inbox/send.html", context={"values": _values(url, title, text)})

    @post("/inbox/send")
    async def send(self, request: HTMXRequest, user: SignedIn, db: Db, queue: Queue) -> Any:
        form = await request.form()
        values = _values(*(str(form.get(k) or "") for k in ("url", "title", "text")))
        try:
            url = check_url(values["url"], "url")
            text = values["text"].strip()
            candidate = Candidate(url=url, title=values["title"], text=text)
            item = await file_item(
                db, user.id, candidate, search=None, source=None, origin="bookmarklet"
            )
            if item is None:
                await db.rollback()
                return Redirect("/inbox?sent=duplicate", status_code=303)
            await db.commit()
            if not text:
                await start_page_fetch(db, queue, user, item)
        except AppError as exc:
            await db.rollback()
            return redirect_back(request, "/inbox/send", exc, values=values)
        return Redirect("/inbox?sent=1", status_code=303)
