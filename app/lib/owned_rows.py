"""A user's own row found by id, one way: another user's row answers exactly like a missing one
(the feature's 404), so an id never tells whether someone else's row exists."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.lib.errors import AppError

Row = TypeVar("Row")


async def owned(
    session: AsyncSession, model: type[Row], user_id: str, row_id: str, missing: AppError
) -> Row:
    """The row ``row_id`` of ``model`` that ``user_id`` owns, or ``missing`` raised."""
    table: Any = model  # a mapped class with ``id`` and ``user_id`` columns
    found = await session.scalar(select(table).where(table.id == row_id, table.user_id == user_id))
    if found is None:
        raise missing
    return found
