"""Fixed-window counters in Redis, shared by every web process.

An attempt is counted *before* the work it guards (``hit``), and the caller refuses it when the
returned count is over the limit: the increment is atomic, so 100 requests arriving together get
100 distinct counts and only the first ``limit`` go through. Checking first and counting after
the work would let every one of them pass the check before any was counted.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from litestar import Request
from redis.asyncio import Redis

# One IPv6 subscriber holds a whole /64 (any address in it is theirs to use): a per-address
# limit would give them 2**64 budgets. IPv4 addresses are counted one by one.
IPV6_PREFIX = 64

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


def client_key(host: str) -> str:
    """What per-client limits count by: the IPv4 address, or the IPv6 /64 it belongs to (an
    IPv4 address written as IPv6, ``::ffff:a.b.c.d``, is the IPv4 address). Anything that is
    no IP address (a test client's name) is used as it is."""
    try:
        address = ipaddress.ip_address(host.strip().split("%", 1)[0])
    except ValueError:
        return host or "unknown"
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, IPV6_PREFIX), strict=False))
    return str(address)


def client_of(request: Request[Any, Any, Any]) -> str:
    """The request's client for per-client limits (``client_key`` of its address, as the
    trusted proxies reported it)."""
    return client_key(request.client.host if request.client else "unknown")
