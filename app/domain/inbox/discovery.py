"""Start discovery work in the worker: a search's run ("Run now", or the scheduler) and the
page fetch of a bookmarklet item sent without its text. The web process never fetches: it
creates the task and enqueues the job by name (jobs/discovery/).

Also which searches are due (the worker's scheduler calls ``claim_due_searches`` every minute).
"""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings, get_settings
from app.db.models import BackgroundTask, User
from app.db.models.base import utcnow
from app.db.models.job_search import InboxItem, SavedSearch
from app.db.models.status import OPEN, TaskStatus
from app.job_names import Job, enqueue
from app.lib.dependencies import TaskQueue
from app.lib.i18n import N_
from app.tasks.lifecycle import create_task, reserve, save_and_publish

log = logging.getLogger(__name__)
SEARCH_RUN_TYPE = "search_run"
RUN_JOB = Job.RUN_SEARCH
PAGE_FETCH_TYPE = "inbox_page_fetch"
PAGE_FETCH_JOB = Job.FETCH_INBOX_PAGE
JITTER = 0.10  # ± this share of the interval, so searches made together do not run together
QUEUE_DOWN = N_("The job queue is unavailable; try again in a moment.")


def run_job_id(search_id: str, task_id: str | None, at: datetime | None = None) -> str:
    """One arq job per run: a manual run is named by its task, a scheduled one by its minute."""
    tail = task_id or (at or utcnow()).strftime("%Y%m%d%H%M")
    return f"{RUN_JOB}:{search_id}:{tail}"


async def _start(
    session: AsyncSession,
    queue: TaskQueue,
    user: User,
    settings: Settings | None,
    task_type: str,
    title: str,
    job: Job,
    job_id: str,
    row: dict[str, str],
    args: tuple[str, ...],
) -> BackgroundTask:
    settings = settings or get_settings()
    task = await create_task(
        session,
        user.id,
        task_type,
        title,
        cap=settings.background_tasks_per_user,
        progress={"step": "queued", "percent": 0, **row},
    )
    task.job_id = f"{job_id}:{task.id}"
    await reserve(session, task, {**row, "taskId": task.id})
    await session.commit()
    try:
        await enqueue(queue.arq, job, *args, task.id, _job_id=task.job_id)
    except Exception:
        log.exception("Could not enqueue %s for %s", job, row)
        await save_and_publish(
            session, queue.redis, task, status=TaskStatus.FAILED, error=QUEUE_DOWN
        )
        return task
    await save_and_publish(session, queue.redis, task)
    return task


async def start_search_run(
    session: AsyncSession,
    queue: TaskQueue,
    user: User,
    search: SavedSearch,
    *,
    settings: Settings | None = None,
) -> BackgroundTask:
    """ "Run now": a task in the task centre, and the worker's run of every source."""
    return await _start(
        session,
        queue,
        user,
        settings,
        SEARCH_RUN_TYPE,
        f"Search: {search.name or search.id[:8]}",
        RUN_JOB,
        f"{RUN_JOB}:{search.id}",
        {"searchId": search.id},
        (search.id,),
    )


async def start_page_fetch(
    session: AsyncSession,
    queue: TaskQueue,
    user: User,
    item: InboxItem,
    *,
    settings: Settings | None = None,
) -> BackgroundTask:
    """The bookmarklet's item without text: the worker fetches its page and fills it."""
    return await _start(
        session,
        queue,
        user,
        settings,
        PAGE_FETCH_TYPE,
        f"Page: {item.title or item.url}"[:300],
        PAGE_FETCH_JOB,
        f"{PAGE_FETCH_JOB}:{item.id}",
        {"itemId": item.id},
        (item.id,),
    )


async def run_in_progress(session: AsyncSession, user_id: str, search_id: str) -> bool:
    """Whether a "Check now" of this search is queued or running: its page then refreshes the
    fetch log until it ends. A user has few open tasks; the search is in each one's progress."""
    tasks = await session.scalars(
        select(BackgroundTask).where(
            BackgroundTask.user_id == user_id,
            BackgroundTask.type == SEARCH_RUN_TYPE,
            BackgroundTask.status.in_(OPEN),
        )
    )
    return any(task.input_id("searchId") == search_id for task in tasks)


def next_run(search: SavedSearch, now: datetime, rng: random.Random | None = None) -> datetime:
    minutes = max(int(search.interval_minutes or 60), 5)
    spread = (rng or random).uniform(-JITTER, JITTER)
    return now + timedelta(minutes=minutes * (1 + spread))


async def claim_due_searches(
    session: AsyncSession, now: datetime | None = None, limit: int = 100
) -> list[tuple[str, str]]:
    """(search id, user id) of the active searches due now, each moved to its next run in the
    same commit. The move is conditional on the old ``next_run_at``: a second scheduler that
    read the same row claims nothing."""
    now = now or utcnow()
    due = list(
        await session.scalars(
            select(SavedSearch)
            .where(
                SavedSearch.active.is_(True),
                or_(SavedSearch.next_run_at.is_(None), SavedSearch.next_run_at <= now),
            )
            .order_by(SavedSearch.next_run_at.is_not(None), SavedSearch.next_run_at)
            .limit(limit)
        )
    )
    claimed = []
    for search in due:
        previous = search.next_run_at
        condition = (
            SavedSearch.next_run_at.is_(None)
            if previous is None
            else SavedSearch.next_run_at == previous
        )
        result = await session.execute(
            update(SavedSearch)
            .where(SavedSearch.id == search.id, condition)
            .values(next_run_at=next_run(search, now))
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            claimed.append((search.id, search.user_id))
    await session.commit()
    return claimed
