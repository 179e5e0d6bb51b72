"""A generation's lease (jobs/pipeline/lock.py) is released even when the job is cancelled
while it releases it — arq's abort landing as a cancelled job ends — else the lease stays in
Redis until it expires and a resumption steps aside for nobody."""

from __future__ import annotations

import asyncio
from typing import Any

from app.lib.redis_lock import RELEASE
from jobs.pipeline.lock import is_held, task_lease


class SlowReleaseRedis:
    """Just the calls the lease makes; the release script waits for ``gate``."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.releasing = asyncio.Event()
        self.gate = asyncio.Event()

    async def set(self, key: str, value: str, *, nx: bool, ex: int) -> bool:
        if nx and key in self.values:
            return False
        self.values[key] = value
        return True

    async def exists(self, key: str) -> int:
        return int(key in self.values)

    async def eval(self, script: str, _count: int, key: str, token: str, *_: Any) -> int:
        if script != RELEASE:
            return 1  # a renewal
        self.releasing.set()
        await self.gate.wait()
        if self.values.get(key) == token:
            del self.values[key]
            return 1
        return 0


async def test_a_cancel_during_the_release_still_releases() -> None:
    redis: Any = SlowReleaseRedis()

    async def job() -> None:
        async with task_lease(redis, "t1", 45) as held:
            assert held

    running = asyncio.ensure_future(job())
    await redis.releasing.wait()  # the job has ended its work and is releasing its lease
    running.cancel()  # the abort lands now
    await asyncio.gather(running, return_exceptions=True)
    assert await is_held(redis, "t1")  # not yet: the release waits
    redis.gate.set()
    async with asyncio.timeout(10):
        while await is_held(redis, "t1"):
            await asyncio.sleep(0.01)


async def test_a_second_holder_steps_aside_until_the_release() -> None:
    redis: Any = SlowReleaseRedis()
    redis.gate.set()
    async with task_lease(redis, "t2", 45) as first, task_lease(redis, "t2", 45) as second:
        assert first and not second
    async with task_lease(redis, "t2", 45) as again:
        assert again
