"""The header's credit counter over SSE: ``event: credits``, read from the database on connect
and after each ``credits:changed`` of the user (app/domain/credits/events.py), so every open
tab shows the balance after a debit, a refund or a grant without a reload."""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.response import ServerSentEventMessage
from sqlalchemy import select

from app.db.models import User
from app.domain.credits.events import CREDITS_CHANGED_EVENT
from app.domain.events.stream import fragment_message

SSE_EVENT = "credits"
TEMPLATE = "_partials/credit_counter.html"


class CreditCounterFeed:
    """Renders the counter for one SSE connection; the balance is read, never taken from the
    event, so two events arriving out of order still leave the last committed balance."""

    def __init__(self, request: Request[Any, Any, Any], user_id: str) -> None:
        engine = request.app.template_engine
        assert engine is not None  # configured in create_app
        self._template = engine.get_template(TEMPLATE)
        self._sessions = request.app.state.read_session_factory
        self._user_id = user_id

    async def message(self) -> ServerSentEventMessage:
        async with self._sessions() as session:
            balance = await session.scalar(
                select(User.credit_balance).where(User.id == self._user_id)
            )
        return fragment_message(SSE_EVENT, self._template.render(balance=int(balance or 0)))

    async def initial(self) -> list[ServerSentEventMessage]:
        return [await self.message()]

    async def on_event(self, name: str) -> list[ServerSentEventMessage]:
        return [await self.message()] if name == CREDITS_CHANGED_EVENT else []
