"""A saved search's run: every source fetched (conditionally, politely), its new entries read
like URL offers and filed in the inbox (app/domain/inbox/intake.py), each source's fetch log
written, and ``job:discovered`` published when new pending offers arrived.

Started by the scheduler (no task: an hourly run per search would push the user's real tasks
out of the task centre) or by "Run now" (a ``search_run`` task, claimed before each write so a
cancel sticks). One run per search at a time (a Redis lock).

One user's runs share one budget of concurrent runs and of fetching time (fairness.py), so a
user with many searches cannot starve the others.

Discovery must not delay generations on the same worker (bench/DISCOVERY.md measures it):
- at most ``RUNS_PER_WORKER`` runs at once per worker; a run that finds them taken goes back
  to the queue (arq ``Retry`` with a jittered delay) rather than wait inside a job slot, so
  queued runs never fill ``max_jobs`` ahead of a generation;
- per source, three short transactions instead of three per offer: one read of what the user
  already has, then the pages fetched with no transaction open, then every new item filed and
  the fetch log written in one commit (a SAVEPOINT per item keeps a concurrent run's insert of
  the same offer a plain duplicate). On SQLite each transaction takes the one write lock;
- the CPU-bound parts (feed parsing, page extraction, scoring against the CV) run in threads
  (fetching.py, ``assess``), not on the event loop.
"""

from __future__ import annotations

import asyncio
import logging
import random
import secrets
from typing import Any

from arq import Retry
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.base import utcnow
from app.db.models.job_search import FeedSource, InboxStatus, SavedSearch
from app.db.models.status import FINISHED, TaskStatus
from app.domain.cvs.services import list_cvs
from app.domain.inbox.intake import (
    Assessment,
    Candidate,
    assess,
    canonical_url,
    content_hash,
    file_item,
    known_keys,
)
from app.domain.inbox.scoring import SearchCriteria
from app.domain.inbox.search_run_kind import INPUT_GONE
from app.events import JOB_DISCOVERED, job_discovered
from app.lib.cv_content import CvContent
from app.lib.events import publish_event
from app.lib.feeds import FeedEntry
from app.lib.redis_lock import release
from app.lib.url_fetch import TIMEOUT_S, FetchPolicy
from app.settings.service import get_setting
from app.tasks.lifecycle import TaskSettled, save_and_publish
from jobs.discovery import fairness
from jobs.discovery.fetching import FeedOutcome, fetch_offer, fetch_source
from jobs.discovery.politeness import HOST_DELAY_S
from jobs.task_job import claim_or_stop, complete, progress

log = logging.getLogger(__name__)
MAX_NEW_PER_SOURCE = 30  # offer pages read per source and run; the rest waits for the next run
RUN_LOCK_S = 900
RUNS_PER_WORKER = 2  # search runs at once on one worker (ctx "discovery_runs_per_worker")
BUSY_DEFER_S = (5.0, 20.0)  # a run that finds them taken is re-queued after this long
# arq counts each re-queue as a try: enough for ~25 min of waiting for a slot, or for the
# user's own run lease (fairness.py: one user's runs go one at a time; a user's hour of fetching
# is 10 min by default, and runs past it end at once) (jobs/worker.py).
RUN_MAX_TRIES = 120


def options(ctx: dict[str, Any]) -> tuple[float, float]:
    """(pause between requests to one host, fetch timeout): tests and the bench set them."""
    return (
        float(ctx.get("discovery_host_delay_s", HOST_DELAY_S)),
        float(ctx.get("discovery_timeout_s", TIMEOUT_S)),
    )


async def user_cv(db: AsyncSession, user_id: str) -> CvContent | None:
    """The user's most recent imported source CV, to score offers against; None without one."""
    for cv in await list_cvs(db, user_id, "source"):
        if cv.extraction_status == "completed" and cv.content:
            return CvContent.from_json(cv.content)
    return None


def _slots(ctx: dict[str, Any]) -> asyncio.Semaphore:
    """This worker's search-run slots (the ctx lives as long as the worker and its loop)."""
    slots = ctx.get("discovery_slots")
    if slots is None:
        slots = asyncio.Semaphore(int(ctx.get("discovery_runs_per_worker", RUNS_PER_WORKER)))
        ctx["discovery_slots"] = slots
    return slots


