"""Helpers for pipeline tests: start a generation over HTTP, wait for the end, collect events."""

from __future__ import annotations

import asyncio
import json
from typing import Any, TypeVar

from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis
from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvGenerationTask
from app.lib.events import user_channel
from app.settings.service import update_setting
from tests.conftest import csrf_token

T = TypeVar("T")


async def generate(
    client: AsyncTestClient[Litestar], source_id: str | None, offer_ids: list[str], **extra: Any
) -> Any:
    token = await csrf_token(client)
    body = {"sourceCvFile": source_id, "jobOfferIds": offer_ids, **extra}
    return await client.post("/api/cv/generate-v2", json=body, headers={"x-csrftoken": token})


async def start_generation(
    client: AsyncTestClient[Litestar], source_id: str | None, offer_ids: list[str]
) -> str:
    """Start a generation of ``offer_ids`` from ``source_id``; the new task's id."""
    return str((await generate(client, source_id, offer_ids)).json()["taskId"])


async def point_llm_at(db: AsyncSession, base_url: str) -> None:
    """Make ``base_url`` the LLM endpoint of the app (admin settings, as the admin page does)."""
    await update_setting(db, "llm_base_url", base_url)
    await update_setting(db, "llm_api_key", "test-key")
    await db.commit()


async def read_now(sessions: async_sessionmaker[AsyncSession], query: Select[T]) -> T | None:
    """The first value of ``query``, read in a fresh session: what the worker has committed by
    now (a session kept open by the test could still be on an older snapshot)."""
    async with sessions() as session:
        return await session.scalar(query)


async def count_now(
    sessions: async_sessionmaker[AsyncSession], model: type[Any], *where: ColumnElement[bool]
) -> int:
    """How many ``model`` rows match ``where`` right now."""
    return int(await read_now(sessions, select(func.count()).select_from(model).where(*where)) or 0)


async def wait_finished(
    sessions: async_sessionmaker[AsyncSession], task_id: str, timeout: float = 60
) -> CvGenerationTask:
    query = select(CvGenerationTask).where(CvGenerationTask.id == task_id)
    async with asyncio.timeout(timeout):
        while True:
            task = await read_now(sessions, query)
            if task is not None and task.status in ("completed", "failed", "cancelled"):
                return task
            await asyncio.sleep(0.05)


class EventLog:
    """Every event published to one user's channel, with arrival times."""

    def __init__(self, redis_url: str, user_id: str) -> None:
        self.redis = Redis.from_url(redis_url)
        self.user_id = user_id
        self.events: list[tuple[float, str, dict[str, Any]]] = []
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> EventLog:
        pubsub = self.redis.pubsub()
        await pubsub.subscribe(user_channel(self.user_id))

        async def pump() -> None:
            loop = asyncio.get_running_loop()
            async for message in pubsub.listen():
                if message["type"] == "message":
                    data = json.loads(message["data"])
                    self.events.append((loop.time(), data["event"], data["data"]))

        self._task = asyncio.create_task(pump())
        await asyncio.sleep(0.05)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._task:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        await self.redis.aclose()

    def named(self, name: str) -> list[dict[str, Any]]:
        return [payload for _, event, payload in self.events if event == name]

    async def wait_for(
        self, name: str, count: int = 1, timeout: float = 30
    ) -> list[dict[str, Any]]:
        async with asyncio.timeout(timeout):
            while len(self.named(name)) < count:
                await asyncio.sleep(0.02)
        return self.named(name)
