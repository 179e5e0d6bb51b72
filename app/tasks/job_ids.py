"""The arq jobs a task has had, and how often the recovery sweep re-queued it.

A task's first job is ``BackgroundTask.job_id`` (the web enqueues it). When its job is lost
(Redis forgot it) or ended without settling the task (arq's timeout), the sweep
(app/tasks/recovery.py) queues it again, under its own id when arq still accepts it, else under a
fresh one (``fresh_job_id``). Each recovery is recorded on the task's ``progress`` *before* the
job is queued: a cancel from then on aborts every job the task has had (app/tasks/abort.py), the
one running included, and the next sweep sees that job as the task's own.
"""

from __future__ import annotations

from typing import Any

from app.db.models import BackgroundTask

JOB_IDS = "jobIds"  # the fresh ids, oldest first (progress never drops keys: jobs/task_job.py)
RECOVERIES = "recoveries"


def recoveries_of(task: BackgroundTask) -> int:
    return int((task.progress or {}).get(RECOVERIES) or 0)


def job_ids_of(task: BackgroundTask) -> list[str]:
    """Every job the task has had: its first, then the recovered ones (the last may run now)."""
    recorded = (task.progress or {}).get(JOB_IDS) or []
    ids = [task.job_id, *(str(job_id) for job_id in recorded)]
    return list(dict.fromkeys(job_id for job_id in ids if job_id))


def fresh_job_id(job_id: str, recovery: int) -> str:
    """The id of the ``recovery``-th re-queue: the same in every sweep, so arq refuses a double."""
    return f"{job_id}:recover:{recovery}"


def with_recovery(task: BackgroundTask) -> tuple[dict[str, Any], str]:
    """The task's progress with one more recovery recorded, and that recovery's fresh job id."""
    progress = dict(task.progress or {})
    count = recoveries_of(task) + 1
    fresh = fresh_job_id(str(task.job_id), count)
    recorded = [str(job_id) for job_id in progress.get(JOB_IDS) or []]
    progress[RECOVERIES] = count
    progress[JOB_IDS] = [*recorded, fresh]
    return progress, fresh
