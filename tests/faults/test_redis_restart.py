"""Redis dies mid-generation and comes back empty (no persistence): the worker and the web
reconnect, the running generation finishes, a queued job that Redis lost is re-enqueued by the
recovery sweep from the database, and the invariants hold."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CvGenerationSubtask, CvGenerationTask
from app.domain.generation.services import job_id_for
from jobs.pipeline.lock import lease_key
from tests.fakes.openai_server import FakeOpenAIServer
from tests.faults.conftest import Account, account
from tests.faults.invariants import assert_invariants
from tests.faults.processes import PrivateRedis, WorkerProcess
from tests.faults.web import EventStream, RestartableWeb
from tests.fixtures.live import echo_csrf_cookie
from tests.integration.pipeline_helpers import wait_finished

PASSWORD = "correct horse"
OUTAGE_SECONDS = 2.0


@pytest.fixture
async def private_redis(tmp_path: Path) -> AsyncIterator[PrivateRedis]:
    server = PrivateRedis(tmp_path / "redis").start()
    yield server
    server.stop()


async def _completed_subtasks(sessions: async_sessionmaker[AsyncSession], task_id: str) -> int:
    async with sessions() as s:
        query = select(func.count()).select_from(CvGenerationSubtask)
        query = query.where(
            CvGenerationSubtask.task_id == task_id, CvGenerationSubtask.status == "completed"
        )
        return int(await s.scalar(query) or 0)


async def _start(http: httpx.AsyncClient, who: Account) -> str:
    body = {"sourceCvFile": who.source_id, "jobOfferIds": who.offer_ids}
    response = await http.post("/api/cv/generate-v2", json=body)
    assert response.status_code == 200, response.text
    return str(response.json()["taskId"])


async def _client(base_url: str) -> httpx.AsyncClient:
    http = httpx.AsyncClient(
        base_url=base_url, timeout=30, event_hooks={"request": [echo_csrf_cookie]}
    )
    await http.get("/health")
    return http


async def test_redis_restart_mid_generation(
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    private_redis: PrivateRedis,
    llm_configured: FakeOpenAIServer,
    tmp_path: Path,
) -> None:
    llm_configured.latency_ms = 300
    local = replace(settings, redis_url=private_redis.url)
    web = await RestartableWeb(local).start()
    # One job at a time: the second user's generation waits in the Redis queue, which the
    # restart wipes, so only the recovery sweep can bring it back.
    worker = WorkerProcess(local, tmp_path / "worker.log", CVTAILOR_MAX_JOBS="1").start()
    alice, bob = await _client(web.url), await _client(web.url)
    redis = Redis.from_url(private_redis.url)
    try:
        a = await account(alice, db, "alice@example.com", offers=2)
        b = await account(bob, db, "bob@example.com", offers=1)
        async with EventStream(alice) as stream:
            running = await _start(alice, a)
            queued = await _start(bob, b)
            async with asyncio.timeout(60):
                while await _completed_subtasks(session_factory, running) < 3:
                    assert worker.alive(), worker.tail()
                    await asyncio.sleep(0.05)
            assert await redis.exists(lease_key(running))
            assert await redis.zscore("arq:queue", job_id_for(queued)) is not None, "queued"
            private_redis.kill()
            down_at = asyncio.get_running_loop().time()
            # The web says so at once (no cookie: sessions live in Redis), it does not hang.
            async with httpx.AsyncClient(base_url=web.url, timeout=10) as probe:
                health = await probe.get("/health")
            assert health.status_code == 503 and health.json()["redis"]["ok"] is False
            # Meanwhile the pipeline goes on with the DB and the LLM.
            await asyncio.sleep(
                max(0.0, down_at + OUTAGE_SECONDS - asyncio.get_running_loop().time())
            )
            private_redis.start()
            back_at = asyncio.get_running_loop().time()
            # The holder takes its lease back: a resume elsewhere would run the task twice.
            async with asyncio.timeout(20):
                while not await redis.exists(lease_key(running)):
                    assert not await _finished(session_factory, running), "ended too soon"
                    await asyncio.sleep(0.05)
            first = await wait_finished(session_factory, running, timeout=90)
            second = await wait_finished(session_factory, queued, timeout=90)
            async with asyncio.timeout(20):  # delivered through the web's re-made subscription
                while not stream.named("cv_generation_v2:completed", after=back_at):
                    await asyncio.sleep(0.05)
        assert worker.alive(), "the worker must survive a Redis restart\n" + worker.tail()
        await assert_invariants(session_factory, redis, llm_configured)
        assert (first.status, len(first.generated_cv_ids)) == ("completed", 2), worker.tail()
        assert (second.status, len(second.generated_cv_ids)) == ("completed", 1), worker.tail()
        # Sessions lived in Redis: Alice signs in again, and the web serves her.
        assert (await alice.get("/api/auth/me")).status_code == 401
        login = {"email": "alice@example.com", "password": PASSWORD}
        assert (await alice.post("/api/auth/login", json=login)).status_code == 200
        status = (await alice.get(f"/api/cv/generate-v2/{running}")).json()
        assert [o["status"] for o in status["offers"]] == ["completed", "completed"]
    finally:
        await alice.aclose()
        await bob.aclose()
        await redis.aclose()
        worker.stop()
        await web.stop()


async def _finished(sessions: async_sessionmaker[AsyncSession], task_id: str) -> bool:
    async with sessions() as s:
        task = await s.get(CvGenerationTask, task_id)
        return task is not None and task.status in ("completed", "failed", "cancelled")
