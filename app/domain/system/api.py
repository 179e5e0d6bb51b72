"""Health check, dashboard and the worker ping that proves the event path end to end."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from litestar import Request, Response, get, post
from litestar.di import NamedDependency
from litestar.response import Template
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CvFile, JobOffer, User
from app.domain.accounts.services import sign_up_offer
from app.domain.admin.llm_config import engine_status
from app.domain.generation.runs import run_summaries
from app.domain.generation.services import recent_generations
from app.domain.generation.view import STATUS_LABELS as GENERATION_STATUS_LABELS
from app.lib.heartbeat import live_workers

HEALTH_REDIS_TIMEOUT_SECONDS = 2.0


# No session: sessions live in Redis, and health must answer (503) when Redis is away.
@get("/health", tags=["system"], opt={"skip_session": True})
async def health(
    request: Request[Any, Any, Any], db: NamedDependency[AsyncSession]
) -> Response[dict[str, Any]]:
    """Web, database, Redis and worker heartbeat. 503 when the DB or Redis is down."""
    checks: dict[str, Any] = {"web": {"ok": True}}
    started = time.perf_counter()
    try:
        await db.execute(text("SELECT 1"))
        checks["database"] = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}
    except Exception as exc:
        checks["database"] = {"ok": False, "error": type(exc).__name__}
    try:
        redis = request.app.state.redis
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


RECENT_GENERATIONS = 5


@get("/", include_in_schema=False)
async def dashboard(
    optional_user: NamedDependency[User | None],
    db: NamedDependency[AsyncSession],
    settings: NamedDependency[Settings],
) -> Template:
    if optional_user is None:
        # Signed out: what the app does, the sign-in form, and sign-up as the server allows it.
        return Template("home/landing.html", context={"sign_up": await sign_up_offer(db)})
    user = optional_user

    async def count(model: type[CvFile] | type[JobOffer], *conditions: Any) -> int:
        stmt = select(func.count()).select_from(model).where(model.user_id == user.id, *conditions)
        return int(await db.scalar(stmt) or 0)

    counts = {
        "source_cvs": await count(CvFile, CvFile.kind == "source"),
        "offers": await count(JobOffer),
    }
    recent = await recent_generations(db, user.id, RECENT_GENERATIONS)
    return Template(
        "home/index.html",
        context={
            "user": user,
            "counts": counts,
            "engine": await engine_status(db, settings),
            "generations": recent,
            "runs": await run_summaries(db, recent),
            "status_labels": GENERATION_STATUS_LABELS,
        },
    )


@post("/api/system/ping-worker", tags=["system"], status_code=202)
async def ping_worker(
    request: Request[Any, Any, Any], user: NamedDependency[User]
) -> dict[str, Any]:
    """Ask a worker to publish ``system:pong`` on the caller's event stream."""
    job = await request.app.state.arq.enqueue_job("ping", user.id, time.time())
    return {"queued": job is not None, "jobId": job.job_id if job else None}
