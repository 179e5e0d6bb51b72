"""Cancellation that takes effect promptly, and the time budget, around a generation's work.

The web's Cancel settles the database and asks arq to abort the job (app/tasks/abort.py);
the abort cancels whatever the job awaits (an LLM call, a render, a back-off sleep). When the
abort cannot be delivered (Redis away, a job id arq no longer knows), the task's status is
polled here, so the work stops within ``POLL_SECONDS`` all the same.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Coroutine
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvGenerationTask
from app.db.models.status import GenerationStatus
from jobs.pipeline.runner import TaskCancelled
from jobs.pipeline.together import cancel_and_wait

POLL_SECONDS = 2.0
log = logging.getLogger(__name__)


class Ending(enum.Enum):
    DONE = "done"
    CANCELLED = "cancelled"
    OVER_BUDGET = "over_budget"


async def is_cancelled(sessions: async_sessionmaker[AsyncSession], task_id: str) -> bool:
    try:
        async with sessions() as session:
            status = await session.scalar(
                select(CvGenerationTask.status).where(CvGenerationTask.id == task_id)
            )
    except (SQLAlchemyError, OSError) as exc:  # the database away: the next poll will tell
        log.warning("cannot read the status of task %s: %s", task_id, exc)
        return False
    return status == GenerationStatus.CANCELLED


async def _until_cancelled(sessions: async_sessionmaker[AsyncSession], task_id: str) -> None:
    while True:
        if await is_cancelled(sessions, task_id):
            return
        await asyncio.sleep(POLL_SECONDS)


async def pause(sessions: async_sessionmaker[AsyncSession], task_id: str, seconds: float) -> None:
    """``asyncio.sleep(seconds)`` (a retry's back-off), cut short by a cancel."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while (left := deadline - loop.time()) > 0:
        await asyncio.sleep(min(left, POLL_SECONDS))
        if await is_cancelled(sessions, task_id):
            raise TaskCancelled(task_id)


async def run_watched(
    work: Coroutine[Any, Any, None],
    sessions: async_sessionmaker[AsyncSession],
    task_id: str,
    seconds: float,
) -> Ending:
    """Run ``work`` until it ends, the task is cancelled, or ``seconds`` pass; whatever is
    still running is cancelled and waited for (its sessions close, so no transaction stays
    open). Exceptions of ``work`` other than a cancel propagate."""
    job = asyncio.ensure_future(work)
    watcher = asyncio.ensure_future(_until_cancelled(sessions, task_id))
    try:
        done, _ = await asyncio.wait(
            {job, watcher}, timeout=max(0.0, seconds), return_when=asyncio.FIRST_COMPLETED
        )
    finally:  # even when this is cancelled again meanwhile (jobs/pipeline/together.py)
        await cancel_and_wait((job, watcher))
    if job in done:
        try:
            job.result()
        except TaskCancelled:
            return Ending.CANCELLED
        return Ending.DONE
    return Ending.CANCELLED if watcher in done else Ending.OVER_BUDGET
