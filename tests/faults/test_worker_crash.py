"""SIGKILL the worker mid-task, start another: the task finishes, nothing is done or paid twice."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from redis.asyncio import Redis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CreditTransaction, CvGenerationSubtask, User
from tests.fakes.openai_server import FakeOpenAIServer
from tests.faults.conftest import account
from tests.faults.invariants import assert_invariants, request_key
from tests.faults.processes import WorkerProcess
from tests.integration.pipeline_helpers import generate, wait_finished


async def _completed_subtasks(sessions: async_sessionmaker[AsyncSession]) -> int:
    async with sessions() as s:
        query = select(func.count()).where(CvGenerationSubtask.status == "completed")
        return int(await s.scalar(query.select_from(CvGenerationSubtask)) or 0)


async def test_sigkill_mid_task_then_restart_finishes_exactly_once(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    redis: Redis,
    llm_configured: FakeOpenAIServer,
    tmp_path: Path,
) -> None:
    llm_configured.latency_ms = 300
    me = await account(api, db, "crash@example.com", offers=2)
    first = WorkerProcess(settings, tmp_path / "worker.log").start()
    second = WorkerProcess(settings, tmp_path / "worker.log")
    try:
        task_id = (await generate(api, me.source_id, me.offer_ids)).json()["taskId"]
        async with asyncio.timeout(60):
            while await _completed_subtasks(session_factory) < 4:  # classify + some batches
                await asyncio.sleep(0.05)
        first.kill()
        async with session_factory() as s:
            done_before = {
                (row.offer_id, row.type, row.item_index)
                for row in await s.scalars(
                    select(CvGenerationSubtask).where(CvGenerationSubtask.status == "completed")
                )
            }
        await asyncio.sleep(settings.generation_lease_seconds)  # the dead worker's lease expires
        second.start()
        task = await wait_finished(session_factory, task_id, timeout=90)
        await assert_invariants(session_factory, redis, llm_configured)
    finally:
        first.stop()
        second.stop()
    assert task.status == "completed", first.tail()
    assert len(task.generated_cv_ids) == 2
    assert done_before, "the kill must happen mid-task"
    async with session_factory() as s:
        rows = list(await s.scalars(select(CvGenerationSubtask)))
        keys = [(row.offer_id, row.type, row.item_index) for row in rows]
        assert len(keys) == len(set(keys)), "one subtask row per call"
        assert all(row.status == "completed" for row in rows)
        # Work recorded as completed before the kill was reused, not redone.
        for row in rows:
            if (row.offer_id, row.type, row.item_index) in done_before:
                assert row.retry_count == 0
        user = await s.get(User, me.id)
        assert user is not None and user.credit_balance == me.user["creditBalance"] - 2
        refunds = await s.scalars(
            select(CreditTransaction).where(CreditTransaction.type == "refund")
        )
        assert list(refunds) == []
    # Each call ran once, or twice when it was in flight at the kill (at most 6 run at once).
    calls = [r for r in llm_configured.chat_requests if request_key(r) is not None]
    assert len(rows) <= len(calls) <= len(rows) + 6
