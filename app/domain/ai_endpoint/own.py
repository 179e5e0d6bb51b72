"""The signed-in user's own AI endpoint as the account page's forms test, save and remove it
(the ``own_endpoint`` dependency, declared in routes.py), with the session, settings and Redis
every form needs bound once. The rules live in services.py."""

from __future__ import annotations

from dataclasses import dataclass

from litestar.di import NamedDependency
from redis.asyncio import Redis
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import User
from app.domain.ai_endpoint.services import (
    EndpointForm,
    check_form,
    remove_endpoint,
    save_endpoint,
)
from app.lib.dependencies import AppSettings, Db, RedisClient, SignedIn
from app.lib.llm import ConnectionReport


@dataclass(frozen=True, slots=True)
class OwnEndpoint:
    user: User
    user_id: str  # read when the request starts: a rollback expires the user's row
    db: AsyncSession
    settings: Settings
    redis: Redis

    async def test(self, form: EndpointForm) -> tuple[ConnectionReport, str]:
        """The connection test of what the form holds (its limit included); nothing saved."""
        return await check_form(self.db, self.settings, self.redis, self.user, form)

    async def save(self, form: EndpointForm) -> None:
        """Store the form's endpoint and commit."""
        try:
            await save_endpoint(self.db, self.settings, self.user_id, form)
            await self.db.commit()
        except IntegrityError:
            # Two first saves at once (two tabs): the other's row exists now; update it.
            await self.db.rollback()
            await save_endpoint(self.db, self.settings, self.user_id, form)
            await self.db.commit()

    async def remove(self) -> None:
        await remove_endpoint(self.db, self.user)
        await self.db.commit()


def provide_own_endpoint(
    user: SignedIn, db: Db, settings: AppSettings, redis: RedisClient
) -> OwnEndpoint:
    return OwnEndpoint(user, user.id, db, settings, redis)


Own = NamedDependency[OwnEndpoint]
"""``own_endpoint``: the signed-in user's own AI endpoint (``provide_own_endpoint``)."""
