"""The clients of a test that runs the in-loop worker never freeze it mid-transaction.

The ``worker`` fixture runs arq in the test's event loop. The in-process ``AsyncTestClient``
(``client``, ``another_client``) blocks that loop until its answer is complete, so a worker
transaction open at that moment (its 10 s recovery sweep, a job's last write) stayed open: the
app's next write waited SQLite's whole busy_timeout and answered 500 "database is locked", as a
second user's sign-up once did right after a generation (test_generation_pages.py). Such tests
use the live server's clients instead (``api``, ``another_browser``), and the ``worker`` fixture
refuses the in-process ones (tests/fixtures/live.py).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import text

from app.config import Settings
from app.db.session import create_engine, create_session_factory
from tests.conftest import register
from tests.fixtures.live import refuse_in_process_clients


async def test_a_second_browser_signs_up_while_the_loop_holds_the_write_lock(
    another_browser: Any, settings: Settings, session_factory: Any
) -> None:
    """A coroutine of the test's loop, as the worker's are, holds the write lock across an
    await while the second browser signs up: the sign-up waits for it, then goes through. (An
    in-process client would keep the holder from ever reaching its commit: 500 after 15 s.)"""
    engine = create_engine(settings.database_url)  # the app's: BEGIN IMMEDIATE
    sessions = create_session_factory(engine)
    holding = asyncio.Event()

    async def hold_the_lock() -> None:
        async with sessions() as session:
            await session.execute(text("SELECT 1"))  # the write lock is taken at BEGIN
            holding.set()
            await asyncio.sleep(0.3)  # a worker's await inside its transaction (Redis, a query)
            await session.commit()

    holder = asyncio.create_task(hold_the_lock())
    try:
        await holding.wait()
        async with another_browser() as other:
            user = await register(other, "while-held@example.com")
        assert user["email"] == "while-held@example.com"
        assert holder.done()  # the sign-up's write went through after the holder's commit
    finally:
        await holder
        await engine.dispose()


def test_the_worker_fixture_refuses_an_in_process_client() -> None:
    for names in ({"worker", "client"}, {"worker", "api", "another_client"}):
        with pytest.raises(pytest.fail.Exception, match="blocks"):
            refuse_in_process_clients(names)
    refuse_in_process_clients({"worker", "api", "another_browser", "db"})
