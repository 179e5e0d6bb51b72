"""Promoting and demoting administrators; there is always one left."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.lib.errors import Conflict, NotFound
from app.lib.i18n import N_


def last_admin() -> Conflict:
    return Conflict(
        N_(
            "You are the only administrator: make another account administrator first, then"
            " step down."
        ),
        code="admin.last_admin",
    )


async def set_role(db: AsyncSession, target_id: str, make_admin: bool) -> User:
    """Give or take the administrator role; the caller commits. The administrators' rows are
    locked first (on PostgreSQL; SQLite's one writer serialises anyway): two administrators
    demoting each other at once cannot both see the other one still there."""
    admins = set(
        await db.scalars(select(User.id).where(User.is_admin).order_by(User.id).with_for_update())
    )
    target = await db.get(User, target_id)
    if target is None:
        raise NotFound(N_("No such user."), code="admin.user_not_found")
    if not make_admin and admins <= {target.id}:
        raise last_admin()
    target.is_admin = make_admin
    return target
