"""Health check and the worker ping that proves the event path end to end (the signed-in home
page is app/domain/dashboard/)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from litestar import Response, get, post
from sqlalchemy import text

from app.job_names import Job, enqueue
from app.lib import rate_limit
from app.lib.dependencies import Arq, Db, RedisClient, SignedIn
from app.lib.errors import TooManyRequests
from app.lib.heartbeat import live_workers
from app.lib.i18n import N_

HEALTH_REDIS_TIMEOUT_SECONDS = 2.0
PINGS_PER_MINUTE = 10
PING_EXPIRES_SECONDS = 60


# No session: sessions live in Redis, and health must answer (503) when Redis is away.
@get("/health", tags=["system"], opt={"skip_session": True})
async def health(db: Db, redis: RedisClient) -> Response[dict[str, Any]]:
    """Web, database, Redis and worker heartbeat. 503 when the DB or Redis is down."""
    checks: dict[str, Any] = {"web": {"ok": True}}
    started = time.perf_counter()
    try:
        await db.execute(text("SELECT 1"))
        checks["database"] = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}
    except Exception as exc:
        checks["database"] = {"ok": False, "error": type(exc).__name__}
    try:
        redis = redis
        started = time.perf_counter()
        # The Redis client retries through an outage (app/lib/redis.py); health answers now.
        async with asyncio.timeout(HEALTH_REDIS_TIMEOUT_SECONDS):
            await redis.ping()
            checks["redis"] = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}
            workers = await live_workers(redis)
        checks["worker"] = {"ok": bool(workers), "count": len(workers), "workers": workers}
    except Exception as exc:
        checks["redis"] = {"ok": False, "error": type(exc).__name__}
        checks["worker"] = {"ok": False, "count": 0, "workers": []}
    essential_ok = checks["database"]["ok"] and checks["redis"]["ok"]
    status = (
        "ok"
        if essential_ok and checks["worker"]["ok"]
        else ("degraded" if essential_ok else "down")
    )
    return Response({"status": status, **checks}, status_code=200 if essential_ok else 503)


@post("/api/system/ping-worker", tags=["system"], status_code=202)
async def ping_worker(user: SignedIn, arq: Arq, redis: RedisClient) -> dict[str, Any]:
    """Ask a worker to publish ``system:pong`` on the caller's event stream.

    At most ``PINGS_PER_MINUTE`` per user; a ping no worker took within ``PING_EXPIRES_SECONDS``
    is dropped, and the worker keeps its result a minute only (jobs/worker.py): a flood of pings
    leaves a few keys in Redis, not one an hour per call.
    """
    key = f"ratelimit:ping:user:{user.id}"
    if await rate_limit.hit(redis, key, 60) > PINGS_PER_MINUTE:
        raise TooManyRequests(
            N_("Too many worker checks. Wait a minute and try again."),
            code="system.too_many_pings",
        )
    job = await enqueue(arq, Job.PING, user.id, time.time(), _expires=PING_EXPIRES_SECONDS)
    return {"queued": job is not None, "jobId": job.job_id if job else None}
