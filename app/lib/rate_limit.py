"""Fixed-window counters in Redis, shared by every web process."""

from __future__ import annotations

from redis.asyncio import Redis


async def is_limited(redis: Redis, key: str, limit: int) -> bool:
    count = await redis.get(key)
    return count is not None and int(count) >= limit


async def record_hit(redis: Redis, key: str, window_seconds: int) -> int:
    # SET NX starts the window once; EXPIRE's NX flag would need Redis 7 (the embedded one is 6).
    async with redis.pipeline(transaction=True) as pipe:
        pipe.set(key, 0, ex=window_seconds, nx=True)
        pipe.incr(key)
        _, count = await pipe.execute()
    return int(count)


async def reset(redis: Redis, key: str) -> None:
    await redis.delete(key)
