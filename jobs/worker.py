"""The arq worker: ``arq jobs.worker.WorkerSettings``.

Jobs get a context with the DB session factory (the same factory the web app uses) and the arq
Redis connection, through which they publish user events.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from typing import Any, ClassVar

from arq import cron, func
from arq.connections import RedisSettings
from redis.exceptions import RedisError

from app.config import Settings, get_settings
from app.db.session import create_engine, create_session_factory
from app.events import SYSTEM_PONG
from app.job_names import Job
from app.lib import heartbeat
from app.lib.events import publish_event
from app.lib.pdf_render.sandbox import start_render_server
from app.lib.redis import arq_settings
from app.task_kinds import register_task_kinds
from jobs import quiet_cron
from jobs.ats_check import JOB_FUNCTIONS as ATS_JOBS
from jobs.coach.reply import JOB_FUNCTIONS as COACH_JOBS
from jobs.cover_letters import JOB_FUNCTIONS as LETTER_JOBS
from jobs.discovery.page_fetch import fetch_inbox_page
from jobs.discovery.run import RUN_MAX_TRIES, run_search
from jobs.discovery.scheduler import clean_inbox, schedule_searches
from jobs.fair_share import share_task_jobs
from jobs.imports import JOB_FUNCTIONS as IMPORT_JOBS
from jobs.job_markers import job_timeouts, marker_hook
from jobs.mailbox import READ_TIMEOUT_S, read_mailbox, schedule_mailbox_reads
from jobs.pipeline.orchestrator import run_cv_generation
from jobs.pitch_jobs import JOB_FUNCTIONS as PITCH_JOBS
from jobs.postings import CHECK_TIMEOUT_S, check_postings, schedule_posting_checks
from jobs.recovery import recover_lost_jobs
from jobs.render import RENDER_CV_PDF, RENDER_SHEET_PDF
from jobs.sent_documents import RENDER_SENT_DOCUMENT

log = logging.getLogger(__name__)
quiet_cron.install()  # the 10 s recovery sweep logs at INFO only when it recovered something
# The recovery sweep finds each task's kind in the kernel's registry (app/tasks/registry.py).
register_task_kinds()


# How long a ping's result stays in Redis (arq's default: an hour). With the web's limit of
# pings per user and minute (app/domain/system/api.py), a flood of pings leaves a few keys.
PING_RESULT_SECONDS = 60


async def ping(ctx: dict[str, Any], user_id: str, sent_at: float) -> dict[str, Any]:
    """Round trip through the queue and back to the user's SSE stream."""
    payload = {"sentAt": sent_at, "worker": ctx["worker_id"], "message": "pong"}
    await publish_event(ctx["redis"], user_id, SYSTEM_PONG, payload)
    return payload


async def _beat_forever(ctx: dict[str, Any]) -> None:
    settings: Settings = ctx["settings"]
    info = {"host": socket.gethostname(), "pid": os.getpid()}
    while True:
        try:
            await heartbeat.beat(
                ctx["redis"], ctx["worker_id"], settings.heartbeat_stale_seconds, info
            )
        except (RedisError, OSError) as exc:  # Redis away: beat again once it is back
            log.warning("worker heartbeat failed: %s", exc)
        await asyncio.sleep(settings.health_check_interval_seconds)


async def startup(ctx: dict[str, Any]) -> None:
    # Tests pass their own Settings in the worker's ctx; production reads them once here.
    settings: Settings = ctx.setdefault("settings", get_settings())
    engine = create_engine(settings.database_url, echo=settings.database_echo)
    ctx["engine"] = engine
    ctx["session_factory"] = create_session_factory(engine, ctx["redis"])
    # Reads that never write after (a generation polling whether it was cancelled) skip
    # SQLite's BEGIN IMMEDIATE: they neither queue behind nor hold the one write lock.
    observer = engine
    if settings.database_url.startswith("sqlite"):
        observer = create_engine(settings.database_url, immediate=False)
    ctx["observer_engine"] = observer
    ctx["observer_sessions"] = create_session_factory(observer)
    ctx["worker_id"] = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    ctx["heartbeat_task"] = asyncio.create_task(_beat_forever(ctx))
    # Pre-import WeasyPrint in the render server now: the first CV should not pay for it.
    await start_render_server()


async def shutdown(ctx: dict[str, Any]) -> None:
    task: asyncio.Task[None] | None = ctx.get("heartbeat_task")
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    with contextlib.suppress(Exception):
        await heartbeat.clear(ctx["redis"], ctx["worker_id"])
    if "engine" in ctx:
        await ctx["engine"].dispose()
    if ctx.get("observer_engine") not in (None, ctx.get("engine")):
        await ctx["observer_engine"].dispose()


