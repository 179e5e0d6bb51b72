"""One account floods the worker while another works, at production sizes: the scenario of
tests/faults/test_fair_share.py (tests/faults/burst.py) with the worker's real capacities.

User A posts 40 offers to read (the per-user cap of open extractions): 20 pasted at ~98 000
characters, then 20 more once A's own AI endpoint, which answers the connection test, hangs on
every completion (the LLM timeout, 60 s, is the production default). Meanwhile user B imports a
CV (PDF), reads a pasted offer and runs a one-offer generation (offline engine). B's steps are
timed from request to end (after a warm-up round), once with the worker to B alone and once beside A's flood; the
ratio is the fault test's target (at most 2x). ``share off`` runs the same flood with
``CVTAILOR_JOBS_PER_USER`` = ``CVTAILOR_MAX_JOBS``: what one account could do before.

``python -m bench.fair_share_bench [--write]``: SQLite always, PostgreSQL when
``TEST_DATABASE_URL`` is set; a private redis-server. ``--write`` writes bench/FAIR_SHARE.md.
"""

from __future__ import annotations

import asyncio
import os
import platform
import sys
import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from redis.asyncio import Redis

from app.config import Settings, build_settings
from app.db.migrate import upgrade
from app.db.session import create_engine, create_session_factory
from app.lib.llm import StructuredMode, mode_cache
from app.settings.service import seed_settings, update_setting
from app.task_kinds import register_task_kinds
from jobs.fair_share import held
from tests.fakes.openai_server import FakeOpenAIServer
from tests.faults.burst import (
    OWN_MODEL,
    Timings,
    a_floods,
    b_works,
    open_tasks,
    running_tasks,
    running_worker,
)
from tests.faults.processes import PrivateRedis
from tests.fixtures.live import serve
from tests.fixtures.postgres import create_scratch_database, drop_scratch_database

FLOOD, HUGE = 40, 20
TIMEOUT_S = 600.0
OUT = Path(__file__).with_name("FAIR_SHARE.md")


@dataclass
class Case:
    backend: str
    share: int
    max_jobs: int
    alone: Timings
    flooded: Timings
    a_at_most: int
    left_running: int


async def _case(settings: Settings, backend: str) -> Case:
    register_task_kinds()
    engine = create_engine(settings.database_url, immediate=False)
    sessions = create_session_factory(engine)
    async with sessions() as db:
        await seed_settings(db, settings)
        await update_setting(db, "allow_private_offer_urls", "true")  # loopback endpoint
        await db.commit()
    try:
        with FakeOpenAIServer(models=(OWN_MODEL,)) as own:
            mode_cache.set(own.base_url, OWN_MODEL, StructuredMode.JSON_SCHEMA)
            async for url in serve(settings):
                async with running_worker(settings):
                    await b_works(url, "b-warm@example.com", sessions, TIMEOUT_S)
                    alone = await b_works(url, "b-alone@example.com", sessions, TIMEOUT_S)
                    a = await a_floods(url, "a-flood@example.com", own, FLOOD, HUGE)
                    a_id = str((await a.get("/api/auth/me")).json()["id"])
                    redis = Redis.from_url(settings.effective_redis_url)
                    most: list[int] = [0]
                    watcher = asyncio.create_task(_watch(redis, a_id, most))
                    flooded = await b_works(url, "b-flooded@example.com", sessions, TIMEOUT_S)
                    watcher.cancel()
                    for task_id in await open_tasks(sessions, a_id):
                        await a.delete(
                            f"/api/background-tasks/{task_id}",
                            headers={"x-csrftoken": a.cookies["csrftoken"]},
                        )
                    await a.aclose()
                    for _ in range(300):
                        if not await running_tasks(sessions):
                            break
                        await asyncio.sleep(0.1)
                    left = len(await running_tasks(sessions))
                    await redis.aclose()
            mode_cache.clear(own.base_url)
    finally:
        await engine.dispose()
    share = settings.user_job_share
    return Case(backend, share, settings.max_jobs, alone, flooded, most[0], left)


async def _watch(redis: Redis, user_id: str, most: list[int]) -> None:
    """The most of the user's job leases held at once, in ``most[0]``."""
    while True:
        most[0] = max(most[0], await held(redis, user_id))
        await asyncio.sleep(0.05)


async def _on(backend: str, url: str, redis_url: str, data: Path, share: int) -> Case:
    await asyncio.to_thread(upgrade, url)
    base = build_settings(
        {"DATA_DIR": str(data), "DATABASE_URL": url, "REDIS_URL": redis_url, "SECRET_KEY": "b"}
    )
    settings = replace(base, jobs_per_user=share, register_max_per_ip=1000)
    return await _case(settings, backend)


async def run() -> list[Case]:
    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "redis").mkdir()
        redis = PrivateRedis(root / "redis").start()
        try:
            plans = [("sqlite", 0), ("sqlite", 20)]
            admin = os.environ.get("TEST_DATABASE_URL")
            if admin:
                plans.append(("postgresql", 0))
            for index, (backend, share) in enumerate(plans):
                data = root / f"var{index}"
                data.mkdir()
                if backend == "sqlite":
                    url = f"sqlite+aiosqlite:///{data / 'bench.db'}"
                    cases.append(await _on(backend, url, redis.url, data, share))
                    continue
                assert admin is not None
                url = await create_scratch_database(admin, prefix="cvt_bench")
                try:
                    cases.append(await _on(backend, url, redis.url, data, share))
                finally:
                    await drop_scratch_database(admin, url)
        finally:
            redis.stop()
    return cases


def markdown(cases: list[Case]) -> str:
    lines = [
        "# One account's flood beside another user's work (`python -m bench.fair_share_bench`)",
        "",
        f"{datetime.now(UTC):%Y-%m-%d}, {platform.machine()}, Python {platform.python_version()},"
        f" {os.cpu_count()} cores shared with other work. Worker: `CVTAILOR_MAX_JOBS` 20, LLM"
        " timeout 60 s. User A: 40 offers to read (20 pasted at ~98 000 characters, then 20 with"
        " an own AI endpoint that answers the connection test and then hangs). User B: a CV"
        " import (PDF), an offer reading (pasted), a one-offer generation (offline engine),"
        " each timed from its request to its end (after a first round that warms the worker up),"
        " alone and beside A's flood.",
        "",
        "| database | A's share | A's jobs at once (most) | B's step | alone (s) | flooded (s) "
        "| ratio | 5xx | left running |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for case in cases:
        share = f"{case.share}" + (" (share off)" if case.share >= case.max_jobs else "")
        errors = sum(s >= 500 for s in case.alone.statuses + case.flooded.statuses)
        for step, alone in case.alone.steps.items():
            flooded = case.flooded.steps[step]
            lines.append(
                f"| {case.backend} | {share} | {case.a_at_most} | {step} | {alone:.2f} | "
                f"{flooded:.2f} | {flooded / alone:.2f} | {errors} | {case.left_running} |"
            )
    lines += [
        "",
        "A's share is `CVTAILOR_JOBS_PER_USER` (0 = a quarter of `CVTAILOR_MAX_JOBS`: 5); with"
        " the share off A's hanging readings take every job of the worker and B's steps wait"
        ' for the LLM timeout. "Left running": tasks still running once A cancelled the rest.',
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    text = markdown(asyncio.run(run()))
    print(text)
    if "--write" in sys.argv:
        OUT.write_text(text)


if __name__ == "__main__":
    main()
