"""A cancel landing while LLM calls are in flight (the job is aborted mid-call): the task, its
offers and its subtasks all end in a final state, unfinished offers are refunded once."""

from __future__ import annotations

import asyncio
from typing import Any

from arq.worker import Worker
from redis.asyncio import Redis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvGenerationOffer, CvGenerationSubtask
from tests.fakes.openai_server import FakeOpenAIServer
from tests.faults.conftest import account
from tests.faults.invariants import assert_invariants
from tests.integration.pipeline_helpers import generate, wait_finished


async def test_cancel_mid_call_leaves_nothing_running(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    redis: Redis,
    llm_configured: FakeOpenAIServer,
    worker: Worker,
) -> None:
    llm_configured.latency_ms = 1000  # calls are in flight when the cancel lands
    me = await account(api, db, "cancel-mid-call@example.com", offers=2)
    task_id = (await generate(api, me.source_id, me.offer_ids)).json()["taskId"]
    async with asyncio.timeout(30):
        while True:
            async with session_factory() as s:
                query = select(func.count()).select_from(CvGenerationSubtask)
                running = await s.scalar(query.where(CvGenerationSubtask.status == "running"))
            if running and running >= 2:  # parallel batch calls waiting for the model
                break
            await asyncio.sleep(0.05)
    response = await api.post(f"/api/cv/generate-v2/{task_id}/cancel")
    assert response.status_code == 200 and response.json()["creditsRefunded"] == 2
    task = await wait_finished(session_factory, task_id)
    await assert_invariants(session_factory, redis, llm_configured)
    assert task.status == "cancelled"
    async with session_factory() as s:
        offers = await s.scalars(select(CvGenerationOffer).order_by(CvGenerationOffer.offer_index))
        assert [o.status for o in offers] == ["cancelled", "cancelled"]
