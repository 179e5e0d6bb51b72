"""The worker ping is limited per user, and what a ping leaves in Redis goes within a minute."""

from __future__ import annotations

import asyncio

from arq.worker import Worker
from redis.asyncio import Redis

from app.domain.system.api import PINGS_PER_MINUTE
from jobs.worker import PING_RESULT_SECONDS
from tests.fixtures.live import browser


async def test_pings_past_the_limit_are_refused(live_server: str) -> None:
    http = await browser(live_server, "pinger@example.com")
    headers = {"x-csrftoken": http.cookies["csrftoken"]}
    answers = [
        await http.post("/api/system/ping-worker", headers=headers)
        for _ in range(PINGS_PER_MINUTE + 3)
    ]
    await http.aclose()
    codes = [a.status_code for a in answers]
    assert codes == [202] * PINGS_PER_MINUTE + [429] * 3, codes
    assert answers[-1].json()["error"] == "system.too_many_pings"
    other = await browser(live_server, "neighbour@example.com")
    ping = await other.post(
        "/api/system/ping-worker", headers={"x-csrftoken": other.cookies["csrftoken"]}
    )
    await other.aclose()
    assert ping.status_code == 202  # a budget per user


async def test_a_ping_leaves_no_key_for_an_hour(
    live_server: str, worker: Worker, redis: Redis
) -> None:
    http = await browser(live_server, "pinger@example.com")
    answer = await http.post(
        "/api/system/ping-worker", headers={"x-csrftoken": http.cookies["csrftoken"]}
    )
    await http.aclose()
    job_id = answer.json()["jobId"]
    result_key = f"arq:result:{job_id}"
    async with asyncio.timeout(30):
        while not await redis.exists(result_key):
            await asyncio.sleep(0.05)
    assert 0 < await redis.ttl(result_key) <= PING_RESULT_SECONDS
