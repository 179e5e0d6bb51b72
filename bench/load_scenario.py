"""One load scenario end to end: processes up, users in, N generations at once, measured, torn down.

Real processes as ``make run`` starts them (``app.cli migrate``, ``arq`` worker(s), ``uvicorn``
web(s)), the fake LLM in its own process, a private embedded Redis (the arq queue is per Redis
database: another worker on a shared one — a teammate's ``make run`` — would steal our jobs),
SQLite in a scratch directory or a scratch PostgreSQL database. Everything is removed at the end,
on errors and Ctrl-C included.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import build_settings
from app.db.models import CvGenerationTask
from app.db.session import create_engine, create_session_factory
from app.launcher import command
from app.lib.embedded_redis import EmbeddedRedis, start_embedded_redis
from bench import load_clients as lc
from bench.procs import RssSampler, Stack
from tests.fixtures.postgres import create_scratch_database, drop_scratch_database

FINISHED = ("completed", "failed", "cancelled")
# arq's "job started" line: seconds the job waited in the queue, then the job id.
JOB_STARTED = re.compile(r"([\d.]+)s → cvgen:([^:\s]+):run_cv_generation")
LOG_TROUBLE = re.compile(r"Traceback|\bERROR\b|attempt \d+ failed|database is locked")


@dataclass(frozen=True)
class Scenario:
    label: str
    backend: str  # "sqlite" or "postgresql"
    latency: str  # bench.fake_llm latency spec
    users: int = 50
    webs: int = 1
    workers: int = 1
    timeout: float = 900.0

    def offers_of(self, index: int) -> int:
        return 1 + index % 2  # half the users tailor for one offer, half for two


@dataclass
class Outcome:
    scenario: Scenario
    cvs: int = 0
    wall_s: float = 0.0
    solo_s: float = 0.0  # one 2-offer generation alone on the same stack: the critical path
    launch_ms: list[float] = field(default_factory=list)
    page_ms: dict[str, list[float]] = field(default_factory=dict)
    page_errors: int = 0
    problems: list[str] = field(default_factory=list)
    sse_completions: int = 0
    sse_missed: list[str] = field(default_factory=list)
    rss_root: dict[str, int] = field(default_factory=dict)
    rss_tree: dict[str, int] = field(default_factory=dict)
    rss_sum: int = 0
    rss_samples: int = 0
    cpu_s: dict[str, tuple[float, float]] = field(default_factory=dict)  # own, with children
    jobs_by_worker: dict[str, int] = field(default_factory=dict)
    queue_wait_s: list[float] = field(default_factory=list)  # enqueue → a worker starts it
    task_s: list[float] = field(default_factory=list)  # each generation, created → completed


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def _wait_tasks(
    sessions: async_sessionmaker[AsyncSession], task_ids: list[str], timeout: float
) -> list[tuple[datetime, datetime]]:
    """Poll the DB (one cheap query) until every task is finished; (created, completed) each."""
    deadline = time.monotonic() + timeout
    while True:
        async with sessions() as db:
            rows = (
                await db.execute(
                    select(
                        CvGenerationTask.status,
                        CvGenerationTask.created_at,
                        CvGenerationTask.completed_at,
                    ).where(CvGenerationTask.id.in_(task_ids))
                )
            ).all()
        if len(rows) == len(task_ids) and all(status in FINISHED for status, _, _ in rows):
            return [(_utc(created), _utc(done or created)) for _, created, done in rows]
        if time.monotonic() > deadline:
            pending = sum(status not in FINISHED for status, _, _ in rows)
            raise TimeoutError(f"{pending} of {len(task_ids)} generations unfinished")
        await asyncio.sleep(0.25)


async def run_scenario(
    sc: Scenario, pg_admin_url: str | None = None, redis_url: str | None = None
) -> Outcome:
    out = Outcome(sc)
    tmp = Path(tempfile.mkdtemp(prefix="cvt-load-"))
    data_dir = tmp / "var"
    data_dir.mkdir()
    stack = Stack({}, tmp)
    redis: EmbeddedRedis | None = None
    pg_url: str | None = None
    engine = None
    registered: list[lc.User] = []  # everyone, closed at the end
    try:
        if sc.backend == "postgresql":
            assert pg_admin_url is not None
            pg_url = await create_scratch_database(pg_admin_url, prefix="cvt_bench")
        db_url = pg_url or f"sqlite+aiosqlite:///{data_dir / 'load.db'}"
        if redis_url is None:
            settings = build_settings({"DATA_DIR": str(data_dir)})
            redis = start_embedded_redis(settings, tie_to_parent=True)
            redis_url = redis.url
        stack.env.update(
            {
                **os.environ,
                "DATA_DIR": str(data_dir),
                "DATABASE_URL": db_url,
                "REDIS_URL": redis_url,
                "SECRET_KEY": "load-bench",
                "PYTHONUNBUFFERED": "1",
                # One worker must take every generation at once (and the renders around them).
                "CVTAILOR_MAX_JOBS": str(sc.users + 20),
                # Every simulated user signs up from this machine's address.
                "CVTAILOR_REGISTER_MAX_PER_IP": str(sc.users + 10),
                "CVTAILOR_LOGIN_MAX_ATTEMPTS_PER_IP": str(10 * sc.users + 100),
            }
        )
        llm = stack.fake_llm(sc.latency)
        stack.env.update({"LLM_BASE_URL": llm.url, "LLM_API_KEY": "bench"})
        migrate = command("migrate", build_settings(stack.env), {})
        subprocess.run(migrate, env=stack.env, check=True, capture_output=True)
        for i in range(sc.workers):
            stack.worker(f"worker-{i + 1}")
        webs = [stack.web(f"web-{i + 1}") for i in range(sc.webs)]
        for web in webs:
            await asyncio.to_thread(stack.wait_healthy, web, sc.workers)
        rr = lc.RoundRobin([w.url for w in webs])
        engine = create_engine(db_url, immediate=False)  # an observer: never holds the lock
        sessions = create_session_factory(engine)

        # Sign-ups (argon2 on the web: a few at a time), CVs and offers; two extra users: a
        # warm-up generation (the structured-output probe, first render), then one alone.
        tag = f"{time.time_ns():x}"
        total = sc.users + 2
        for start in range(0, total, 5):
            batch = range(start, min(start + 5, total))
            registered += await asyncio.gather(*(lc.register(rr, i, tag) for i in batch))
        *users, warm, solo = registered
        for user in [*users, warm, solo]:
            offers = 2 if user is solo else sc.offers_of(user.index)
            await lc.add_cv_and_offers(sessions, user, offers)
        for user in (warm, solo):
            await lc.launch(rr, user)
            [(created, done)] = await _wait_tasks(sessions, [user.task_id], 120)
            out.problems += await lc.verify(rr, user)
        out.solo_s = (done - created).total_seconds()  # the solo's: the critical path

        await asyncio.gather(*(lc.open_event_stream(rr, u) for u in users))
        with RssSampler(stack.procs) as rss:
            t0 = datetime.now(UTC)
            with lc.PageProbe(rr, users[:10]) as probe:
                await asyncio.gather(*(lc.launch(rr, u) for u in users))
                stack.check_alive()
                times = await _wait_tasks(sessions, [u.task_id for u in users], sc.timeout)
            out.cpu_s = rss.cpu_seconds()
        out.wall_s = (max(done for _, done in times) - t0).total_seconds()
        out.task_s = [(done - created).total_seconds() for created, done in times]
        out.cvs = sum(len(u.offer_ids) for u in users)
        out.launch_ms = [u.launch_ms for u in users]
        out.rss_root, out.rss_tree = rss.peak_root, rss.peak_tree
        out.rss_sum, out.rss_samples = rss.peak_sum, rss.samples
        for page, ms, status in probe.samples:
            kind = page.split("/")[1] or "dashboard"
            out.page_ms.setdefault(kind, []).append(ms)
            out.page_errors += status != 200
        await asyncio.sleep(1.0)  # the completion event is published just after the commit
        out.sse_completions = sum(u.completed_at is not None for u in users)
        out.sse_missed += [
            f"{u.email}: {len(u.event_names)} events, last {u.event_names[-3:]}"
            for u in users
            if u.completed_at is None
        ]
        for user in users:
            out.problems += await lc.verify(rr, user)
        load_tasks = {u.task_id for u in users}
        for proc in stack.procs:
            if proc.name.startswith("worker"):
                started = [
                    (float(wait), task)
                    for wait, task in JOB_STARTED.findall(proc.log_tail(100_000))
                    if task in load_tasks
                ]
                out.jobs_by_worker[proc.name] = len(started)
                out.queue_wait_s += [wait for wait, _ in started]
            trouble = [
                line for line in proc.log_tail(100_000).splitlines() if LOG_TROUBLE.search(line)
            ]
            out.problems += [f"{proc.name} log: {line[:200]}" for line in trouble[:5]]
        return out
    finally:
        for user in registered:
            with contextlib.suppress(Exception):
                await lc.close(user)
        if engine is not None:
            await engine.dispose()
        stack.stop()
        if redis is not None:
            redis.stop()
        if pg_url is not None and pg_admin_url is not None:
            await drop_scratch_database(pg_admin_url, pg_url)
        shutil.rmtree(tmp, ignore_errors=True)
