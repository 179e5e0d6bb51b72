"""On SQLite, pages (GET) answer while another process holds the write lock.

Every write transaction takes SQLite's single write lock (BEGIN IMMEDIATE); under load the
worker's jobs queue for it. Pages only read, so they must not queue too: with 50 generations
running, their p95 went from ~640 ms to < 100 ms once GETs stopped taking it
(bench/load_bench.py). Here the lock is simply held for the whole test: a GET that wanted it
would wait for the 15 s busy timeout and fail.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import text

from app.config import Settings
from app.db.session import create_engine

PAGES = ("/", "/offers", "/cvs", "/generations", "/api/cvs", "/api/background-tasks")


async def test_pages_answer_while_the_write_lock_is_held(api: Any, settings: Settings) -> None:
    answer = await api.post(
        "/api/auth/register", json={"email": "reader@example.com", "password": "correct horse"}
    )
    assert answer.status_code == 201, answer.text
    writer = create_engine(settings.database_url)  # BEGIN IMMEDIATE, like the worker
    try:
        async with writer.connect() as conn:
            await conn.begin()
            await conn.execute(text("UPDATE user_account SET display_name = 'busy'"))
            for page in PAGES:
                # A GET that wanted the lock would wait the 15 s busy timeout and fail: each
                # gets 12 s, room for a busy machine and still short of that.
                async with asyncio.timeout(12):
                    response = await api.get(page)
                assert response.status_code == 200, (page, response.text[:300])
            await conn.rollback()
    finally:
        await writer.dispose()


async def test_writes_still_wait_for_the_lock_and_succeed(api: Any, settings: Settings) -> None:
    """A POST keeps BEGIN IMMEDIATE: it waits for the lock, then commits (no 'locked' error)."""
    writer = create_engine(settings.database_url)
    try:
        async with writer.connect() as conn:
            await conn.begin()
            await conn.execute(text("SELECT 1"))
            register = asyncio.create_task(
                api.post(
                    "/api/auth/register",
                    json={"email": "writer@example.com", "password": "correct horse"},
                )
            )
            await asyncio.sleep(0.5)
            assert not register.done()  # queued behind our lock
            await conn.rollback()
        answer = await asyncio.wait_for(register, 20)
        assert answer.status_code == 201, answer.text
    finally:
        await writer.dispose()
