"""A task cancelled while its query runs (a Cancel's arq abort lands mid-statement) must not
keep SQLite's write lock: the next writer gets it at once, not after the garbage collector."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

from app.db.session import create_engine, create_session_factory


def _is_write_locked(path: Path) -> bool:
    probe = sqlite3.connect(path, timeout=0.5, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


async def test_cancel_mid_query_releases_the_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "cancel.db"
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    started = threading.Event()

    def slow_step() -> int:
        # Runs in aiosqlite's thread inside the statement: the cancel lands while it is pending.
        started.set()
        time.sleep(0.3)
        return 1

    def add_function(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.driver_connection._conn.create_function("slow_step", 0, slow_step)

    event.listen(engine.sync_engine, "connect", add_function)
    sessions = create_session_factory(engine)
    async with sessions() as session:  # a first write: the file and its WAL exist
        await session.execute(text("CREATE TABLE t (x INTEGER)"))
        await session.commit()

    async def reader() -> None:
        async with sessions() as session:  # BEGIN IMMEDIATE: this holds the write lock
            await session.execute(text("SELECT slow_step() FROM (SELECT 1 UNION ALL SELECT 2)"))
            await session.commit()

    try:
        for _ in range(3):
            started.clear()
            task = asyncio.create_task(reader())
            async with asyncio.timeout(30):
                while not started.is_set():
                    await asyncio.sleep(0.01)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            assert task.cancelled()
            # The rollback is queued behind the running step (0.3 s); 10 s is a wide margin.
            # Without it the lock stays while ``task`` keeps the cursor alive through its
            # exception's traceback.
            async with asyncio.timeout(10):
                while _is_write_locked(path):
                    await asyncio.sleep(0.2)
            async with sessions() as session:
                await session.execute(text("INSERT INTO t VALUES (1)"))
                await session.commit()
    finally:
        await engine.dispose()
