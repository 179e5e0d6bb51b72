"""The CV a page's handler is about, provided as ``owned`` to the handlers of a CV's pages
(pages.py, editor_pages.py, editor_whole_pages.py): the signed-in user's CV of the path's
``cv_id`` (another user's: 404, before any form is read) with the session and Redis a save
needs."""

from __future__ import annotations

from dataclasses import dataclass

from litestar.di import NamedDependency, Provide
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, User
from app.domain.cvs import services
from app.lib.dependencies import Db, RedisClient, SignedIn
from app.lib.path_rows import released_unless_found


@dataclass(frozen=True, slots=True)
class OwnedCv:
    db: AsyncSession
    redis: Redis
    user: User
    cv: CvFile


async def provide_owned_cv(user: SignedIn, db: Db, redis: RedisClient, cv_id: str) -> OwnedCv:
    cv = await released_unless_found(db, services.get_cv(db, user.id, cv_id))
    return OwnedCv(db, redis, user, cv)


OWNED = {"owned": Provide(provide_owned_cv)}  # a controller's ``dependencies``
Owned = NamedDependency[OwnedCv]
