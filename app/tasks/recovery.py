"""Recovering the tasks whose arq job Redis lost, for every kind that declares a recovery
(app/tasks/registry.py): the worker's sweep (jobs/recovery.py) runs this beside its own
recovery of generations.

A task ``queued`` whose job is gone, or ``running`` with no job and no progress for longer than
any job may run (a job arq's timeout killed ends so), is re-enqueued (an import keeps its
concurrency slot: it is still running). The recovery is recorded on the task before its job is
queued, with the fresh job id it may get (app/tasks/job_ids.py): a cancel then aborts the job
that really runs. One recovered ``max_recoveries`` times already is not queued again: its kind
ends it failed, refunded, with a stored code (a job that always times out or kills its worker
would otherwise hold a worker's slot for ever). One whose input is gone cannot run again: its
kind ends it failed, with the reason, refunded, and its slot freed. One whose job has ended
(its result kept) without ending it, other than by arq's timeout, has nothing left to run it:
its job returned, or failed when even its failure handler could not write (the database locked
under a burst); it is ended at once, failed and refunded as its kind's failure would.
"""

from __future__ import annotations

import logging
from typing import Any

from arq import ArqRedis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import BackgroundTask
from app.db.models.base import now_ms
from app.db.models.status import OPEN, TaskStatus
from app.job_names import Job
from app.lib.events import publish_event
from app.lib.i18n import N_
from app.lib.problems import problem
from app.tasks.job_ids import job_ids_of, recoveries_of, with_recovery
from app.tasks.lifecycle import claim, save_and_publish
from app.tasks.queue import any_job_exists, ended_unsettled, requeue
from app.tasks.registry import Ended, Recovery, recoverable

log = logging.getLogger(__name__)
DEFAULT_MAX_RECOVERIES = 3  # Settings.task_max_recoveries

GAVE_UP = "task_gave_up"
# The task-centre row's error (no values: the page translates the stored text as it is) ...
GAVE_UP_ERROR = N_(
    "Stopped: this task's work was interrupted too many times (the worker restarted or it ran"
    " out of time)."
)
# ... and the stored code with its values (``task.result["failure"]``, app/lib/problems.py).
GAVE_UP_TEMPLATE = N_("Stopped after %(recoveries)s restarts: the work kept being interrupted.")
# A task whose job ended (failed, or returned) without ending it: nothing will (queue.py).
JOB_ENDED = "task_job_ended"
JOB_ENDED_ERROR = N_("Stopped: this task's work broke off in the worker before it was saved.")


async def _publish_end(
    session: AsyncSession,
    redis: ArqRedis,
    task: BackgroundTask,
    ended: Ended | None,
    *,
    error: str | None = None,
    result: dict[str, Any] | None = None,
) -> bool:
    """Commit and publish a task its kind has just ended (with the kernel's ``error`` and
    ``result``, if given); False, nothing written, when it had been settled meanwhile."""
    if ended is None:
        await session.commit()
        return False
    await save_and_publish(session, redis, task, error=error, result=result)
    for name, payload in ended.events:
        await publish_event(redis, task.user_id, name, payload)
    return True


async def _give_up(
    session: AsyncSession,
    redis: ArqRedis,
    task: BackgroundTask,
    recovery: Recovery,
    error: str = GAVE_UP_ERROR,
) -> bool:
    """End, failed and refunded, a task that was recovered too often (or whose job ended
    without ending it: ``error`` says which)."""
    if recovery.give_up is not None:
        ended = await recovery.give_up(session, task, error)
    else:  # the kind's own rows say it could not run; the row says why
        ended = await recovery.fail_lost(session, task)
    if error == GAVE_UP_ERROR:
        failure = problem(GAVE_UP, GAVE_UP_TEMPLATE, "error", recoveries=recoveries_of(task))
    else:
        failure = problem(JOB_ENDED, error, "error")
    return await _publish_end(session, redis, task, ended, error=error, result={"failure": failure})


async def _record_recovery(session: AsyncSession, task: BackgroundTask) -> str | None:
    """Claim the task and record one more recovery with its fresh job id, committed before any
    job is queued; None when the task was settled meanwhile (cancelled: it must not run)."""
    if not await claim(session, task.id):
        await session.commit()
        return None
    await session.refresh(task)  # as it is now, its row locked by the claim
    task.progress, fresh = with_recovery(task)
    await session.commit()
    return fresh


async def _requeue(
    session: AsyncSession, redis: ArqRedis, task: BackgroundTask, job: Job, args: tuple[Any, ...]
) -> bool:
    fresh = await _record_recovery(session, task)
    if fresh is None or task.job_id is None:
        return False
    enqueued = await requeue(redis, job, task.job_id, *args, fresh_id=fresh)
    if enqueued is None:
        return False
    log.warning(
        "re-enqueued %s task %s as job %s (recovery %d: its job was lost)",
        task.type,
        task.id,
        enqueued,
        recoveries_of(task),
    )
    return True


async def _recover(
    session: AsyncSession,
    redis: ArqRedis,
    task: BackgroundTask,
    recovery: Recovery,
    max_recoveries: int,
) -> bool:
    """Queue a lost task again, or end it; True when something was done."""
    lost = await recovery.find_input(session, task)
    if lost.job_args is None:
        if not await _publish_end(session, redis, task, await recovery.fail_lost(session, task)):
            return False
        log.warning("%s task %s failed: its input is gone", task.type, task.id)
        return True
    if recoveries_of(task) >= max_recoveries:
        if not await _give_up(session, redis, task, recovery):
            return False
        log.warning("%s task %s failed: recovered %d times", task.type, task.id, max_recoveries)
        return True
    return await _requeue(session, redis, task, recovery.job, lost.job_args)


async def recover_lost_tasks(
    sessions: async_sessionmaker[AsyncSession],
    redis: ArqRedis,
    job_timeout_seconds: int,
    max_recoveries: int = DEFAULT_MAX_RECOVERIES,
) -> int:
    """Re-enqueue the open tasks whose job Redis lost; fail those whose input is gone or that
    were recovered ``max_recoveries`` times already. Returns how many tasks were acted on."""
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
            if not task.job_id or await any_job_exists(redis, job_ids_of(task)):
                continue
            if await ended_unsettled(redis, job_ids_of(task)):
                # Its job failed or returned leaving it open (its failure handler's own write
                # refused): ended now as its kind's failure would, refunded.
                if await _give_up(session, redis, task, kinds[task.type], JOB_ENDED_ERROR):
                    log.warning("%s task %s failed: its job ended without it", task.type, task.id)
                    acted += 1
                continue
            if task.status == TaskStatus.RUNNING and now_ms() - task.updated_at < silent_ms:
                continue  # its job may still be running although Redis forgot it
            if await _recover(session, redis, task, kinds[task.type], max_recoveries):
                acted += 1
    return acted
