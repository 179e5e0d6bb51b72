"""Each job's own expiry for arq's in-progress marker.

arq marks a job it starts "in progress" with a key that expires after the *largest* timeout of
all the worker's functions + 10 s (``Worker.in_progress_timeout_s``), and a job whose worker was
killed is re-delivered only once that key is gone. The generation's timeout is hours long
(jobs/worker.py), so a killed letter, import or ATS check would hold its task, and its user's
slot, for hours. The hook below, run by arq as ``on_job_start`` before the job's coroutine,
shortens the marker to the job's own timeout + 10 s: the same margin arq uses, so no job can
still run when its marker expires (arq's ``wait_for`` stops it at its timeout). Generations keep
their long marker and are recovered by their lease (jobs/recovery.py).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from arq.constants import in_progress_key_prefix, job_key_prefix
from arq.cron import CronJob
from arq.jobs import SerializationError, deserialize_job
from arq.worker import func

log = logging.getLogger(__name__)
MARGIN_SECONDS = 10  # arq's own: in_progress_timeout_s = max timeout + 10

JobHook = Callable[[dict[str, Any]], Awaitable[None]]


def job_timeouts(functions: Iterable[Any], cron_jobs: Iterable[CronJob]) -> dict[str, float | None]:
    """Each job name's own timeout (None: the worker's ``job_timeout``), named as arq names
    them (``func`` for functions, ``cron:…`` for cron jobs)."""
    timeouts: dict[str, float | None] = {f.name: f.timeout_s for f in map(func, functions)}
    timeouts.update({job.name: job.timeout_s for job in cron_jobs})
    return timeouts


def marker_hook(timeouts: dict[str, float | None], default_timeout: float) -> JobHook:
    """The ``on_job_start`` hook giving each started job's marker its own timeout + margin."""

    async def on_job_start(ctx: dict[str, Any]) -> None:
        redis = ctx["redis"]
        job_id = str(ctx["job_id"])
        raw = await redis.get(job_key_prefix + job_id)
        if raw is None:
            return  # arq found the job itself, so this is a race with its end: nothing to do
        try:
            name = deserialize_job(raw).function
        except SerializationError:
            return  # arq fails such a job itself
        timeout = timeouts.get(name, default_timeout)
        seconds = (default_timeout if timeout is None else timeout) + MARGIN_SECONDS
        # A missing key stays missing (PEXPIRE creates nothing): a job already ended keeps none.
        await redis.pexpire(in_progress_key_prefix + job_id, int(seconds * 1000))

    return on_job_start
