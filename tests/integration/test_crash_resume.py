"""SIGKILL the worker mid-task, start another: the task finishes, nothing is done or paid twice."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CreditTransaction, CvGenerationOffer, CvGenerationSubtask, TaskSlot, User
from app.domain.admin.settings_service import update_setting
from app.domain.credits.services import ledger_sum
from app.lib.llm import StructuredMode, mode_cache
from tests import factories
from tests.conftest import register
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer
from tests.integration.pipeline_helpers import generate, wait_finished

ROOT = Path(__file__).resolve().parents[2]
MODEL = "gpt-4o-mini"


@pytest.fixture
def slow_llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(default_reply=pipeline_llm.honest, latency_ms=300) as server:
        yield server


def start_worker(settings: Settings, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATA_DIR": str(settings.data_dir),
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": settings.effective_redis_url,
        "SECRET_KEY": "test-secret-key",
        "CVTAILOR_GENERATION_LEASE_SECONDS": str(settings.generation_lease_seconds),
        "CVTAILOR_RETRY_BACKOFF_SECONDS": "0.05",
        "CVTAILOR_HEALTH_CHECK_INTERVAL_SECONDS": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "arq", "jobs.worker.WorkerSettings"],
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _request_key(request: Any) -> tuple[str, str]:
    offer = "2" if "Python Backend Developer 2" in request.text else "1"
    return offer, pipeline_llm.item_key(request)


async def _completed_keys(sessions: async_sessionmaker[AsyncSession]) -> int:
    async with sessions() as s:
        return int(
            await s.scalar(
                select(func.count())
                .select_from(CvGenerationSubtask)
                .where(CvGenerationSubtask.status == "completed")
            )
            or 0
        )


async def test_sigkill_mid_task_then_restart_finishes_exactly_once(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    slow_llm: FakeOpenAIServer,
    tmp_path: Path,
) -> None:
    await update_setting(db, "llm_base_url", slow_llm.base_url)
    await update_setting(db, "llm_api_key", "k")
    await db.commit()
    mode_cache.set(slow_llm.base_url, MODEL, StructuredMode.JSON_SCHEMA)
    me = await register(api, "crash@example.com")
    source = await factories.source_cv(db, me["id"])
    offers = [
        (await factories.job_offer(db, me["id"], title=f"Python Backend Developer {i}")).id
        for i in (1, 2)
    ]
    log = tmp_path / "worker.log"
    first = start_worker(settings, log)
    second: subprocess.Popen[bytes] | None = None
    try:
        task_id = (await generate(api, source.id, offers)).json()["taskId"]
        async with asyncio.timeout(30):
            while await _completed_keys(session_factory) < 4:  # classify + some batches done
                await asyncio.sleep(0.05)
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
        killed_at = asyncio.get_running_loop().time()
        await asyncio.sleep(0.5)  # answers still in flight land nowhere
        async with session_factory() as s:
            done_before = {
                (row.offer_id, row.type, row.item_index)
                for row in await s.scalars(
                    select(CvGenerationSubtask).where(CvGenerationSubtask.status == "completed")
                )
            }
        calls_before = Counter(
            _request_key(r) for r in slow_llm.chat_requests if pipeline_llm.phase_of(r)
        )
        await asyncio.sleep(settings.generation_lease_seconds)  # the dead worker's lease expires
        second = start_worker(settings, log)
        task = await wait_finished(session_factory, task_id, timeout=60)
    finally:
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=15)
    assert task.status == "completed", log.read_text()[-3000:]
    assert len(task.generated_cv_ids) == 2
    assert done_before, "the kill must happen mid-task"
    async with session_factory() as s:
        rows = list(await s.scalars(select(CvGenerationSubtask)))
        keys = Counter((row.offer_id, row.type, row.item_index) for row in rows)
        assert all(n == 1 for n in keys.values()), "one subtask row per call"
        assert all(row.status == "completed" for row in rows)
        # Work recorded as completed before the kill was reused, not called again.
        for row in rows:
            if (row.offer_id, row.type, row.item_index) in done_before:
                assert row.retry_count == 0
        user = await s.get(User, me["id"])
        assert user is not None
        assert user.credit_balance == me["creditBalance"] - 2 == await ledger_sum(s, user.id)
        assert (
            list(
                await s.scalars(select(CreditTransaction).where(CreditTransaction.type == "refund"))
            )
            == []
        )
        assert list(await s.scalars(select(TaskSlot))) == []
    calls_after = Counter(
        _request_key(r)
        for r in slow_llm.chat_requests
        if pipeline_llm.phase_of(r) and r.received_at > killed_at + 0.4
    )
    # A call whose completion was recorded before the kill is never made again.
    exp_ids = [e["id"] for e in factories.EN_CV["experience"]]
    proj_ids = [p["id"] for p in factories.EN_CV["projects"]]
    async with session_factory() as s:
        offer_number = {
            o.id: str(o.offer_index + 1) for o in await s.scalars(select(CvGenerationOffer))
        }
    for offer_id, kind, index in done_before:
        item = {"batch_experience": exp_ids, "batch_project": proj_ids}.get(kind)
        key = (
            offer_number[offer_id],
            f"{kind}:{item[index] if item and index is not None else ''}",
        )
        assert calls_before[key] == 1 and calls_after[key] == 0, key
    # Everything else ran once after the restart, or twice if it was in flight at the kill.
    assert sum(calls_before.values()) + sum(calls_after.values()) <= len(rows) + 6
