"""HTML pages of the tracker: the board (one column per status), the list (filters, sorts),
one application (its offer, the documents sent, notes, history, follow-up), and the plain
forms behind them, which work without JavaScript (static/js/board.js only adds drag and drop,
and the tab's id that the history records with the browser: devices.py).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from litestar import Controller, Response, get, post
from litestar.datastructures import FormMultiDict
from litestar.params import FromPath, FromQuery, URLEncodedBody
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.domain.applications import services, view
from app.domain.applications.changes import (
    ApplicationChanges,
    changes_from_form,
    parse_note,
    parse_status,
)
from app.domain.applications.devices import described, recorded_device
from app.domain.applications.editing import Tracked, Tracker
from app.domain.applications.schemas import document_url
from app.domain.applications.sent_choice import sent_cv_choice
from app.domain.applications.stats import statistics
from app.domain.cvs import services as cvs
from app.domain.cvs.view import cv_labels
from app.domain.letters import view as letters
from app.domain.mailbox import view as mailbox
from app.domain.offers import services as offers
from app.lib.confirm import Confirmation, DeleteForm, confirm_page
from app.lib.dependencies import Db, SignedIn
from app.lib.html_time import wall_clock
from app.lib.i18n import gettext
from app.lib.pages import form_outcome, posted_text
from app.lib.paging import Paging, pager

# Where a status form sends the browser back to (a fixed set: never an address from the form).
RETURN_TO = {"board": "/applications", "list": "/applications/list"}


async def board_context(db: AsyncSession, user: User) -> dict[str, Any]:
    return {
        "columns": view.columns(await view.cards(db, user)),
        "statuses": services.STATUSES,
        "stats": await statistics(db, user.id),
    }


async def review_context(db: AsyncSession, user: User) -> dict[str, Any]:
    """The mailbox's replies to review, which the board shows above its columns."""
    return {"replies": await mailbox.review_items(db, user.id), "back": "board"}


async def detail_context(
    db: AsyncSession, user: User, application_id: str, **extra: Any
) -> dict[str, Any]:
    application = await services.get_application(db, user.id, application_id)
    offer = await offers.get_offer(db, user.id, application.job_offer_id)
    documents = await services.sent_documents(db, application)
    user_cvs = [cv for cv in await cvs.list_cvs(db, user.id) if cv.extraction_status == "completed"]
    # The tailored CVs of this offer first: the likeliest to have been sent.
    user_cvs.sort(key=lambda cv: cv.job_offer_id != offer.id)
    labels = await cv_labels(db, user.id, user_cvs)
    letter_box = await letters.letter_choices(db, user, offer.id)
    newest_letter = next(iter(letter_box["offer_letters"]), None)
    sent_default = sent_cv_choice(
        user_cvs, offer.id, application.cv_file_id, newest_letter and newest_letter.cv_file_id
    )
    moves = await services.history(db, application)
    replies = await mailbox.history_replies(db, {m.mail_reply_id for m in moves if m.mail_reply_id})
    return {
        "application": application,
        "interview": wall_clock(application.interview_at),
        "offer": offer,
        "title": offers.display_title(offer),
        "excerpt": view.offer_excerpt(offer.description),
        "source_url": view.safe_link(offer.source_url),
        "notes": await services.notes(db, application),
        "history": [(move, described(move.device_id)) for move in moves],
        "replies": {
            reply_id: (reply, mailbox.evidence_sentences(list(reply.evidence or [])))
            for reply_id, reply in replies.items()
        },
        "documents": [
            (d, document_url(application.id, d), document_url(application.id, d, "docx"))
            for d in documents
        ],
        "cvs": [(cv, labels[cv.id]) for cv in user_cvs],
        "sent_default": sent_default,
        "statuses": services.STATUSES,
        "values": extra.pop("values", None),
        **letter_box,
        **extra,
    }


async def _owned_form(request: HTMXRequest, tracker: Tracker, application_id: str) -> FormMultiDict:
    """The form posted to one of the user's applications: 404 before the body is read, another
    user's application is not theirs to hear about."""
    await services.get_application(tracker.db, tracker.user.id, application_id)
    return await request.form()


