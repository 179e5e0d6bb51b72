"""Migration 0017: a user left with several default pitches (parallel requests before the rule)
keeps the newest one, then the partial unique index holds; down and up again, on SQLite and
PostgreSQL (a scratch database each, not the session's)."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.db.migrate import downgrade, upgrade
from app.db.session import create_engine

USER = (
    "INSERT INTO user_account (id, email, password_hash, display_name, created_at, updated_at)"
    " VALUES (:id, :email, 'x', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
)
PITCH = (
    "INSERT INTO pitch (id, user_id, context, kind, language, status, engine, text, is_default,"
    " meta, created_at, updated_at) VALUES (:id, :user, '', '30s', 'en', 'completed', 'offline',"
    " 'Hello.', :default, '{}', :at, :at)"
)


async def _run(url: str, sql: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            result = await conn.execute(text(sql), params)
            return [tuple(r) for r in result.all()] if result.returns_rows else []
    finally:
        await engine.dispose()


async def test_extra_defaults_are_unset_then_the_index_holds(scratch_url: str) -> None:
    await asyncio.to_thread(upgrade, scratch_url, "0014")
    me, other = str(uuid.uuid4()), str(uuid.uuid4())
    await _run(scratch_url, USER, id=me, email="me@example.com")
    await _run(scratch_url, USER, id=other, email="other@example.com")
    pitches = {
        "old default": (me, True, datetime(2026, 1, 1, tzinfo=UTC)),
        "new default": (me, True, datetime(2026, 2, 1, tzinfo=UTC)),
        "plain": (me, False, datetime(2026, 3, 1, tzinfo=UTC)),
        "other's default": (other, True, datetime(2026, 1, 1, tzinfo=UTC)),
    }
    ids = {name: str(uuid.uuid4()) for name in pitches}
    for name, (user, default, at) in pitches.items():
        await _run(scratch_url, PITCH, id=ids[name], user=user, default=default, at=at)

    await asyncio.to_thread(upgrade, scratch_url, "0017")
    rows = await _run(scratch_url, "SELECT id FROM pitch WHERE is_default = :yes", yes=True)
    assert {row[0] for row in rows} == {ids["new default"], ids["other's default"]}
    second = {"id": str(uuid.uuid4()), "user": me, "default": True, "at": datetime.now(UTC)}
    with pytest.raises(IntegrityError):
        await _run(scratch_url, PITCH, **second)

    await asyncio.to_thread(downgrade, scratch_url, "0014")
    await _run(scratch_url, PITCH, **second)  # no index any more: a second default is stored
    await asyncio.to_thread(upgrade, scratch_url, "0017")  # and made one again
    rows = await _run(
        scratch_url,
        "SELECT id FROM pitch WHERE is_default = :yes AND user_id = :me",
        yes=True,
        me=me,
    )
    assert rows == [(second["id"],)]
