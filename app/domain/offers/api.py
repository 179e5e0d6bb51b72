"""JSON API of job offers: add by {text} | {url} | JSON Resume job, list, read,
edit, delete."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, delete, get, post, put
from litestar.params import FromPath
from litestar.status_codes import HTTP_200_OK, HTTP_202_ACCEPTED
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import JobOffer
from app.db.session import release_lock
from app.domain.offers import services
from app.domain.offers.editing import apply_changes, changes_from_json
from app.domain.offers.header_check import answer_from_json
from app.domain.offers.intake import (
    OfferInput,
    is_job_json,
    offer_from_job_json,
    offer_from_url,
    offer_text,
)
from app.domain.offers.schemas import (
    HEADER_ANSWER_BODY,
    LIST_DESCRIPTION,
    OFFER_ADD_BODY,
    OFFER_UPDATE_BODY,
    OfferAccepted,
    OfferOut,
    offer_out,
    offer_summary,
)
from app.domain.offers.user_offers import Offers, UserOffers
from app.lib.dependencies import AppSettings, Db, Queue, SignedIn
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.openapi import documented_body
from app.lib.paging import Paging, listed
from app.lib.web import json_body
from app.settings.service import get_setting


async def private_urls_allowed(db: AsyncSession) -> bool:
    value = await get_setting(db, "allow_private_offer_urls", "false")
    return value.strip().lower() in {"1", "true", "yes", "on"}


async def fetch_offer(db: AsyncSession, url: str) -> OfferInput:
    """The offer behind ``url``, fetched with no database transaction open (release_lock)."""
    allow_private = await private_urls_allowed(db)
    await release_lock(db)
    return await offer_from_url(url, allow_private=allow_private)


async def offer_input(db: AsyncSession, body: Any) -> OfferInput:
    """``{text}`` | ``{url}`` | a JSON Resume job → what the offer is made of."""
    if isinstance(body, dict) and "text" in body:
        if not isinstance(body["text"], str):
            raise InputError(N_("text: expected text."), code="offer.invalid_field", where="text")
        return OfferInput(offer_text(body["text"]))
    if isinstance(body, dict) and "url" in body:
        if not isinstance(body["url"], str) or not body["url"].strip():
            raise InputError(
                N_("url: expected a web address."), code="offer.invalid_field", where="url"
            )
        return await fetch_offer(db, body["url"])
    if is_job_json(body):
        return offer_from_job_json(body)
    raise InputError(
        N_('Send {"text": "…"}, {"url": "…"} or a JSON Resume job.'), code="offer.invalid_body"
    )


async def _answer(offers: UserOffers, offer: JobOffer) -> OfferOut:
    """The offer as the API answers it, with its extraction task's state."""
    return offer_out(offer, await offers.task_of(offer))


class OfferApi(Controller):
    path = "/api/job-offers"
    tags = ["job offers"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @post(
        "/",
        status_code=HTTP_202_ACCEPTED,
        operation_class=documented_body(
            "The offer: pasted text, a web address or a JSON Resume job", OFFER_ADD_BODY
        ),
    )
    async def add_offer(
        self, request: Request, user: SignedIn, db: Db, settings: AppSettings, queue: Queue
    ) -> OfferAccepted:
        body = await json_body(request, code="offer.invalid_json")
        given = await offer_input(db, body)
        offer, task = await services.create_offer(
            db,
            queue.redis,
            queue.arq,
            settings,
            user,
            given,
            request.headers.get("x-device-id"),
        )
        return OfferAccepted(id=offer.id, taskId=task.id, extractionStatus=offer.extraction_status)

    @get("/", description=LIST_DESCRIPTION)
    async def list_offers(
        self, request: Request, user: SignedIn, db: Db, paging: Paging
    ) -> Response[list[OfferOut]]:
        page = await services.offers_page(db, user.id, paging)
        return listed(request, page.map(offer_summary))

    @get("/{offer_id:str}")
    async def get_offer(self, offers: Offers, offer_id: FromPath[str]) -> OfferOut:
        return await _answer(offers, await offers.get(offer_id))

    @put(
        "/{offer_id:str}",
        operation_class=documented_body("The offer's fields to change", OFFER_UPDATE_BODY),
    )
    async def update_offer(
        self, request: Request, offers: Offers, offer_id: FromPath[str]
    ) -> OfferOut:
        offer = await offers.get(offer_id)
        body = await json_body(request, code="offer.invalid_json")
        apply_changes(offer, changes_from_json(body))
        return await _answer(offers, await offers.saved(offer))

    @post(
        "/{offer_id:str}/header",
        status_code=HTTP_200_OK,
        operation_class=documented_body("The header as the user confirms it", HEADER_ANSWER_BODY),
    )
    async def confirm_header(
        self, request: Request, offers: Offers, offer_id: FromPath[str]
    ) -> OfferOut:
        """Answer the offer's ``header.doubts`` as its page does: the fields sent replace the
        offer's, and the header is confirmed (a generation then no longer asks about it)."""
        await offers.get(offer_id)  # another user's offer: 404 first
        given = answer_from_json(await json_body(request, code="offer.invalid_json"))
        return await _answer(offers, await offers.confirm_header(offer_id, given))

    @post("/{offer_id:str}/posting/reopen", status_code=HTTP_200_OK)
    async def reopen_posting(self, offers: Offers, offer_id: FromPath[str]) -> OfferOut:
        """The posting is open after all: ``posting.status`` becomes ``reopened`` and the
        scheduled re-check no longer closes it (an offer not closed is answered unchanged)."""
        return await _answer(offers, await offers.reopen(offer_id))

    @delete("/{offer_id:str}", status_code=HTTP_200_OK)
    async def delete_offer(self, offers: Offers, offer_id: FromPath[str]) -> dict[str, bool]:
        """Delete the offer, and its application with it (status, history, notes, documents
        sent); the pages ask first when the application holds any of those."""
        await offers.delete(await offers.get(offer_id))
        return {"success": True}
