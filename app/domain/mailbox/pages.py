"""HTML pages of the mailbox: the connection form (save, remove) and the replies to review
(accept, dismiss), plain forms with Post/Redirect/Get. The board shows the same review list
(app/domain/mailbox/view.py)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.params import FromPath
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template

from app.db.models import ApplicationStatus
from app.domain.mailbox import account, services
from app.domain.mailbox.view import review_items
from app.domain.mailbox.vocabulary import read_error
from app.lib.dependencies import AppSettings, Db, RedisClient, SignedIn
from app.lib.errors import AppError
from app.lib.form_flash import flash, redirect_back, see_other
from app.lib.i18n import N_
from app.lib.input_errors import user_message
from app.lib.pages import attempt, posted_text

PAGE = "/mailbox"
# Where a review form sends the browser back to (a fixed set: never an address from the form).
RETURN_TO = {"board": "/applications#replies", "mailbox": "/mailbox#replies"}
SAVED = N_("Your mailbox is saved: its new messages are read within a few minutes.")
REMOVED = N_("Your mailbox is disconnected: the replies already read stay on your applications.")


class MailboxPages(Controller):
    include_in_schema = False

    @get("/mailbox")
    async def page(self, user: SignedIn, db: Db, settings: AppSettings) -> Template:
        view = await account.mailbox_view(db, settings, user.id)
        return Template(
            "mailbox/page.html",
            context={
                "mailbox": view,
                "read_error": read_error(view.error_code),
                "statuses": list(ApplicationStatus),
                "replies": await review_items(db, user.id),
                "back": "mailbox",
            },
        )

    @post("/mailbox")
    async def save(
        self, request: HTMXRequest, user: SignedIn, db: Db, settings: AppSettings
    ) -> Redirect:
        form = await posted_text(request)
        typed = {k: v for k, v in form.items() if k in account.FIELDS and k != "password"}
        try:
            await account.save(db, settings, user.id, account.parse(dict(form)))
            await db.commit()
        except AppError as exc:
            await db.rollback()
            return redirect_back(request, PAGE, exc, typed=typed)
        return redirect_back(request, PAGE, notice=SAVED)

    @post("/mailbox/delete")
    async def remove(self, request: HTMXRequest, user: SignedIn, db: Db) -> Redirect:
        await account.remove(db, user.id)
        await db.commit()
        return redirect_back(request, PAGE, notice=REMOVED)

    @post("/mailbox/replies/{reply_id:str}/accept")
    async def accept(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        redis: RedisClient,
        reply_id: FromPath[str],
    ) -> Any:
        await services.get_reply(db, user.id, reply_id)  # another user's: 404 before the body
        form = await posted_text(request)
        back = RETURN_TO.get(form.get("back", ""), RETURN_TO["board"])
        user_id = user.id
        moved: list[Any] = []

        async def action() -> str:
            moved.append(await services.accept(db, user_id, reply_id, form.get("status") or None))
            await db.commit()
            return back

        outcome = await _decided(request, db, user, action, back)
        if moved:
            await services.announce(redis, user_id, moved[0])
        return outcome

    @post("/mailbox/replies/{reply_id:str}/dismiss")
    async def dismiss(
        self, request: HTMXRequest, user: SignedIn, db: Db, reply_id: FromPath[str]
    ) -> Any:
        await services.get_reply(db, user.id, reply_id)
        form = await posted_text(request)
        back = RETURN_TO.get(form.get("back", ""), RETURN_TO["board"])

        async def action() -> str:
            await services.dismiss(db, user.id, reply_id)
            await db.commit()
            return back

        return await _decided(request, db, user, action, back)


async def _decided(
    request: HTMXRequest, db: Db, user: SignedIn, action: Any, back: str
) -> Redirect:
    """A review form's outcome: back to the list; a refusal (already decided, a status that
    is none of the board's) said at the top of that page (base.html's ``flash_error``)."""
    outcome = await attempt(db, user, action)
    if isinstance(outcome, AppError):
        flash(request, back, flash_error=user_message(outcome), error_code=outcome.code)
        return see_other(back)
    return see_other(outcome)
