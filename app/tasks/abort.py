"""Stop the arq job of a cancelled task (best effort: the database state is authoritative)."""

from __future__ import annotations

import contextlib

from arq import ArqRedis
from arq.jobs import Job, JobStatus

from app.db.models import BackgroundTask
from app.tasks.job_ids import job_ids_of

# A job in one of these states can still be stopped; any other has nothing left to abort.
ABORTABLE = frozenset({JobStatus.deferred, JobStatus.queued, JobStatus.in_progress})
ABORT_WAIT_SECONDS = 0.5


async def abort_job(arq: ArqRedis, job_id: str | None) -> bool:
    """Ask the worker to drop (queued) or cancel (running) ``job_id``; True if it was asked.

    A finished or unknown job is skipped: ``Job.abort`` would wait its whole timeout for a
    result that is already there or will never come.
    """
    if not job_id:
        return False
    with contextlib.suppress(Exception):  # Redis away: the job's own status checks stop it
        job = Job(job_id, arq)
        if await job.status() not in ABORTABLE:
            return False
        # Waits (briefly) for the worker to confirm; a timeout only means it has not yet.
        with contextlib.suppress(TimeoutError):
            await job.abort(timeout=ABORT_WAIT_SECONDS)
        return True
    return False


async def abort_task_jobs(arq: ArqRedis, task: BackgroundTask, *also: str | None) -> None:
    """Stop every job ``task`` has had, its first and those the recovery sweep queued under a
    fresh id (app/tasks/job_ids.py): after a recovery the first is long over, and the job that
    runs is the last. ``also``: another id to stop with them (a caller's own name of the job)."""
    for job_id in dict.fromkeys([*also, *job_ids_of(task)]):
        await abort_job(arq, job_id)
