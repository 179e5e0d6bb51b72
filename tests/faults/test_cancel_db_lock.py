"""A job cancelled (arq's abort) at any point of a database transaction — mid-statement, mid-
commit, mid-rollback — never leaves SQLite's write lock held: another connection can write at
once. (Sessions end with ``async with``: SQLAlchemy runs their close, which rolls back, to
completion even when the task is cancelled; the worker adds no unshielded rollback of its own.)
"""

from __future__ import annotations

import asyncio
import sqlite3

from sqlalchemy import text

from app.config import Settings
from app.db.session import create_engine, create_session_factory

ROUNDS = 40


def _write_now(path: str) -> None:
    with sqlite3.connect(path, timeout=1, isolation_level=None) as conn:
        conn.execute("BEGIN IMMEDIATE")  # "database is locked" after 1 s if a writer remains
        conn.execute("COMMIT")


async def test_cancel_at_any_point_of_a_transaction_releases_the_write_lock(
    settings: Settings,
) -> None:
    engine = create_engine(settings.database_url)  # the app's: BEGIN IMMEDIATE
    sessions = create_session_factory(engine)
    path = settings.database_url.split("///", 1)[1]

    async def job(end: str) -> None:
        async with sessions() as session:
            await session.execute(text("UPDATE setting SET value = value WHERE 0"))
            if end == "commit":
                await session.commit()
            elif end == "rollback":
                await session.rollback()
            else:
                await asyncio.sleep(1)

    reached: set[str] = set()
    try:
        for round_ in range(ROUNDS):
            end = ("commit", "rollback", "sleep")[round_ % 3]
            task = asyncio.create_task(job(end))
            # Cancel after 0 to 80 ms: before, inside or after the statement / commit.
            await asyncio.sleep(round_ * 0.002)
            task.cancel()
            (outcome,) = await asyncio.gather(task, return_exceptions=True)
            assert outcome is None or isinstance(outcome, asyncio.CancelledError), outcome
            await asyncio.to_thread(_write_now, path)
            reached.add(f"{end}: {'done' if outcome is None else 'cancelled'}")
    finally:
        await engine.dispose()
    assert "commit: cancelled" in reached, reached  # some cancels landed before the end
