"""Engine and session factory, shared by the web app, the worker and the CLI."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.util.concurrency import await_, in_greenlet

from app.db.models import User

if TYPE_CHECKING:
    from redis.asyncio import Redis

log = logging.getLogger(__name__)


def _enable_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the web process read while the worker writes; busy_timeout waits on locks
    # instead of failing at once; foreign keys are off by default in SQLite.
    # The driver must not issue its own BEGIN: _begin_immediate does (see below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # WAL + NORMAL: no fsync per commit (only at checkpoints); safe against process crashes,
    # the last commits may be lost on power loss. The pipeline commits often; this matters.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    # A deferred SQLite transaction that reads, then writes after another process committed,
    # fails at once with "database is locked" (its snapshot is stale; busy_timeout does not
    # help). Taking the write lock at BEGIN makes writers queue instead. Keep sessions short.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _rollback_before_close(dbapi_connection: Any, _record: Any) -> None:
    # A task cancelled mid-query (a Cancel's arq abort, a time budget) gets its connection
    # invalidated and closed, but sqlite3's close() leaves the connection open, transaction and
    # write lock included, while the interrupted statement is not finalized: until the garbage
    # collector frees its cursor, every writer waits and fails after busy_timeout. A ROLLBACK
    # ends the transaction even with that statement pending
    # (tests/integration/test_sqlite_cancel.py).
    driver = getattr(dbapi_connection, "driver_connection", None)
    if driver is None or not in_greenlet():
        return  # the garbage collector's own close: nothing can be awaited here
    try:
        await_(asyncio.shield(driver.rollback()))
    except Exception:  # a closed or broken connection has no transaction left to end
        log.debug("rollback before close failed", exc_info=True)


def create_engine(database_url: str, *, echo: bool = False, immediate: bool = True) -> AsyncEngine:
    """``immediate=False`` keeps SQLite's deferred BEGIN: only for observers that never write
    after reading (test assertions), which must not queue behind, or block, the app."""
    if database_url.startswith("sqlite"):
        engine = create_async_engine(database_url, echo=echo)
        event.listen(engine.sync_engine, "connect", _enable_sqlite_pragmas)
        event.listen(engine.sync_engine.pool, "close", _rollback_before_close)
        if immediate:
            event.listen(engine.sync_engine, "begin", _begin_immediate)
        return engine
    return create_async_engine(database_url, echo=echo, pool_pre_ping=True, pool_size=10)


def create_session_factory(
    engine: AsyncEngine, publisher: Redis | None = None
) -> async_sessionmaker[AsyncSession]:
    """``publisher``: where committed ledger changes are announced to the user's tabs
    (app/credits/balance_events.py reads it from ``Session.info``, copied per session)."""
    # expire_on_commit=False: objects stay readable after commit (templates render them).
    info = {"publisher": publisher} if publisher is not None else None
    return async_sessionmaker(engine, expire_on_commit=False, info=info)


async def release_lock(session: AsyncSession) -> None:
    """End the session's open transaction before slow work: reading a request body, the
    network, password hashing, LLM calls, rendering. On SQLite a transaction holds the one
    write lock from its first statement (_begin_immediate), so another user's write would
    wait behind the slow work and fail after busy_timeout. Objects stay loaded (see
    create_session_factory); pending changes must be committed on purpose, not here."""
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("release_lock() with unsaved changes: commit them first")
    if session.in_transaction():
        await session.commit()


async def lock_owner(session: AsyncSession, user_id: str) -> None:
    """Hold the user's account row until the transaction ends, before counting what the user
    owns against a limit and adding one more: parallel requests of one user then count one
    after another, never all the same number (PostgreSQL: ``SELECT … FOR UPDATE``, and each
    statement after it sees what the previous holder committed; SQLite: its one writer,
    taken at BEGIN IMMEDIATE, serialises them already)."""
    await session.execute(select(User.id).where(User.id == user_id).with_for_update())


@asynccontextmanager
async def session_scope(factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A session that commits on success and rolls back on error."""
    async with factory() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise
