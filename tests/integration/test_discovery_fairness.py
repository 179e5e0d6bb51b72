"""One user's saved searches share one budget (jobs/discovery/fairness.py): with many searches
queued at once, that user never has more runs going than the budget, and another user's
searches run alongside instead of waiting behind them all. Read from the feed servers' own
record of each request's start and end (order and overlap only, no durations asserted).

Each search's feed is on its own loopback address (127.0.0.x), so the per-host politeness
(one request at a time per host) does not serialise the runs by itself.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest
from arq import create_pool
from arq.worker import Worker
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import User
from app.db.models.job_search import FeedSource, SavedSearch
from app.domain.inbox.discovery import RUN_JOB
from app.lib.redis import arq_settings
from app.settings.service import update_setting
from jobs.discovery.run import run_search
from jobs.discovery.scheduler import round_robin

ANSWER_S = 0.3  # each feed takes at least this long, so runs that overlap are seen to


class Recorder:
    """Feed servers on several loopback addresses; every request's (label, start, end)."""

    def __init__(self) -> None:
        self.spans: list[tuple[str, float, float]] = []
        self._servers: list[asyncio.Server] = []

    async def feed(self, host: str, label: str) -> str:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            with contextlib.suppress(ConnectionError):
                target = (await reader.readline()).decode("latin-1").split(" ")[1]
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass
                if not target.endswith(".rss"):  # an entry's page: none (its summary is filed)
                    writer.write(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n")
                    await writer.drain()
                    writer.close()
                    return
                start = asyncio.get_running_loop().time()
                await asyncio.sleep(ANSWER_S)
                body = (
                    '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                    f"<item><title>Python developer {label}</title>"
                    f"<link>http://{host}:{port}/none/{label}</link>"
                    f"<description>Python developer {label}, Lyon.</description></item>"
                    "</channel></rss>"
                ).encode()
                head = b"HTTP/1.1 200 OK\r\ncontent-type: application/rss+xml\r\n"
                head += f"content-length: {len(body)}\r\n\r\n".encode()
                writer.write(head + body)
                await writer.drain()
                self.spans.append((label, start, asyncio.get_running_loop().time()))
            writer.close()

        server = await asyncio.start_server(handle, host, 0)
        port = server.sockets[0].getsockname()[1]
        self._servers.append(server)
        return f"http://{host}:{port}/{label}.rss"

    def close(self) -> None:
        for server in self._servers:
            server.close()

    def of(self, user: str) -> list[tuple[str, float, float]]:
        return sorted((s for s in self.spans if s[0].startswith(user)), key=lambda s: s[1])


def most_at_once(spans: list[tuple[str, float, float]]) -> int:
    edges = sorted([(start, 1) for _, start, _ in spans] + [(end, -1) for _, _, end in spans])
    running = peak = 0
    for _, step in edges:  # at equal times an end (-1) sorts first: touching is not overlap
        running += step
        peak = max(peak, running)
    return peak


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, discovery_runs_per_user=1, discovery_seconds_per_user_hour=0)


@pytest.fixture
async def recorder() -> AsyncIterator[Recorder]:
    feeds = Recorder()
    yield feeds
    feeds.close()


async def user_with_searches(
    db: AsyncSession, email: str, urls: list[list[str]]
) -> tuple[str, list[str]]:
    user = User(email=email, password_hash="x")
    db.add(user)
    await db.flush()
    ids = []
    for sources in urls:
        search = SavedSearch(user_id=user.id, name="Python", keywords=["python"])
        db.add(search)
        await db.flush()
        db.add_all(FeedSource(search_id=search.id, url=url) for url in sources)
        ids.append(search.id)
    await db.commit()
    return user.id, ids


async def test_one_users_many_searches_do_not_starve_another_user(
    db: AsyncSession,
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
    recorder: Recorder,
) -> None:
    await update_setting(db, "allow_private_offer_urls", "true")
    await db.commit()
    worker.ctx["discovery_host_delay_s"] = 0.0
    worker.ctx["discovery_timeout_s"] = 5.0
    worker.ctx["discovery_busy_defer_s"] = (0.05, 0.2)
    many = [[await recorder.feed(f"127.0.0.{10 + n}", f"a{n}")] for n in range(5)]
    few = [[await recorder.feed(f"127.0.0.{20 + n}", f"b{n}")] for n in range(2)]
    _, busy_searches = await user_with_searches(db, "busy@example.com", many)
    _, other_searches = await user_with_searches(db, "other@example.com", few)

    queue = await create_pool(arq_settings(settings.effective_redis_url))
    try:
        # The busy user's runs all queued first ("Run now" on each, or one scheduler tick).
        for search_id in busy_searches + other_searches:
            await queue.enqueue_job(RUN_JOB, search_id, None, _job_id=f"fair:{search_id}")
        everyone = set(busy_searches + other_searches)
        async with asyncio.timeout(90):
            while True:
                async with session_factory() as check:
                    done = set(
                        await check.scalars(
                            select(SavedSearch.id).where(SavedSearch.last_run_at.is_not(None))
                        )
                    )
                if done >= everyone:
                    break
                await asyncio.sleep(0.1)
    finally:
        await queue.aclose()

    busy, other = recorder.of("a"), recorder.of("b")
    # Every feed read (a search may run twice: the worker's scheduler also finds it due).
    assert {name for name, *_ in busy} == {f"a{n}" for n in range(5)}, recorder.spans
    assert {name for name, *_ in other} == {"b0", "b1"}, recorder.spans
    assert most_at_once(busy) == 1, f"the busy user had runs going at once: {busy}"
    assert most_at_once(other) == 1
    # The other user did not wait for all of the busy user's runs: its first feed was read
    # before the busy user's last one started.
    assert other[0][1] < busy[-1][1], (busy, other)


async def test_a_users_hour_of_fetching_stops_a_run_before_its_next_source(
    db: AsyncSession,
    redis: Redis,
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    recorder: Recorder,
) -> None:
    """A budget of 1 s and feeds that take at least 0.3 s each: at least 1.2 s is spent after
    four sources, so a fifth never starts, whatever the machine's speed."""
    await update_setting(db, "allow_private_offer_urls", "true")
    await db.commit()
    urls = [await recorder.feed(f"127.0.0.{30 + n}", f"c{n}") for n in range(8)]
    _, (search_id,) = await user_with_searches(db, "hungry@example.com", [urls])
    ctx: dict[str, Any] = {
        "redis": redis,
        "session_factory": session_factory,
        "settings": replace(settings, discovery_seconds_per_user_hour=1),
        "discovery_host_delay_s": 0.0,
        "discovery_timeout_s": 5.0,
    }
    first = await run_search(ctx, search_id)
    fetched = len(recorder.spans)
    assert 1 <= fetched <= 4, recorder.spans
    assert first["deferred"] == 8 - fetched
    # Spent: the next run (the scheduler's, an hour later) reads nothing now.
    again = await run_search(ctx, search_id)
    assert again["deferred"] == 8 and len(recorder.spans) == fetched
    # Another user has a budget of their own.
    _, (theirs,) = await user_with_searches(db, "light@example.com", [[urls[-1]]])
    assert (await run_search(ctx, theirs)).get("deferred") is None


def test_the_scheduler_queues_due_searches_user_by_user() -> None:
    due = [("a1", "A"), ("a2", "A"), ("a3", "A"), ("b1", "B"), ("c1", "C"), ("b2", "B")]
    assert [s for s, _ in round_robin(due)] == ["a1", "b1", "c1", "a2", "b2", "a3"]
