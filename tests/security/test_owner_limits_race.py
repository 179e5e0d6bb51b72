"""Per-user limits hold under parallel requests, on SQLite and PostgreSQL: counting the rows and
inserting one happen under a lock on the owner's account row (app/db/session.py lock_owner), so
requests arriving together cannot all count the same number and all insert."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models.job_search import SavedSearch
from app.domain.inbox.searches import MAX_SEARCHES
from tests.fixtures.live import browser

PARALLEL = 70


async def test_parallel_creates_never_pass_the_saved_search_limit(
    backend: str, live_server: str, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    http = await browser(live_server, "racer@example.com")
    headers = {"x-csrftoken": http.cookies["csrftoken"]}
    http.timeout = httpx.Timeout(120)

    async def create(i: int) -> httpx.Response:
        body = {"name": f"Search {i}", "sources": [f"https://jobs{i}.example.com/rss"]}
        return await http.post("/api/searches", json={**body, "active": False}, headers=headers)

    try:
        answers = await asyncio.gather(*(create(i) for i in range(PARALLEL)))
    finally:
        await http.aclose()
    codes = Counter(a.status_code for a in answers)
    assert codes[201] == MAX_SEARCHES, codes
    refused = [a.json()["error"] for a in answers if a.status_code != 201]
    assert set(refused) == {"search.too_many"}, codes
    async with session_factory() as db:
        stored = await db.scalar(select(func.count()).select_from(SavedSearch))
    assert stored == MAX_SEARCHES
