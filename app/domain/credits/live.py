"""The credit counters over SSE (``event: credits`` for the header, ``credit-balance`` for the
dashboard's and account page's cards), read from the database on connect and after each
``credits:changed`` of the user (app/credits/balance_events.py), so every open tab shows the
balance after a debit, a refund or a grant without a reload."""

from __future__ import annotations

from litestar.response import ServerSentEventMessage
from sqlalchemy import select

from app.db.models import User
from app.events import CREDITS_CHANGED
from app.lib.sse import FragmentFeed, fragment_message

SSE_EVENT = "credits"  # the header's "N credits"
NUMBER_EVENT = "credit-balance"  # the bare number of the dashboard's and account's cards
TEMPLATE = "_partials/credit_counter.html"


class CreditCounterFeed(FragmentFeed):
    """Renders the counter for one SSE connection; the balance is read, never taken from the
    event, so two events arriving out of order still leave the last committed balance."""

    template_name = TEMPLATE

    async def messages(self) -> list[ServerSentEventMessage]:
        async with self._sessions() as session:
            balance = await session.scalar(
                select(User.credit_balance).where(User.id == self._user_id)
            )
        number = int(balance or 0)
        return [
            fragment_message(SSE_EVENT, self._template.render(balance=number)),
            fragment_message(NUMBER_EVENT, str(number)),
        ]

    async def initial(self) -> list[ServerSentEventMessage]:
        return await self.messages()

    async def on_event(self, name: str) -> list[ServerSentEventMessage]:
        return await self.messages() if name == CREDITS_CHANGED else []
