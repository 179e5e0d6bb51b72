"""Fixed-window counters in Redis, shared by every web process."""

from __future__ import annotations

from redis.asyncio import Redis


async def is_limited(redis: Redis, key: str, limit: int) -> bool:
    count = await redis.get(key)
    return count is not None and int(count) >= limit


async def record_hit(redis: Redis, key: str, window_seconds: int) -> int:
    async with redis.pipeline(transaction=True) as pipe:
        pipe.incr(key)
        pipe.expire(key, window_seconds, nx=True)
        count, _ = await pipe.execute()
    return int(count)


async def reset(redis: Redis, key: str) -> None:
    await redis.delete(key)
