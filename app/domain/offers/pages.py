"""HTML pages of job offers: list with multi-select for a generation, add forms, view/edit."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from litestar import Controller, get, post
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, URLEncodedBody
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template

from app.db.models import BackgroundTask, JobOffer
from app.domain.applications import services as applications
from app.domain.letters import view as letters
from app.domain.matching.services import MatchService, provide_matching
from app.domain.matching.view import offer_match_context
from app.domain.offers import services
from app.domain.offers.adding import Adding, provide_adding
from app.domain.offers.api import fetch_offer
from app.domain.offers.deletion import offer_confirmation
from app.domain.offers.editing import apply_changes, changes_from_form, form_values
from app.domain.offers.header_check import header_question
from app.domain.offers.intake import OfferInput, offer_from_job_json, offer_text
from app.domain.offers.posting import posting_fields
from app.domain.offers.user_offers import Offers
from app.domain.offers.view import list_context
from app.lib import bounded_json
from app.lib.confirm import DeleteForm, confirm_page
from app.lib.dependencies import Db, SignedIn
from app.lib.form_flash import redirect_back
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.pages import posted_text, status_fragment, task_running
from app.lib.paging import Paging, pager
from app.lib.parsing.offer_parser import suggest_companies

MAX_JSON_BYTES = 1024 * 1024


@dataclass
class TextForm:
    text: str = ""


@dataclass
class UrlForm:
    url: str = ""


def detail_context(
    offer: JobOffer,
    task: BackgroundTask | None,
    values: dict[str, str],
    errors: dict[str, str],
    **extra: Any,
) -> dict[str, Any]:
    """The offer page: its form with ``values`` (stored or as posted) and their ``errors``; an
    offer read without a company lists the names its text gives, for the user to pick."""
    unsure = not (values.get("company") or "").strip() and not extra.get("extracting")
    question = header_question(offer) if not extra.get("extracting") else None
    return {
        "header_question": question if question is not None and question.asked else None,
        "company_suggestions": (
            suggest_companies(offer.description or "", offer.source_url) if unsure else None
        ),
        "offer": offer,
        "posting": posting_fields(offer),
        # Title and company: the page of "Data Engineer" at one company is told from another's.
        "title": services.title_and_company(offer),
        "task": task,
        "values": values,
        "errors": errors,
        **extra,
    }


def _shown_saved(offer: JobOffer) -> Redirect:
    """The offer's page after a change kept (``UserOffers``), saying so."""
    return Redirect(f"/offers/{offer.id}?saved=1", status_code=303)


class OfferPages(Controller):
    include_in_schema = False
    dependencies = {  # noqa: RUF012 - Litestar's attribute
        "matching": Provide(provide_matching),
        "adding": Provide(provide_adding, sync_to_thread=False),
    }

    @get("/offers")
    async def index(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        paging: Paging,
        sort: FromQuery[str] = "recent",
        deleted: FromQuery[bool] = False,
    ) -> Template:
        context = await list_context(db, user, sort, paging, deleted=deleted)
        context["pager"] = pager(request, context["page"])
        return Template("offers/index.html", context=context)

    @post("/offers/text")
    async def add_text(self, adding: Adding, data: URLEncodedBody[TextForm]) -> Redirect:
        async def make() -> OfferInput:
            return OfferInput(offer_text(data.text))

        return await adding.add(make, pasted=data.text)

    @post("/offers/url")
    async def add_url(self, adding: Adding, data: URLEncodedBody[UrlForm]) -> Redirect:
        async def make() -> OfferInput:
            return await fetch_offer(adding.db, data.url)

        return await adding.add(make, url=data.url)

    @post("/offers/json", request_max_body_size=2 * MAX_JSON_BYTES)
    async def add_json(self, adding: Adding) -> Redirect:
        form = await adding.request.form()

        async def make() -> OfferInput:
            file = form.get("file")
            raw = await file.read() if isinstance(file, UploadFile) else b""
            if not raw.strip():
                raw = str(form.get("json") or "").encode()
            if not raw.strip():
                raise InputError(
                    N_("Choose a JSON file or paste the JSON."), code="offer.empty_json"
                )
            if len(raw) > MAX_JSON_BYTES:
                raise InputError(N_("This JSON is too large."), code="offer.json_too_large")
            try:
                data = bounded_json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise InputError(N_("This is not valid JSON."), code="offer.invalid_json") from None
            return offer_from_job_json(data)

        return await adding.add(make)

    @get("/offers/{offer_id:str}")
    async def detail(
        self,
        user: SignedIn,
        db: Db,
        matching: NamedDependency[MatchService],
        offer_id: FromPath[str],
        saved: FromQuery[bool] = False,
        cv: FromQuery[str | None] = None,
    ) -> Template:
        offer = await services.get_offer(db, user.id, offer_id)
        task = await services.latest_task(db, user.id, offer.id)
        context = detail_context(
            offer,
            task,
            form_values(offer),
            {},
            extracting=task_running(task),
            saved=saved,
            application=await applications.find_for_offer(db, user.id, offer.id),
            **await offer_match_context(matching, user, offer.id, cv or None),
            **await letters.letter_choices(db, user, offer.id),
        )
        return Template("offers/detail.html", context=context)

    @get("/offers/{offer_id:str}/status")
    async def status(
        self, request: HTMXRequest, offers: Offers, offer_id: FromPath[str]
    ) -> Template:
        offer = await offers.get(offer_id)
        task = await offers.task_of(offer)
        return status_fragment(
            request, "offers/_partials/extract_status.html", task, "extracting", offer=offer
        )

    @post("/offers/{offer_id:str}")
    async def save(self, request: HTMXRequest, offers: Offers, offer_id: FromPath[str]) -> Any:
        offer = await offers.get(offer_id)
        values = await posted_text(request)
        changes, errors = changes_from_form(values)
        if errors:
            return redirect_back(request, f"/offers/{offer.id}", values=values, errors=errors)
        apply_changes(offer, changes)
        return _shown_saved(await offers.saved(offer))

    @post("/offers/{offer_id:str}/header")
    async def confirm_header(
        self, request: HTMXRequest, offers: Offers, offer_id: FromPath[str]
    ) -> Redirect:
        """The answer to "Job · Company · Place — correct?": a picked or typed value, or yes."""
        given = await posted_text(request)
        return _shown_saved(await offers.confirm_header(offer_id, given))

    @post("/offers/{offer_id:str}/posting/reopen")
    async def reopen_posting(self, offers: Offers, offer_id: FromPath[str]) -> Redirect:
        """The closed badge's button: the posting is open after all (the checks leave it)."""
        return _shown_saved(await offers.reopen(offer_id))

    @get("/offers/{offer_id:str}/delete")
    async def confirm_delete(self, user: SignedIn, db: Db, offer_id: FromPath[str]) -> Template:
        offer = await services.get_offer(db, user.id, offer_id)
        return confirm_page(await offer_confirmation(db, user, offer))

    @post("/offers/{offer_id:str}/delete")
    async def delete(
        self, offers: Offers, offer_id: FromPath[str], data: URLEncodedBody[DeleteForm]
    ) -> Redirect | Template:
        """Only the confirmation page's form deletes; any other post shows that page."""
        offer = await offers.get(offer_id)
        if not data.confirmed:
            return confirm_page(await offer_confirmation(offers.db, offers.user, offer))
        await offers.delete(offer)
        return Redirect("/offers?deleted=1", status_code=303)
