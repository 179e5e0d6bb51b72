"""Discovery as task-centre tasks, through the real arq worker (tests/conftest.py ``worker``)
and loopback servers: "Run now" completes with its progress and result and files the items; a
cancel from the task centre (app/tasks/actions.py) stops a running search run, which ends
cancelled; the bookmarklet's page fetch fills the item's text.

The web side's calls (``start_search_run``, ``start_page_fetch``) are made as a route makes
them, with a ``TaskQueue`` on the test Redis; the worker runs in this event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from arq import Retry, create_pool
from arq.jobs import Job, JobStatus
from arq.worker import Worker
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import BackgroundTask, User
from app.db.models.base import utcnow
from app.db.models.job_search import FeedSource, InboxItem, SavedSearch
from app.domain.inbox.discovery import start_page_fetch, start_search_run
from app.domain.inbox.intake import Candidate, file_item
from app.domain.inbox.search_run_kind import RUN_CANCELLED
from app.lib.dependencies import TaskQueue
from app.lib.redis import arq_settings
from app.tasks.actions import cancel_background_task
from jobs.discovery.run import BUSY_DEFER_S, _slots, run_search
from tests.integration.test_discovery import (
    FeedServer,
    add_offers,
    allow_private,
    atom,
    ctx_for,
    items,
    rss,
)


class GatedFeedServer(FeedServer):
    """A FeedServer whose ``/gate.rss`` answers only once the test opens ``gate``: a run is
    then certainly in flight (it has asked for the feed) when the test cancels it."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = asyncio.Event()

    async def _respond(self, writer: asyncio.StreamWriter, target: str, headers: Any) -> None:
        if target.startswith("/gate.rss"):
            await self.gate.wait()
        await super()._respond(writer, target, headers)


@pytest.fixture
async def server() -> AsyncIterator[GatedFeedServer]:
    feed_server = GatedFeedServer()
    async with feed_server:
        yield feed_server
        feed_server.gate.set()


@pytest.fixture
async def queue(settings: Settings) -> AsyncIterator[TaskQueue]:
    pool = await create_pool(arq_settings(settings.effective_redis_url))
    yield TaskQueue(redis=pool, arq=pool)
    await pool.aclose()


async def make_user_and_search(
    db: AsyncSession, email: str, urls: list[str]
) -> tuple[User, SavedSearch]:
    user = User(email=email, password_hash="x")
    db.add(user)
    await db.flush()
    # Its automatic run is not due: the worker's every-minute scheduler (jobs/discovery/
    # scheduler.py) would otherwise run it too, and file the items before "Run now" does.
    search = SavedSearch(
        user_id=user.id,
        name="Python",
        keywords=["python"],
        next_run_at=utcnow() + timedelta(days=1),
    )
    db.add(search)
    await db.flush()
    for url in urls:
        db.add(FeedSource(search_id=search.id, url=url))
    await db.commit()
    return user, search


async def task_row(
    factory: async_sessionmaker[AsyncSession], task_id: str
) -> BackgroundTask | None:
    async with factory() as session:
        task = await session.get(BackgroundTask, task_id)
        session.expunge_all()
        await session.rollback()
        return task


async def wait_task(
    factory: async_sessionmaker[AsyncSession], task_id: str, statuses: set[str]
) -> BackgroundTask:
    """Poll the task until it reaches one of ``statuses`` (the bound only keeps a broken run
    from hanging the suite; nothing is asserted about time)."""
    for _ in range(1200):
        task = await task_row(factory, task_id)
        if task is not None and task.status in statuses:
            return task
        await asyncio.sleep(0.05)
    raise AssertionError(f"task {task_id} never reached {statuses}")


async def test_run_now_completes_in_the_task_centre_and_files_the_items(
    db: AsyncSession,
    session_factory: Any,
    settings: Settings,
    queue: TaskQueue,
    worker: Worker,
    server: GatedFeedServer,
) -> None:
    worker.ctx["discovery_host_delay_s"] = 0.0
    await allow_private(db)
    server.routes["/a.rss"] = ("application/rss+xml", rss(server, add_offers(server, 1, 2)), None)
    server.routes["/b.atom"] = (
        "application/atom+xml",
        atom(server, add_offers(server, 3, 1)),
        None,
    )
    user, search = await make_user_and_search(
        db, "runnow@example.com", [f"{server.url}/a.rss", f"{server.url}/b.atom"]
    )
    task = await start_search_run(db, queue, user, search, settings=settings)
    assert task.type == "search_run" and task.progress["searchId"] == search.id
    done = await wait_task(session_factory, task.id, {"completed", "failed", "cancelled"})
    assert done.status == "completed", done.error
    assert done.progress["step"] == "done" and done.progress["percent"] == 100
    assert done.result == {
        "searchId": search.id,
        "sources": 2,
        "found": 3,
        "new": 3,
        "pending": 3,
    }
    filed = await items(db, user.id)
    assert sorted(i.title for i in filed) == [f"Python developer {n}" for n in (1, 2, 3)]
    assert all(i.search_id == search.id and "Acme Logistics" in i.text for i in filed)
    last_run = await db.scalar(select(SavedSearch.last_run_at).where(SavedSearch.id == search.id))
    assert last_run is not None
    await db.rollback()


