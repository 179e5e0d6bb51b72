"""Reading, seeding and updating the ``Setting`` table."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import Setting
from app.db.models.base import new_id
from app.lib.errors import ValidationFailed
from app.settings.registry import setting_definitions


async def seed_settings(session: AsyncSession, settings: Settings) -> int:
    """Insert missing settings; never overwrite an admin's value (an upsert that updates nothing).

    Returns how many rows were inserted. Safe to run concurrently from several processes.
    """
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    inserted = 0
    for definition in setting_definitions(settings):
        stmt = (
            insert(Setting)
            .values(
                id=new_id(),
                setting_name=definition.name,
                category=definition.category,
                value=definition.default,
                description=definition.description,
            )
            .on_conflict_do_nothing(index_elements=["setting_name"])
        )
        result = await session.execute(stmt)
        inserted += result.rowcount or 0  # type: ignore[attr-defined]
    return inserted


async def all_settings(session: AsyncSession) -> dict[str, str]:
    rows = await session.execute(select(Setting.setting_name, Setting.value))
    return {name: value for name, value in rows.all()}


async def get_setting(session: AsyncSession, name: str, default: str = "") -> str:
    value = await session.scalar(select(Setting.value).where(Setting.setting_name == name))
    return default if value is None else value


async def get_int_setting(session: AsyncSession, name: str, default: int) -> int:
    raw = await get_setting(session, name, str(default))
    try:
        return int(raw)
    except ValueError:
        return default


async def update_setting(session: AsyncSession, name: str, value: str) -> None:
    row = await session.scalar(select(Setting).where(Setting.setting_name == name))
    if row is None:
        raise ValidationFailed(f"Unknown setting {name!r}", code="settings.unknown")
    row.value = value
