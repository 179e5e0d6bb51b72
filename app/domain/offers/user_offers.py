"""The signed-in user's offers as the pages and the JSON API read and change them (the
``offers`` dependency, declared in routes.py): an offer by id and its extraction task, and each
change kept one way, committed and then told to the user's other tabs (``OFFER_UPDATED``). A
deletion takes the offer's application with it. What a change is stays in services.py,
editing.py and posting.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from litestar.di import NamedDependency
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, JobOffer, User
from app.domain.applications import services as applications
from app.domain.offers import services
from app.domain.offers.posting import reopen
from app.events import OFFER_UPDATED
from app.lib.dependencies import Db, RedisClient, SignedIn
from app.lib.events import publish_event
from app.tasks.lifecycle import commit_deletion


@dataclass(frozen=True, slots=True)
class UserOffers:
    user: User
    db: AsyncSession
    redis: Redis

    async def get(self, offer_id: str) -> JobOffer:
        """The user's offer (another user's: 404, like a missing one)."""
        return await services.get_offer(self.db, self.user.id, offer_id)

    async def task_of(self, offer: JobOffer) -> BackgroundTask | None:
        """The offer's latest extraction task (its progress, or how it ended), if any."""
        return await services.latest_task(self.db, self.user.id, offer.id)

    async def saved(self, offer: JobOffer) -> JobOffer:
        """A change of ``offer`` kept: committed, then told to the user's other tabs."""
        await self.db.commit()
        await publish_event(self.redis, self.user.id, OFFER_UPDATED, {"offerId": offer.id})
        return offer

    async def confirm_header(self, offer_id: str, given: Mapping[str, str]) -> JobOffer:
        """The answer to "Job · Company · Place — correct?" (kept by the service itself)."""
        return await services.confirm_header(self.db, self.redis, self.user.id, offer_id, given)

    async def reopen(self, offer_id: str) -> JobOffer:
        """The posting is open after all: the scheduled re-check no longer closes it."""
        return await self.saved(await reopen(self.db, self.user.id, offer_id))

    async def delete(self, offer: JobOffer) -> None:
        """The offer goes, and its application with it (status, history, notes, documents
        sent); both are told to the user's tabs once committed."""
        offer_id = offer.id
        application = await applications.find_for_offer(self.db, self.user.id, offer_id)
        task = await services.delete_offer(self.db, offer)
        await commit_deletion(
            self.db, self.redis, task, self.user.id, OFFER_UPDATED, {"offerId": offer_id}
        )
        if application is not None:
            await applications.announce_deleted(self.redis, self.user.id, application.id)


def provide_offers(user: SignedIn, db: Db, redis: RedisClient) -> UserOffers:
    return UserOffers(user, db, redis)


Offers = NamedDependency[UserOffers]
"""``offers``: the signed-in user's offers (``provide_offers``)."""
