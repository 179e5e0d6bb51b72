"""The one row of the signed-in user a handler is about, named by the path (an achievement, a
saved search), given to the handler as a dependency its controller declares with ``path_row``:
the feature's own look-up runs first (another user's row answers like a missing one, 404, before
any form is read) and the handler receives the row with the session it was read in.

The path parameter keeps the feature's own name (``achievement_id``): the route templates are
those the route guarantees and the security tests name (tests/security/routes.py)."""

# No ``from __future__ import annotations``: Litestar reads the provider's annotations when it
# is made, and the path parameter's name in them is an argument of ``path_row``.

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Generic, TypeVar

from litestar.di import Provide
from litestar.params import PathParameter
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.lib.dependencies import Db, SignedIn

Row = TypeVar("Row")


@dataclass(frozen=True, slots=True)
class PathRow(Generic[Row]):
    db: AsyncSession
    user: User
    row: Row


def path_row(param: str, get: Callable[[AsyncSession, str, str], Awaitable[Row]]) -> Provide:
    """The provider of the user's row named by the path parameter ``param`` (``get``: the
    feature's look-up, ``(session, user id, row id)``)."""
    row_id_param = PathParameter(name=param)

    async def provide(user: SignedIn, db: Db, row_id: Annotated[str, row_id_param]) -> PathRow[Row]:
        return PathRow(db, user, await released_unless_found(db, get(db, user.id, row_id)))

    return Provide(provide)


async def released_unless_found(db: AsyncSession, lookup: Awaitable[Row]) -> Row:
    """``lookup``'s row; when it raises (the 404), the session is closed first. A dependency
    that raises leaves the request's session to the garbage collector (Litestar closes a
    generator dependency only once every dependency is resolved): on SQLite its open write
    transaction would hold the database lock for the next requests. Closing (not rolling back)
    keeps the signed-in user's loaded columns, which the error page reads."""
    try:
        return await lookup
    except BaseException:
        await db.close()
        raise
