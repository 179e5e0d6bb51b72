"""A single-use link taken once (a password reset, an invitation): its row's ``used_at`` is set
by one conditional UPDATE, so two requests racing on the same link cannot both take it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, update
from sqlalchemy.ext.asyncio import AsyncSession


async def take_once(
    session: AsyncSession,
    model: type[Any],
    row_id: str,
    now: datetime,
    *still: ColumnElement[bool],
) -> bool:
    """Mark the link ``row_id`` of ``model`` used at ``now`` if it is still unused, unexpired
    and meets ``still``: True when this write took it, False when another request took it (or
    it ended) since it was read."""
    table: Any = model  # a mapped class with ``id``, ``used_at`` and ``expires_at`` columns
    taken = await session.execute(
        update(table)
        .where(table.id == row_id, table.used_at.is_(None), table.expires_at > now, *still)
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(taken.rowcount == 1)  # type: ignore[attr-defined]
