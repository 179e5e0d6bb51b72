"""What a request handler may ask for by parameter name, and the one way each is provided.

``create_app`` (app/asgi.py) registers every provider once for the whole application; a handler
declares the parameter (``db: Db``, ``arq: Arq``...) and Litestar passes the value. The aliases
mark each parameter as an injected dependency (never a query parameter) and keep handler
signatures short. The clients (Redis, the arq pool) are created once by ``create_app`` and its
lifespan and kept in the application state; only these providers read that state, so
controllers and domain code receive the clients instead of reaching into ``request.app.state``.

Provided elsewhere, because they need more than this layer may import: ``user`` and
``optional_user`` (app/lib/current_user.py), ``engine`` (app/settings/llm_endpoint.py) and the
accounts router's ``login`` (app/domain/accounts/login.py).

Litestar does not clean up the dependencies already resolved when a provider raises (the
``db`` session then closes only when garbage-collected): a provider must end any transaction
it opened before it raises (see ``resolve_user``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, TypeAlias

from arq.connections import ArqRedis
from litestar import Request
from litestar.channels import ChannelsPlugin
from litestar.datastructures import State
from litestar.di import NamedDependency
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import User

READ_METHODS = frozenset({"GET", "HEAD"})

Db = NamedDependency[AsyncSession]
"""``db``: the request's database session (``provide_db``)."""
SignedIn = NamedDependency[User]
"""``user``: the signed-in caller; a request without one is answered 401 before the handler."""
MaybeSignedIn: TypeAlias = NamedDependency[User | None]
"""``optional_user``: the caller when signed in, else None."""
AppSettings = NamedDependency[Settings]
"""``settings``: the configuration loaded once by ``create_app``."""
RedisClient = NamedDependency[Redis]
"""``redis``: the application's Redis client (events, sessions, rate limits)."""
Arq = NamedDependency[ArqRedis]
"""``arq``: the pool that enqueues jobs for the worker."""
Channels = NamedDependency[ChannelsPlugin]
"""``channels``: the pub/sub the SSE streams subscribe to (provided by the ChannelsPlugin)."""
ReadSessions = NamedDependency[async_sessionmaker[AsyncSession]]
"""``read_sessions``: opens read-only sessions, for long-lived responses (SSE streams) that
must not hold the request's session open for their whole life."""
WriteSessions = NamedDependency[async_sessionmaker[AsyncSession]]
"""``write_sessions``: opens read-write sessions, for work done after the answer was sent (a
response's background task), when the request's own session is already closed."""


@dataclass(frozen=True, slots=True)
class TaskQueue:
    """How web code hands work to the worker: the arq pool enqueues the job, Redis carries the
    events every open tab follows while it runs."""

    redis: Redis
    arq: ArqRedis


Queue = NamedDependency[TaskQueue]
"""``queue``: Redis and the arq pool together, for handlers that start background work."""


async def provide_db(request: Request[Any, Any, Any], state: State) -> AsyncIterator[AsyncSession]:
    """One session per request; handlers commit explicitly, anything uncommitted rolls back.

    GET/HEAD use the read factory: on SQLite its statements run without BEGIN IMMEDIATE, each
    on the latest committed state, so pages never queue behind the worker's writes (with 50
    generations running, page p95 went from ~640 ms to < 100 ms: bench/load_bench.py). The one
    write a GET makes (an API token's ``last_used_at``) then commits on its own.
    """
    reading = request.method in READ_METHODS
    factory = state.read_session_factory if reading else state.session_factory
    async with factory() as session:
        yield session


def provide_read_sessions(state: State) -> async_sessionmaker[AsyncSession]:
    factory: async_sessionmaker[AsyncSession] = state.read_session_factory
    return factory


def provide_write_sessions(state: State) -> async_sessionmaker[AsyncSession]:
    factory: async_sessionmaker[AsyncSession] = state.session_factory
    return factory


def provide_queue(redis: RedisClient, arq: Arq) -> TaskQueue:
    return TaskQueue(redis, arq)


def provide_settings(state: State) -> Settings:
    settings: Settings = state.settings
    return settings


def provide_redis(state: State) -> Redis:
    redis: Redis = state.redis
    return redis


def provide_arq(state: State) -> ArqRedis:
    arq: ArqRedis = state.arq
    return arq
