"""Offer tools: the user's offers, and a new one from pasted text or a web address, through the
JSON API's own intake (``POST /api/job-offers``): the same checks, the same fetch under the
outbound address policy (app/lib/outbound), the same extraction task and its per-user cap.
An offer's header (its doubts, candidates, whether confirmed) is answered as on its page."""

from __future__ import annotations

from typing import Any

import msgspec

from app.domain.offers import services as offers
from app.domain.offers.api import offer_input
from app.domain.offers.schemas import OfferAccepted, offer_out, offer_summary
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.paging import PageRequest, next_page
from app.mcp.calls import ToolCall

ONE_SOURCE = N_("Give the offer's text or its web address (url): one of the two.")


async def list_offers(call: ToolCall, paging: PageRequest) -> dict[str, Any]:
    page = await offers.offers_page(call.db, call.user.id, paging)
    return {
        "offers": [msgspec.to_builtins(offer_summary(offer)) for offer in page.items],
        **next_page(page),
    }


async def get_offer(call: ToolCall, offer_id: str) -> dict[str, Any]:
    offer = await offers.get_offer(call.db, call.user.id, offer_id)
    task = await offers.latest_task(call.db, call.user.id, offer.id)
    return dict(msgspec.to_builtins(offer_out(offer, task)))


async def add_offer(call: ToolCall, text: str | None, url: str | None) -> dict[str, Any]:
    if (text is None) == (url is None):
        raise InputError(ONE_SOURCE, code="mcp.offer_source")
    body = {"text": text} if text is not None else {"url": url}
    given = await offer_input(call.db, body)
    backend = call.backend
    offer, task = await offers.create_offer(
        call.db, backend.redis, backend.arq, backend.settings, call.user, given
    )
    accepted = OfferAccepted(id=offer.id, taskId=task.id, extractionStatus=offer.extraction_status)
    return dict(msgspec.to_builtins(accepted))


async def confirm_header(
    call: ToolCall, offer_id: str, title: str | None, company: str | None, location: str | None
) -> dict[str, Any]:
    """The offer page's "correct?" answer (``POST /api/job-offers/{id}/header``): the fields
    given replace the offer's, and its header is confirmed."""
    given = {
        name: value
        for name, value in (("title", title), ("company", company), ("location", location))
        if value is not None
    }
    offer = await offers.confirm_header(call.db, call.backend.redis, call.user.id, offer_id, given)
    return dict(msgspec.to_builtins(offer_out(offer)))
