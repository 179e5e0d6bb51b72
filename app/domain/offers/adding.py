"""The offers page's add forms (pasted text, a URL, a JSON job) as the ``adding`` dependency:
the request, user, session, settings and queue every form files its offer with, bound once
(declared on ``OfferPages``, pages.py). A refusal comes back on the offers page with what was
typed; an offer filed opens its own page while its extraction runs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from litestar.di import NamedDependency
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import User
from app.domain.offers import services
from app.domain.offers.intake import OfferInput
from app.lib.dependencies import AppSettings, Db, Queue, SignedIn, TaskQueue
from app.lib.pages import form_outcome

BACK = "/offers"


@dataclass(frozen=True, slots=True)
class OfferAdding:
    request: HTMXRequest
    user: User
    db: AsyncSession
    settings: Settings
    queue: TaskQueue

    async def add(self, make: Callable[[], Awaitable[OfferInput]], **echo: Any) -> Redirect:
        """File the offer ``make`` reads (and start its extraction); ``echo``: what the page
        shows again when ``make`` or the filing refuses it."""

        async def action() -> str:
            given = await make()
            offer, _ = await services.create_offer(
                self.db, self.queue.redis, self.queue.arq, self.settings, self.user, given
            )
            return f"/offers/{offer.id}"

        return await form_outcome(self.request, self.db, self.user, action, BACK, **echo)


def provide_adding(
    request: HTMXRequest, user: SignedIn, db: Db, settings: AppSettings, queue: Queue
) -> OfferAdding:
    return OfferAdding(request, user, db, settings, queue)


Adding = NamedDependency[OfferAdding]
"""``adding``: the offers page's add forms (``provide_adding``)."""
