"""Fixtures of the fault-injection suite: a slow honest LLM over HTTP, users with offers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvGenerationTask
from app.lib.llm import StructuredMode, mode_cache
from tests import factories
from tests.conftest import register
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer
from tests.faults.invariants import assert_invariants
from tests.faults.processes import PrivateRedis
from tests.integration.pipeline_helpers import point_llm_at, start_generation, wait_finished

MODEL = "gpt-4o-mini"  # the seeded default model of every phase
LATENCY_MS = 200  # enough for a fault to land mid-offer, short enough for a fast suite


@pytest.fixture(scope="package")
def _flushed_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This package's own redis-server, in place of the shared test Redis.

    The shared one gives each pytest session a database picked from its pid: sessions running
    side by side on one machine then flush, or run, each other's jobs — the very faults this
    suite injects on purpose, which must happen only when a test says so.
    """
    server = PrivateRedis(tmp_path_factory.mktemp("faults-redis")).start()
    yield server.url
    server.stop()


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    """The honest scripted model behind real HTTP, with latency on every answer."""
    with FakeOpenAIServer(default_reply=pipeline_llm.honest, latency_ms=LATENCY_MS) as server:
        # In-loop workers skip the structured-output probe; subprocess workers probe once.
        mode_cache.set(server.base_url, MODEL, StructuredMode.JSON_SCHEMA)
        yield server
        mode_cache.clear(server.base_url)


@pytest.fixture
async def llm_configured(db: AsyncSession, llm: FakeOpenAIServer) -> FakeOpenAIServer:
    await point_llm_at(db, llm.base_url)
    return llm


@dataclass
class Account:
    user: dict[str, Any]
    source_id: str
    offer_ids: list[str]
    offer_titles: list[str]  # unique per user and offer: a test can script the LLM per offer

    @property
    def id(self) -> str:
        return str(self.user["id"])


async def account(
    http: Any, db: AsyncSession, email: str, offers: int = 1, title: str = "Backend role"
) -> Account:
    """A registered user (signed in on ``http``) with the fictional source CV and offers whose
    titles differ, so the invariant checker can attribute every LLM call to its offer."""
    me = await register(http, email)
    source = await factories.source_cv(db, me["id"])
    titles = [f"{title} {email.split('@')[0]} {i + 1}" for i in range(offers)]
    ids = [(await factories.job_offer(db, me["id"], title=t)).id for t in titles]
    return Account(me, source.id, ids, titles)


@dataclass
class Scene:
    """What every fault scenario acts on and checks afterwards: the database, Redis and the
    scripted model (already the app's LLM endpoint)."""

    db: AsyncSession
    sessions: async_sessionmaker[AsyncSession]
    redis: Redis
    llm: FakeOpenAIServer

    async def account(self, http: Any, email: str, offers: int = 1) -> Account:
        return await account(http, self.db, email, offers)

    async def start(self, http: Any, who: Account) -> str:
        """``who`` generates CVs for all of its offers over ``http``; the task's id."""
        return await start_generation(http, who.source_id, who.offer_ids)

    async def check_invariants(self) -> None:
        await assert_invariants(self.sessions, self.redis, self.llm)

    async def finished(self, task_id: str, timeout: float = 60) -> CvGenerationTask:
        """The task once it has ended, after the invariant checker has passed the whole state."""
        task = await wait_finished(self.sessions, task_id, timeout=timeout)
        await self.check_invariants()
        return task


@pytest.fixture
def scene(
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    redis: Redis,
    llm_configured: FakeOpenAIServer,
) -> Scene:
    return Scene(db, session_factory, redis, llm_configured)
