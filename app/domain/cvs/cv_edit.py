"""The CV an editor's post is about, provided to the editor's handlers as ``edit``
(editor_pages.py, editor_whole_pages.py): the signed-in user's CV of the path's ``cv_id`` (another
user's: 404, before the form is read) with the session and Redis a save needs."""

from __future__ import annotations

from dataclasses import dataclass

from litestar.di import NamedDependency, Provide
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, User
from app.domain.cvs import services
from app.lib.dependencies import Db, RedisClient, SignedIn


@dataclass(frozen=True, slots=True)
class CvEdit:
    db: AsyncSession
    redis: Redis
    user: User
    cv: CvFile


async def provide_cv_edit(user: SignedIn, db: Db, redis: RedisClient, cv_id: str) -> CvEdit:
    return CvEdit(db, redis, user, await services.get_cv(db, user.id, cv_id))


EDIT = {"edit": Provide(provide_cv_edit)}  # a controller's ``dependencies``
Edited = NamedDependency[CvEdit]