def _busy(ctx: dict[str, Any]) -> Retry:
    return Retry(defer=random.uniform(*ctx.get("discovery_busy_defer_s", BUSY_DEFER_S)))


async def run_search(
    ctx: dict[str, Any], search_id: str, task_id: str | None = None
) -> dict[str, Any]:
    async with ctx["session_factory"]() as db:
        owner = await db.scalar(select(SavedSearch.user_id).where(SavedSearch.id == search_id))
    if owner is None:  # deleted: the run says so (and ends its task)
        return await _in_slot(ctx, search_id, task_id)
    # The user's own budget first (fairness.py): a user whose runs are all taken leaves the
    # worker's slots to the other users' runs.
    async with fairness.user_run(ctx["redis"], owner, fairness.budget(ctx)[0]) as taken:
        if not taken:
            raise _busy(ctx)
        return await _in_slot(ctx, search_id, task_id)


async def _in_slot(ctx: dict[str, Any], search_id: str, task_id: str | None) -> dict[str, Any]:
    slots = _slots(ctx)
    if slots.locked():  # no await between this check and the acquire: it cannot block
        raise _busy(ctx)
    async with slots:
        return await _run_locked(ctx, search_id, task_id)


async def _run_locked(ctx: dict[str, Any], search_id: str, task_id: str | None) -> dict[str, Any]:
    redis = ctx["redis"]
    lock, token = f"cvtailor:discovery:search:{search_id}", secrets.token_hex(16)
    if not await redis.set(lock, token, nx=True, ex=RUN_LOCK_S):
        async with ctx["session_factory"]() as db:
            await _end_task(db, redis, task_id, {"searchId": search_id, "skipped": "running"})
        return {"searchId": search_id, "skipped": "running"}
    try:
        async with ctx["session_factory"]() as db:
            try:
                return await _run(ctx, db, search_id, task_id)
            except TaskSettled:
                log.info("Search run task %s was cancelled", task_id)
                return {"searchId": search_id, "skipped": "settled"}
    finally:
        await release(redis, lock, token)


async def _task(db: AsyncSession, task_id: str | None) -> BackgroundTask | None:
    task = await db.get(BackgroundTask, task_id) if task_id else None
    if task is not None and task.status in FINISHED:
        raise TaskSettled(task.id)
    return task


async def _end_task(
    db: AsyncSession, redis: Any, task_id: str | None, summary: dict[str, Any]
) -> None:
    task = await db.get(BackgroundTask, task_id) if task_id else None
    if task is not None and task.status not in FINISHED:
        await claim_or_stop(db, task)
        await complete(db, redis, task, summary)


async def _run(
    ctx: dict[str, Any], db: AsyncSession, search_id: str, task_id: str | None
) -> dict[str, Any]:
    redis = ctx["redis"]
    task = await _task(db, task_id)
    search = await db.get(SavedSearch, search_id)
    if search is None:
        if task is not None:
            await claim_or_stop(db, task)
            await save_and_publish(db, redis, task, status=TaskStatus.FAILED, error=INPUT_GONE)
        return {"searchId": search_id, "skipped": "deleted"}
    sources = list(
        await db.scalars(
            select(FeedSource)
            .where(FeedSource.search_id == search_id)
            .order_by(FeedSource.created_at)
        )
    )
    allow_private = await get_setting(db, "allow_private_offer_urls", "false") == "true"
    cv = await user_cv(db, search.user_id)
    await db.commit()  # nothing held while fetching
    policy = FetchPolicy(allow_private=allow_private)
    delay_s, timeout_s = options(ctx)
    totals: dict[str, Any] = {
        "searchId": search_id,
        "sources": len(sources),
        "found": 0,
        "new": 0,
        "pending": 0,
    }
    per_hour = fairness.budget(ctx)[1]
    loop = asyncio.get_running_loop()
    for index, source in enumerate(sources):
        if await fairness.seconds_left(redis, search.user_id, per_hour) <= 0:
            # The user's hour of fetching is used up: the other sources wait for a later run.
            totals["deferred"] = len(sources) - index
            break
        if task is not None:
            percent = 5 + int(90 * index / max(len(sources), 1))
            await progress(db, redis, task, "fetching", percent, searchId=search_id)
        started = loop.time()
        outcome = await fetch_source(redis, source, policy, delay_s=delay_s, timeout_s=timeout_s)
        prepared = await _prepare(ctx, db, search, outcome, cv, allow_private, delay_s)
        await fairness.charge(redis, search.user_id, loop.time() - started)
        if task is not None:
            await claim_or_stop(db, task)
        new, pending = await _file(db, search, source, prepared)
        _log_fetch(source, outcome, new)
        await db.commit()  # the source's items and its fetch log: one write
        totals["found"] += len(outcome.feed.entries) if outcome.feed else 0
        totals["new"] += new
        totals["pending"] += pending
    if task is not None:
        await claim_or_stop(db, task)
    search.last_run_at = utcnow()
    await db.commit()
    if task is not None:
        await complete(db, redis, task, totals)
    if totals["pending"]:
        payload = job_discovered(search_id, totals["pending"])
        await publish_event(redis, search.user_id, JOB_DISCOVERED, payload)
    return totals


