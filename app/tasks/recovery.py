"""Recovering the tasks whose arq job Redis lost, for every kind that declares a recovery
(app/tasks/registry.py): the worker's sweep (jobs/recovery.py) runs this beside its own
recovery of generations.

A task ``queued`` whose job is gone, or ``running`` with no job and no progress for longer than
any job may run, is re-enqueued (an import keeps its concurrency slot: it is still running).
One whose input is gone cannot run again: its kind ends it failed, with the reason, refunded,
and its slot freed.
"""

from __future__ import annotations

import logging

from arq import ArqRedis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import BackgroundTask
from app.db.models.base import now_ms
from app.db.models.status import OPEN, TaskStatus
from app.lib.events import publish_event
from app.tasks.lifecycle import save_and_publish
from app.tasks.queue import job_exists, requeue
from app.tasks.registry import Recovery, recoverable

log = logging.getLogger(__name__)


async def _fail_lost(
    session: AsyncSession, redis: ArqRedis, task: BackgroundTask, recovery: Recovery
) -> bool:
    """The input is gone: the kind ends the task failed. False, with nothing written, when it
    was settled meanwhile (e.g. cancelled)."""
    ended = await recovery.fail_lost(session, task)
    if ended is None:
        return False
    await save_and_publish(session, redis, task)
    for name, payload in ended.events:
        await publish_event(redis, task.user_id, name, payload)
    return True


async def recover_lost_tasks(
    sessions: async_sessionmaker[AsyncSession], redis: ArqRedis, job_timeout_seconds: int
) -> int:
    """Re-enqueue the open tasks whose job Redis lost; fail those whose input is gone.
    Returns how many tasks were acted on."""
    # No job may run longer than job_timeout: past it, a running task without a job is lost.
    silent_ms = (job_timeout_seconds + 10) * 1000
    acted = 0
    kinds = recoverable()
    async with sessions() as session:
        tasks = list(
            await session.scalars(
                select(BackgroundTask).where(
                    BackgroundTask.type.in_(tuple(kinds)),
                    BackgroundTask.status.in_(OPEN),
                )
            )
        )
        await session.commit()  # SQLite: do not hold the write lock while talking to Redis
        for task in tasks:
            if not task.job_id or await job_exists(redis, task.job_id):
                continue
            if task.status == TaskStatus.RUNNING and now_ms() - task.updated_at < silent_ms:
                continue  # its job may still be running although Redis forgot it
            recovery = kinds[task.type]
            lost = await recovery.find_input(session, task)
            if lost.job_args is not None:
                enqueued = await requeue(redis, recovery.job, task.job_id, *lost.job_args)
                await session.commit()
                if not enqueued:
                    continue
                log.warning("re-enqueued %s task %s (its job was lost)", task.type, task.id)
            else:
                if not await _fail_lost(session, redis, task, recovery):
                    await session.commit()  # settled meanwhile (e.g. cancelled): leave it
                    continue
                log.warning("%s task %s failed: its input is gone", task.type, task.id)
            acted += 1
    return acted