async def test_cancelling_a_running_search_run_stops_it(
    db: AsyncSession,
    session_factory: Any,
    settings: Settings,
    queue: TaskQueue,
    worker: Worker,
    server: GatedFeedServer,
) -> None:
    worker.ctx["discovery_host_delay_s"] = 0.0
    await allow_private(db)
    server.routes["/gate.rss"] = (
        "application/rss+xml",
        rss(server, add_offers(server, 1, 2)),
        None,
    )
    user, search = await make_user_and_search(db, "cancel@example.com", [f"{server.url}/gate.rss"])
    task = await start_search_run(db, queue, user, search, settings=settings)
    running = await wait_task(session_factory, task.id, {"running", "completed", "failed"})
    assert running.status == "running"
    for _ in range(1200):  # the run is now waiting for the feed's answer
        if "/gate.rss" in server.hits:
            break
        await asyncio.sleep(0.05)
    assert "/gate.rss" in server.hits
    cancelled = await cancel_background_task(db, queue.arq, user, task.id)
    assert cancelled.status == "cancelled"
    server.gate.set()  # the feed answers now: a run still going would file its offers
    job = Job(task.job_id or "", queue.arq)
    for _ in range(1200):
        if await job.status() in (JobStatus.complete, JobStatus.not_found):
            break
        await asyncio.sleep(0.05)
    assert await job.status() in (JobStatus.complete, JobStatus.not_found)
    final = await task_row(session_factory, task.id)
    assert final is not None and final.status == "cancelled" and final.error == RUN_CANCELLED
    assert final.result in (None, {})
    assert await items(db, user.id) == []
    assert not any(hit.startswith("/jobs/") for hit in server.hits)  # no offer page was read


async def test_bookmarklet_page_fetch_fills_the_item_text(
    db: AsyncSession,
    session_factory: Any,
    settings: Settings,
    queue: TaskQueue,
    worker: Worker,
    server: GatedFeedServer,
) -> None:
    worker.ctx["discovery_host_delay_s"] = 0.0
    await allow_private(db)
    [(path, _title)] = add_offers(server, 7, 1)
    user = User(email="bookmarklet@example.com", password_hash="x")
    db.add(user)
    await db.flush()
    sent = Candidate(url=f"{server.url}{path}", title="Python developer 7")
    item = await file_item(db, user.id, sent, search=None, source=None, origin="bookmarklet")
    assert item is not None and item.text == ""
    await db.commit()
    task = await start_page_fetch(db, queue, user, item, settings=settings)
    done = await wait_task(session_factory, task.id, {"completed", "failed", "cancelled"})
    assert done.status == "completed", done.error
    assert done.result == {"itemId": item.id, "filled": True}
    async with session_factory() as session:
        filled = await session.get(InboxItem, item.id)
        assert filled is not None
        assert "Acme Logistics is hiring in Lyon" in filled.text
        assert "Offer number 7" in filled.summary
        assert filled.title == "Python developer 7" and filled.origin == "bookmarklet"
        assert filled.content_hash != item.content_hash  # now the hash of the page's text
        await session.rollback()
    assert server.hits == [path]


async def test_a_run_beyond_the_workers_slots_goes_back_to_the_queue(
    db: AsyncSession, redis: Any, session_factory: Any, server: GatedFeedServer
) -> None:
    """With every search-run slot taken, a run asks arq to re-queue it (its job slot is
    freed for generations) and does nothing; with a slot free it runs."""
    await allow_private(db)
    server.routes["/a.rss"] = ("application/rss+xml", rss(server, add_offers(server, 1, 1)), None)
    user, search = await make_user_and_search(db, "slots@example.com", [f"{server.url}/a.rss"])
    ctx = {**ctx_for(redis, session_factory), "discovery_runs_per_worker": 1}
    slots = _slots(ctx)
    async with slots:
        with pytest.raises(Retry) as busy:
            await run_search(ctx, search.id)
    assert (busy.value.defer_score or 0) / 1000 >= BUSY_DEFER_S[0]
    assert server.hits == [] and await items(db, user.id) == []
    assert (await run_search(ctx, search.id))["new"] == 1