class ApplicationPages(Controller):
    include_in_schema = False

    @get("/applications")
    async def board(self, user: SignedIn, db: Db, moved: FromQuery[str] = "") -> Template:
        """``moved``: the card a plain status form just moved (no JavaScript): its select
        takes the focus again, where the keyboard left it."""
        context = {
            **await board_context(db, user),
            **await review_context(db, user),
            "moved": moved[:64],
        }
        return Template("applications/board.html", context=context)

    @get("/applications/board")
    async def board_fragment(self, user: SignedIn, db: Db) -> Template:
        """The columns alone (the content of ``#board``): what the board morphs into when
        another tab moved a card."""
        context = await board_context(db, user)
        return Template("applications/_partials/columns.html", context=context)

    @get("/applications/list")
    async def listing(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        paging: Paging,
        status: FromQuery[str] = "",
        due: FromQuery[str] = "",
        company: FromQuery[str] = "",
        sort: FromQuery[str] = "recent",
    ) -> Template:
        status = status if status in services.STATUSES else ""
        due = due if due in view.DUE_FILTERS else ""
        sort = sort if sort in view.SORTS else "recent"
        chosen = view.filtered(
            await view.cards(db, user), status=status, due=due, company=company, sort=sort
        )
        page = paging.slice(chosen)  # filtered and sorted in Python: then cut
        filters = {"status": status, "due": due, "company": company[:100], "sort": sort}
        context = {
            "cards": page.items,
            "pager": pager(request, page),
            "filters": filters,
            "statuses": services.STATUSES,
        }
        return Template("applications/list.html", context=context)

    @post("/applications")
    async def track(self, request: HTMXRequest, tracker: Tracked) -> Redirect:
        """The offer page's "Track" button: the offer's application (new, or the one it has)."""
        form = await request.form()
        application, _ = await tracker.track(str(form.get("job_offer_id") or ""))
        return Redirect(f"/applications/{application.id}", status_code=303)

    @get("/applications/{application_id:str}")
    async def detail(
        self, user: SignedIn, db: Db, application_id: FromPath[str], saved: FromQuery[bool] = False
    ) -> Template:
        context = await detail_context(db, user, application_id, saved=saved)
        return Template("applications/detail.html", context=context)

    @get("/applications/{application_id:str}/live")
    async def detail_fragment(
        self, user: SignedIn, db: Db, application_id: FromPath[str]
    ) -> Template:
        """Status, documents, notes, history (the content of ``#application-live``): what the
        page morphs into after another tab's change."""
        context = await detail_context(db, user, application_id)
        return Template("applications/_partials/detail_live_content.html", context=context)

    @post("/applications/{application_id:str}/status")
    async def move(
        self, request: HTMXRequest, tracker: Tracked, application_id: FromPath[str]
    ) -> Any:
        """A status select's form (every card has one), or static/js/board.js after a drop."""
        form = await _owned_form(request, tracker, application_id)
        changes = ApplicationChanges(status=parse_status(form.get("status")))
        # The tab's id: board.js's header on a drop, the field it adds to a plain form.
        tab = request.headers.get("x-device-id") or str(form.get("device_tab") or "")
        device = recorded_device(request.headers.get("user-agent"), tab)
        await tracker.change(application_id, changes, device)
        if request.htmx or request.headers.get("x-board-move"):
            return Response(content=b"", status_code=204)
        back = RETURN_TO.get(str(form.get("back") or ""), f"/applications/{application_id}")
        if back == RETURN_TO["board"]:  # back to the moved card, not to the page's top
            # No #fragment: a page opened at one ignores autofocus (HTML's rule).
            back = f"{back}?moved={quote(application_id)}"
        return Redirect(back, status_code=303)

    @post("/applications/{application_id:str}")
    async def save(
        self, request: HTMXRequest, tracker: Tracked, application_id: FromPath[str]
    ) -> Any:
        db, user = tracker.db, tracker.user
        await services.get_application(db, user.id, application_id)
        values = await posted_text(request)

        async def action() -> str:
            await tracker.change(application_id, changes_from_form(values))
            return f"/applications/{application_id}?saved=1"

        back = f"/applications/{application_id}"
        return await form_outcome(request, db, user, action, back, values=values)

    @post("/applications/{application_id:str}/notes")
    async def add_note(
        self, request: HTMXRequest, tracker: Tracked, application_id: FromPath[str]
    ) -> Any:
        form = await _owned_form(request, tracker, application_id)
        body = str(form.get("body") or "")

        async def action() -> str:
            await tracker.add_note(application_id, parse_note(body))
            return f"/applications/{application_id}#notes"

        back = f"/applications/{application_id}#notes"
        return await form_outcome(request, tracker.db, tracker.user, action, back, note=body)

    @post("/applications/{application_id:str}/sent")
    async def mark_sent(
        self, request: HTMXRequest, tracker: Tracked, application_id: FromPath[str]
    ) -> Any:
        form = await _owned_form(request, tracker, application_id)
        changes = ApplicationChanges(
            sent_cv_file_id=str(form.get("cv_file_id") or "") or None,
            sent_letter_id=str(form.get("letter_id") or "") or None,  # a cover letter's form
        )

        async def action() -> str:
            await tracker.change(application_id, changes)
            return f"/applications/{application_id}#documents"

        back = f"/applications/{application_id}#documents"
        return await form_outcome(request, tracker.db, tracker.user, action, back)

    @get("/applications/{application_id:str}/delete")
    async def confirm_delete(
        self, user: SignedIn, db: Db, application_id: FromPath[str]
    ) -> Template:
        return confirm_page(await application_confirmation(db, user, application_id))

    @post("/applications/{application_id:str}/delete")
    async def delete(
        self,
        user: SignedIn,
        db: Db,
        tracker: Tracked,
        application_id: FromPath[str],
        data: URLEncodedBody[DeleteForm],
    ) -> Redirect | Template:
        """Only the confirmation page's form deletes; any other post shows that page."""
        if not data.confirmed:
            return confirm_page(await application_confirmation(db, user, application_id))
        await tracker.delete(application_id)
        return Redirect("/applications", status_code=303)


async def application_confirmation(
    db: AsyncSession, user: User, application_id: str
) -> Confirmation:
    """The application's own record goes; its offer and the CVs and letters stay."""
    application = await services.get_application(db, user.id, application_id)
    offer = await offers.get_offer(db, user.id, application.job_offer_id)
    stake = await services.record(db, application)
    return Confirmation(
        heading=gettext("Stop tracking this offer?"),
        subject=offers.title_and_company(offer),
        action=f"/applications/{application.id}/delete",
        back=f"/applications/{application.id}",
        confirm_label=gettext("Stop tracking and delete the record"),
        gone=services.record_lines(stake),
        kept=[gettext("the offer itself, its tailored CVs and its cover letters")],
    )
