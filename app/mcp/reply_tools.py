"""Mailbox tools: the employers' replies waiting for the user's review, and the user's decision
on one, through the service the board's forms and the JSON API call (``GET
/api/mailbox/replies``, ``POST /api/mailbox/replies/{id}/accept|dismiss``)."""

from __future__ import annotations

from typing import Any

import msgspec

from app.domain.applications.schemas import application_out
from app.domain.mailbox import services as replies
from app.domain.mailbox.schemas import reply_out
from app.domain.offers import services as offers
from app.lib.paging import PageRequest, next_page
from app.mcp.calls import ToolCall


async def list_replies_to_review(call: ToolCall, paging: PageRequest) -> dict[str, Any]:
    page = await replies.review_page(call.db, call.user.id, paging)
    return {
        "replies": [msgspec.to_builtins(reply_out(item.reply)) for item in page.items],
        **next_page(page),
    }


async def decide_reply(
    call: ToolCall, reply_id: str, accept: bool, status: str | None
) -> dict[str, Any]:
    """Accept (the card moves to ``status``, else the proposed one) or dismiss a reply."""
    user_id = call.user.id
    if not accept:
        reply = await replies.dismiss(call.db, user_id, reply_id)
        await call.db.commit()
        return {"reply": msgspec.to_builtins(reply_out(reply))}
    application = await replies.accept(call.db, user_id, reply_id, status)
    await call.db.commit()
    await replies.announce(call.backend.redis, user_id, application)
    offer = await offers.get_offer(call.db, user_id, application.job_offer_id)
    return {"application": msgspec.to_builtins(application_out(application, offer))}
