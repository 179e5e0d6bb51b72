"""The worker through real Redis: arq round trip, heartbeat in /health, SSE from worker to tab."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
from arq import create_pool
from arq.jobs import Job
from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient

from app.config import Settings
from app.lib.redis import arq_settings


async def test_arq_job_round_trip_through_real_redis(settings: Settings, worker: Worker) -> None:
    pool = await create_pool(arq_settings(settings.effective_redis_url))
    try:
        job = await pool.enqueue_job("ping", "no-such-user", 1.0)
        assert isinstance(job, Job)
        result = await job.result(timeout=60)
        assert result["message"] == "pong" and result["sentAt"] == 1.0
    finally:
        await pool.aclose()


async def test_health_reports_database_redis_and_worker(api: Any, worker: Worker) -> None:
    deadline = asyncio.get_running_loop().time() + 60  # a poll: ends once the worker is seen
    while True:
        body = (await api.get("/health")).json()
        if body["worker"]["ok"] or asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.1)
    assert body["status"] == "ok", body
    assert body["database"]["ok"] and body["redis"]["ok"] and body["worker"]["count"] >= 1


async def test_health_without_worker_is_degraded(client: AsyncTestClient[Litestar]) -> None:
    response = await client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"


async def _browser(base_url: str, email: str) -> httpx.AsyncClient:
    client = httpx.AsyncClient(base_url=base_url, timeout=10)
    await client.get("/health")
    response = await client.post(
        "/api/auth/register",
        json={"email": email, "password": "long enough pw"},
        headers={"x-csrftoken": client.cookies["csrftoken"]},
    )
    assert response.status_code == 201, response.text
    return client


async def test_event_from_worker_reaches_the_users_sse_stream_only(
    live_server: str, worker: Worker
) -> None:
    """Over a real socket: user A's tab gets the worker's event; B's does not."""
    alice = await _browser(live_server, "sse@example.com")
    bob = await _browser(live_server, "other@example.com")
    try:
        async with (
            bob.stream("GET", "/api/events") as bob_stream,
            alice.stream("GET", "/api/events?until=system:pong") as stream,
        ):
            assert stream.headers["content-type"].startswith("text/event-stream")
            lines = stream.aiter_lines()
            bob_lines = bob_stream.aiter_lines()
            # The DB snapshot comes first, proving the subscription is in place.
            assert await anext(lines) == "event: tasks:snapshot"
            assert json.loads((await anext(lines)).removeprefix("data: ")) == {"tasks": []}
            assert await anext(bob_lines) == "event: tasks:snapshot"
            queued = await alice.post(
                "/api/system/ping-worker", headers={"x-csrftoken": alice.cookies["csrftoken"]}
            )
            assert queued.status_code == 202
            received = []
            async with asyncio.timeout(30):
                async for line in lines:
                    received.append(line)
                    if line.startswith("data:") and "pong" in line:
                        break
            assert "event: system:pong" in received
            assert json.loads(received[-1].removeprefix("data: "))["message"] == "pong"
            leftover = []
            try:
                async with asyncio.timeout(0.5):
                    async for line in bob_lines:
                        leftover.append(line)
            except TimeoutError:
                pass
            assert not any("pong" in line for line in leftover)
    finally:
        await alice.aclose()
        await bob.aclose()