def _log_fetch(source: FeedSource, outcome: FeedOutcome, new: int) -> None:
    source.last_fetched_at = utcnow()
    source.last_status = outcome.status
    source.last_error = outcome.error
    source.last_error_params = outcome.error_params
    if outcome.status != "error":
        source.etag = outcome.etag or (source.etag if outcome.status == "not_modified" else None)
        source.last_modified = outcome.last_modified or (
            source.last_modified if outcome.status == "not_modified" else None
        )
    if outcome.feed is not None:
        source.content_fetched_at = source.last_fetched_at
        source.kind = outcome.feed.kind or source.kind
        source.items_found = len(outcome.feed.entries)
    elif outcome.status != "not_modified":
        source.items_found = 0
    source.new_items = new


async def _prepare(
    ctx: dict[str, Any],
    db: AsyncSession,
    search: SavedSearch,
    outcome: FeedOutcome,
    cv: CvContent | None,
    allow_private: bool,
    delay_s: float,
) -> list[tuple[Candidate, Assessment]]:
    """The source's new entries, each read (its page) and assessed, with no transaction open
    while fetching. Known offers are skipped before their page is fetched."""
    if outcome.feed is None:
        return []
    quick = [(entry, _candidate(entry)) for entry in outcome.feed.entries]
    keys = [(canonical_url(e.url), content_hash(c)) for e, c in quick]
    urls, hashes = await known_keys(db, search.user_id, {u for u, _ in keys}, {h for _, h in keys})
    await db.commit()  # end the read before the first fetch
    fresh = [
        e for (e, _), (u, h) in zip(quick, keys, strict=True) if u not in urls and h not in hashes
    ]
    criteria = SearchCriteria.of(search)
    flags = tuple(str(f) for f in (search.red_flags or []))
    prepared = []
    for entry in fresh[:MAX_NEW_PER_SOURCE]:
        page = await fetch_offer(
            ctx["redis"], entry.url, allow_private=allow_private, delay_s=delay_s
        )
        candidate = _candidate(entry, page)
        assessment = await asyncio.to_thread(assess, candidate, criteria, flags, cv)
        prepared.append((candidate, assessment))
    return prepared


async def _file(
    db: AsyncSession,
    search: SavedSearch,
    source: FeedSource,
    prepared: list[tuple[Candidate, Assessment]],
) -> tuple[int, int]:
    """(new items filed, of which pending), in the caller's transaction (committed with the
    source's fetch log). Nothing slow happens here: the pages are read, the scores computed."""
    new = pending = 0
    for candidate, assessment in prepared:
        item = await file_item(
            db,
            search.user_id,
            candidate,
            search=search,
            source=source,
            origin="feed",
            assessment=assessment,
        )
        if item is not None:
            new += 1
            pending += item.status == InboxStatus.PENDING
    return new, pending


def _candidate(entry: FeedEntry, page: Any = None) -> Candidate:
    """The feed's entry, completed by its page when it could be read (the page's JSON-LD
    fields over the feed's, the page's text over the feed's summary)."""
    fields = page.prefill if page is not None else None
    return Candidate(
        url=entry.url,
        title=(fields.title if fields and fields.title else entry.title),
        company=(fields.company if fields and fields.company else entry.company),
        location=(fields.location if fields and fields.location else entry.location),
        text=page.text if page is not None else entry.summary,
        summary=entry.summary,
        published_at=entry.published_at,
        remote=None,
    )
