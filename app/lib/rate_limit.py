"""Fixed-window counters in Redis, shared by every web process.

An attempt is counted *before* the work it guards (``hit``), and the caller refuses it when the
returned count is over the limit: the increment is atomic, so 100 requests arriving together get
100 distinct counts and only the first ``limit`` go through. Checking first and counting after
the work would let every one of them pass the check before any was counted.
"""

from __future__ import annotations

from redis.asyncio import Redis

# Give an attempt back (it turned out not to be one worth limiting): never below zero, and
# never on a key whose window has expired (a DECR there would create a key without expiry).
_REFUND = """
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then return redis.call('DECR', KEYS[1]) end
return 0
"""


async def hit(redis: Redis, key: str, window_seconds: int) -> int:
    """Count one attempt and return the count in the current window (1 for the first)."""
    # SET NX starts the window once; EXPIRE's NX flag would need Redis 7 (the embedded one is 6).
    async with redis.pipeline(transaction=True) as pipe:
        pipe.set(key, 0, ex=window_seconds, nx=True)
        pipe.incr(key)
        _, count = await pipe.execute()
    return int(count)


async def refund(redis: Redis, key: str) -> None:
    # redis-py types eval as "Awaitable[str] | str" (one signature for its sync and async client)
    await redis.eval(_REFUND, 1, key)  # type: ignore[misc]


async def reset(redis: Redis, key: str) -> None:
    await redis.delete(key)
