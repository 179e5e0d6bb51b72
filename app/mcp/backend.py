"""What a tool call works with: the settings, the database sessions, Redis and the job queue.

The web process lends its own (``routes.py``); ``make mcp`` opens them itself with
``open_backend``, as the web app's lifespan does (app/asgi.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from arq import create_pool
from arq.connections import ArqRedis
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.session import create_engine, create_session_factory
from app.lib.redis import arq_settings, redis_from_url


@dataclass(frozen=True, slots=True)
class Backend:
    settings: Settings
    sessions: async_sessionmaker[AsyncSession]  # writes: BEGIN IMMEDIATE on SQLite
    read_sessions: async_sessionmaker[AsyncSession]  # reads: never queue behind the worker
    redis: Redis
    arq: ArqRedis


@asynccontextmanager
async def open_backend(settings: Settings) -> AsyncIterator[Backend]:
    redis = redis_from_url(settings.effective_redis_url)
    engine = create_engine(settings.database_url, echo=settings.database_echo)
    reader = engine
    if settings.database_url.startswith("sqlite"):
        # Reads without BEGIN IMMEDIATE, as the web app's GET requests (app/asgi.py).
        reader = create_engine(settings.database_url, echo=settings.database_echo, immediate=False)
    try:
        arq = await create_pool(arq_settings(settings.effective_redis_url))
        try:
            yield Backend(
                settings=settings,
                sessions=create_session_factory(engine, redis),
                read_sessions=create_session_factory(reader),
                redis=redis,
                arq=arq,
            )
        finally:
            await arq.aclose()
    finally:
        await engine.dispose()
        if reader is not engine:
            await reader.dispose()
        await redis.aclose()
