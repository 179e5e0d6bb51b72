"""A user's own rows, one way each: one found by id (another user's row answers exactly like a
missing one, the feature's 404, so an id never tells whether someone else's row exists), and a
user's list in one order (``OwnedList``: the pages, the JSON API and MCP read the same query).
The same for the rows under another row (``child_row``, ``child_rows``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.lib.errors import AppError
from app.lib.paging import Page, PageRequest, read_page

Row = TypeVar("Row")


async def owned(
    session: AsyncSession, model: type[Row], user_id: str, row_id: str, missing: AppError
) -> Row:
    """The row ``row_id`` of ``model`` that ``user_id`` owns, or ``missing`` raised."""
    table: Any = model  # a mapped class with ``id`` and ``user_id`` columns
    return await child_row(session, model, table.user_id, user_id, row_id, missing)


async def child_row(
    session: AsyncSession,
    model: type[Row],
    parent: Any,
    parent_id: str,
    row_id: str,
    missing: AppError,
) -> Row:
    """The row ``row_id`` of ``model`` whose column ``parent`` holds ``parent_id`` (a CV's
    version, a search's source), or ``missing`` raised: under another parent, an id answers
    exactly like a missing one."""
    table: Any = model  # a mapped class with an ``id`` column
    found = await session.scalar(select(table).where(table.id == row_id, parent == parent_id))
    if found is None:
        raise missing
    return found


async def child_rows(
    session: AsyncSession, model: type[Row], parent: Any, parent_id: str
) -> list[Row]:
    """Every row of ``model`` whose column ``parent`` holds ``parent_id``, oldest first (then by
    id, one order on every database)."""
    table: Any = model  # a mapped class with ``id`` and ``created_at`` columns
    query = select(table).where(parent == parent_id).order_by(table.created_at, table.id)
    return list(await session.scalars(query))


@dataclass(frozen=True, slots=True)
class OwnedList(Generic[Row]):
    """A user's rows of ``model`` ordered by ``order`` then by id: the id last, rows of one
    instant keep one order on every database, so a walk over the pages meets each row once
    (app/lib/paging.py). Read whole (``all``), a page at a time (``page``) or counted."""

    model: type[Row]
    order: Any  # a column of ``model``, or its ``.desc()``
    options: tuple[Any, ...] = ()  # loader options, e.g. ``defer`` of a heavy column

    def query(self, user_id: str) -> Select[Any]:
        table: Any = self.model  # a mapped class with ``id`` and ``user_id`` columns
        return (
            select(table)
            .options(*self.options)
            .where(table.user_id == user_id)
            .order_by(self.order, table.id)
        )

    async def count(self, session: AsyncSession, user_id: str) -> int:
        """How many rows the user has (a cap on them is checked against it)."""
        table: Any = self.model
        counted = select(func.count()).select_from(table).where(table.user_id == user_id)
        return int(await session.scalar(counted) or 0)

    async def all(self, session: AsyncSession, user_id: str, limit: int | None = None) -> list[Row]:
        query = self.query(user_id)
        return list(await session.scalars(query if limit is None else query.limit(limit)))

    async def page(self, session: AsyncSession, user_id: str, paging: PageRequest) -> Page[Row]:
        return await read_page(session, self.query(user_id), paging)
