"""The arq worker: ``arq jobs.worker.WorkerSettings``.

Jobs get a context with the DB session factory (the same factory the web app uses) and the arq
Redis connection, through which they publish user events.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import uuid
from typing import Any, ClassVar

from arq.connections import RedisSettings

from app.config import get_settings
from app.db.session import create_engine, create_session_factory
from app.lib import heartbeat
from app.lib.events import publish_event
from app.lib.redis import arq_settings

_settings = get_settings()


async def ping(ctx: dict[str, Any], user_id: str, sent_at: float) -> dict[str, Any]:
    """Round trip through the queue and back to the user's SSE stream."""
    payload = {"sentAt": sent_at, "worker": ctx["worker_id"], "message": "pong"}
    await publish_event(ctx["redis"], user_id, "system:pong", payload)
    return payload


async def _beat_forever(ctx: dict[str, Any]) -> None:
    info = {"host": socket.gethostname(), "pid": os.getpid()}
    while True:
        await heartbeat.beat(
            ctx["redis"], ctx["worker_id"], _settings.heartbeat_stale_seconds, info
        )
        await asyncio.sleep(_settings.health_check_interval_seconds)


async def startup(ctx: dict[str, Any]) -> None:
    engine = create_engine(_settings.database_url, echo=_settings.database_echo)
    ctx["engine"] = engine
    ctx["session_factory"] = create_session_factory(engine)
    ctx["settings"] = _settings
    ctx["worker_id"] = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    ctx["heartbeat_task"] = asyncio.create_task(_beat_forever(ctx))


async def shutdown(ctx: dict[str, Any]) -> None:
    task: asyncio.Task[None] | None = ctx.get("heartbeat_task")
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    with contextlib.suppress(Exception):
        await heartbeat.clear(ctx["redis"], ctx["worker_id"])
    if "engine" in ctx:
        await ctx["engine"].dispose()


class WorkerSettings:
    functions: ClassVar[list[Any]] = [ping]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings: RedisSettings = arq_settings(_settings.effective_redis_url)
    max_jobs = _settings.max_jobs
    # Modest on purpose: a SIGKILLed job is re-delivered only after its in-progress key expires.
    job_timeout = _settings.job_timeout_seconds
    keep_result = 3600  # Job.abort() needs the result kept
    allow_abort_jobs = True
    health_check_interval = _settings.health_check_interval_seconds
    max_tries = 5