# Every task kind's job runs within its user's fair share of the workers (jobs/fair_share.py).
FUNCTIONS: list[Any] = share_task_jobs(
    [
        func(ping, keep_result=PING_RESULT_SECONDS),  # the pong is the answer; its result goes soon
        # A multi-offer run can be long; crash recovery relies on our lease, not on this timeout.
        func(run_cv_generation, timeout=get_settings().generation_timeout_seconds, max_tries=20),
        RENDER_CV_PDF,
        RENDER_SHEET_PDF,
        RENDER_SENT_DOCUMENT,
        *IMPORT_JOBS,
        # The job inbox: a search's run reads many pages politely (a pause per host): 15 min;
        # a run that finds the worker's search-run slots taken re-queues itself (a try each).
        func(run_search, timeout=900, max_tries=RUN_MAX_TRIES),
        fetch_inbox_page,
        # One user's due posting re-checks (a few pages, politely): not retried, the next run is.
        func(check_postings, timeout=CHECK_TIMEOUT_S, max_tries=1),
        # One user's mailbox read (bounded messages and time): not retried, the next read is.
        func(read_mailbox, timeout=READ_TIMEOUT_S, max_tries=1),
        *LETTER_JOBS,
        *PITCH_JOBS,
        *COACH_JOBS,
        *ATS_JOBS,
    ],
    Job.RUN_CV_GENERATION,
)
CRON_JOBS: list[Any] = [
    # The start-up sweep, repeated: a dead worker or a job lost by Redis is noticed within
    # 10 s (plus the lease). Cheap: one query on unfinished tasks and an EXISTS per task.
    cron(recover_lost_jobs, second=set(range(0, 60, 10)), run_at_startup=True, unique=True),
    # Discovery: every minute the due searches are queued; once a day the inbox's TTL.
    cron(schedule_searches, second=30, unique=True),
    cron(clean_inbox, hour=3, minute=17, second=0, unique=True),
    # Offers' postings: every 15 minutes the due re-checks are queued (jobs/postings.py).
    cron(schedule_posting_checks, minute={7, 22, 37, 52}, second=40, unique=True),
    # Mailboxes: every 5 minutes the due reads are queued (jobs/mailbox.py).
    cron(schedule_mailbox_reads, minute=set(range(2, 60, 5)), second=50, unique=True),
]


def worker_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for ``arq.Worker``: one definition for production and tests."""
    return {
        "functions": FUNCTIONS,
        "cron_jobs": CRON_JOBS,
        "on_startup": startup,
        "on_shutdown": shutdown,
        # Each job's in-progress marker expires after its own timeout + 10 s, not the
        # generation's (jobs/job_markers.py): a killed letter is re-delivered in minutes.
        "on_job_start": marker_hook(
            job_timeouts(FUNCTIONS, CRON_JOBS), settings.job_timeout_seconds
        ),
        "redis_settings": arq_settings(settings.effective_redis_url),
        "max_jobs": settings.max_jobs,
        # Modest on purpose: a SIGKILLed job is re-delivered only after its in-progress key
        # expires (its timeout + 10 s), so a long timeout means a long wait after a crash.
        "job_timeout": settings.job_timeout_seconds,
        "keep_result": 3600,  # Job.abort() needs the result kept
        "allow_abort_jobs": True,
        "health_check_interval": settings.health_check_interval_seconds,
        "max_tries": 5,
        # arq polls its queue; the 0.5 s default added ~0.25 s on average before a generation
        # (or an import) started. One cheap Redis query per 0.1 s instead.
        "poll_delay": 0.1,
    }


_options = worker_options(get_settings())


class WorkerSettings:
    """What ``arq jobs.worker.WorkerSettings`` reads."""

    functions: ClassVar[list[Any]] = _options["functions"]
    cron_jobs: ClassVar[list[Any]] = _options["cron_jobs"]
    on_startup = startup
    on_shutdown = shutdown
    on_job_start = _options["on_job_start"]
    redis_settings: RedisSettings = _options["redis_settings"]
    max_jobs: int = _options["max_jobs"]
    job_timeout: int = _options["job_timeout"]
    keep_result: int = _options["keep_result"]
    allow_abort_jobs: bool = _options["allow_abort_jobs"]
    health_check_interval: int = _options["health_check_interval"]
    max_tries: int = _options["max_tries"]
    poll_delay: float = _options["poll_delay"]
