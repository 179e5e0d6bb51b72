"""The database goes away for a few seconds mid-generation: SQLite held under an exclusive
lock by another connection, PostgreSQL tables locked, or the worker's PostgreSQL connections
killed. The generation still finishes, nothing is debited or refunded twice."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import psutil
import pytest
from arq.jobs import Job
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CreditTransaction, CvGenerationSubtask
from app.db.session import create_engine
from app.domain.generation.services import job_id_for
from tests.faults.conftest import Scene
from tests.faults.invariants import request_key
from tests.faults.processes import WorkerProcess
from tests.integration.pipeline_helpers import count_now

LOCK_SECONDS = 4.0


async def _mid_offer(sessions: async_sessionmaker[AsyncSession], worker: WorkerProcess) -> None:
    completed = CvGenerationSubtask.status == "completed"
    async with asyncio.timeout(60):  # until classify and a couple of batches are done
        while await count_now(sessions, CvGenerationSubtask, completed) < 3:
            assert worker.alive(), worker.tail()
            await asyncio.sleep(0.05)


def _hold_sqlite_lock(path: str, seconds: float) -> tuple[float, float]:
    """Another process-like connection takes SQLite's write lock and sits on it; returns when
    it held the lock (monotonic clock, the fake LLM's too)."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        connection.execute("BEGIN EXCLUSIVE")
        held_from = time.monotonic()
        time.sleep(seconds)
        held_until = time.monotonic()
        connection.execute("ROLLBACK")
    finally:
        connection.close()
    return held_from, held_until


async def _hold_postgres_locks(
    sessions: async_sessionmaker[AsyncSession], seconds: float
) -> tuple[float, float]:
    """Block every write to the tables the pipeline writes (reads stay possible); returns when
    the locks were held."""
    async with sessions() as s:
        await s.execute(
            text(
                "LOCK TABLE cv_generation_subtask, cv_generation_offer, cv_generation_task "
                "IN EXCLUSIVE MODE"
            )
        )
        held_from = time.monotonic()
        await asyncio.sleep(seconds)
        held_until = time.monotonic()
        await s.rollback()
    return held_from, held_until


async def _refunds(sessions: async_sessionmaker[AsyncSession]) -> int:
    return await count_now(sessions, CreditTransaction, CreditTransaction.type == "refund")


async def test_database_locked_for_seconds_mid_generation(
    backend: str, api: Any, scene: Scene, settings: Settings, tmp_path: Path
) -> None:
    me = await scene.account(api, f"locked-{backend}@example.com", offers=2)
    worker = WorkerProcess(settings, tmp_path / "worker.log").start()
    try:
        task_id = await scene.start(api, me)
        await _mid_offer(scene.sessions, worker)
        if backend == "sqlite":
            path = settings.database_url.split("///", 1)[1]
            locked_at, released_at = await asyncio.to_thread(_hold_sqlite_lock, path, LOCK_SECONDS)
        else:
            locked_at, released_at = await _hold_postgres_locks(scene.sessions, LOCK_SECONDS)
        task = await scene.finished(task_id, timeout=90)
    finally:
        worker.stop()
    assert task.status == "completed" and len(task.generated_cv_ids) == 2, worker.tail()
    assert await _refunds(scene.sessions) == 0
    # The lock really stalled the pipeline: once the calls in flight had answered, no new call
    # could start (each begins by writing its subtask row) until the lock was released. Times
    # are the lock's own and the fake LLM's records; 1.5 s lets a call whose row was written
    # just before the lock reach the server on a busy machine (the quiet window is still 2 s).
    quiet_from = locked_at + scene.llm.latency_ms / 1000 + 1.5
    started = [
        r.received_at
        for r in scene.llm.chat_requests
        if request_key(r) and quiet_from < r.received_at < released_at
    ]
    assert started == [], "calls started while the database was locked"
    assert any(request_key(r) and r.received_at > released_at for r in scene.llm.chat_requests)


def _client_ports_of(process_id: int) -> set[int]:
    """Local ports of a process's TCP connections to PostgreSQL (its pool, as the server sees
    them in pg_stat_activity.client_port)."""
    ports: set[int] = set()
    root = psutil.Process(process_id)
    for proc in [root, *root.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):  # a short-lived child may be gone
            for conn in proc.net_connections(kind="tcp"):
                if conn.raddr and conn.raddr.port == 5432:
                    ports.add(conn.laddr.port)
    return ports


async def _postgres_outage(
    admin: AsyncConnection, name: str, worker: WorkerProcess, seconds: float
) -> int:
    """Database ``name`` refuses new connections and the worker's open ones are cut, for
    ``seconds``; returns how many of the worker's connections were killed. ``admin`` is
    connected to another database (one cannot lock oneself out)."""
    await admin.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
    killed = 0
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            result = await admin.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND client_port = ANY(:ports)"
                ),
                {"name": name, "ports": sorted(_client_ports_of(worker.pid))},
            )
            killed += sum(1 for (ok,) in result if ok)
            await asyncio.sleep(0.1)
    finally:
        await admin.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
    return killed


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_postgres_unreachable_for_seconds_mid_generation(
    backend: str, api: Any, scene: Scene, settings: Settings, tmp_path: Path
) -> None:
    me = await scene.account(api, "unreachable@example.com", offers=2)
    worker = WorkerProcess(settings, tmp_path / "worker.log").start()
    # Administered from the server's default database (TEST_DATABASE_URL).
    engine = create_engine(os.environ["TEST_DATABASE_URL"])
    name = make_url(settings.database_url).database
    assert name
    try:
        task_id = await scene.start(api, me)
        await _mid_offer(scene.sessions, worker)
        async with engine.connect() as conn:
            admin = await conn.execution_options(isolation_level="AUTOCOMMIT")
            killed = await _postgres_outage(admin, name, worker, LOCK_SECONDS)
        task = await scene.finished(task_id, timeout=90)
    finally:
        worker.stop()
        await engine.dispose()
    assert killed >= 1, "the worker's connections must really be cut"
    # An outage of the database is not the offer's fault: it waits, it is not failed.
    assert task.status == "completed" and len(task.generated_cv_ids) == 2, worker.tail()
    # ...and the job itself rode it out (no failed job left for the recovery sweep to resume).
    info = await Job(job_id_for(task_id), scene.redis).result_info()
    assert info is not None and info.success and info.result["status"] == "completed", info
    assert await _refunds(scene.sessions) == 0
