"""Worker heartbeats in Redis: each worker refreshes a key with a TTL; /health reads them."""

from __future__ import annotations

import json
import time
from typing import Any

from redis.asyncio import Redis

HEARTBEAT_PREFIX = "cvtailor:worker:heartbeat:"


async def beat(redis: Redis, worker_id: str, ttl_seconds: int, info: dict[str, Any]) -> None:
    payload = json.dumps({"id": worker_id, "at": time.time(), **info})
    await redis.set(HEARTBEAT_PREFIX + worker_id, payload, ex=ttl_seconds)


async def clear(redis: Redis, worker_id: str) -> None:
    await redis.delete(HEARTBEAT_PREFIX + worker_id)


async def live_workers(redis: Redis) -> list[dict[str, Any]]:
    workers: list[dict[str, Any]] = []
    async for key in redis.scan_iter(match=HEARTBEAT_PREFIX + "*", count=100):
        raw = await redis.get(key)
        if raw:
            workers.append(json.loads(raw))
    return sorted(workers, key=lambda w: str(w.get("id")))
