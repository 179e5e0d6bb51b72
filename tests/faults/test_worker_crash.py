"""SIGKILL the worker mid-task, start another: the task finishes, nothing is done or paid twice."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.config import Settings
from app.db.models import CreditTransaction, CvGenerationSubtask, User
from tests.faults.conftest import Scene
from tests.faults.invariants import request_key
from tests.faults.processes import WorkerProcess
from tests.integration.pipeline_helpers import count_now


async def test_sigkill_mid_task_then_restart_finishes_exactly_once(
    api: Any, scene: Scene, settings: Settings, tmp_path: Path
) -> None:
    scene.llm.latency_ms = 300
    me = await scene.account(api, "crash@example.com", offers=2)
    first = WorkerProcess(settings, tmp_path / "worker.log").start()
    second = WorkerProcess(settings, tmp_path / "worker.log")
    try:
        task_id = await scene.start(api, me)
        completed = CvGenerationSubtask.status == "completed"
        async with asyncio.timeout(60):  # until classify and some batches are done
            while await count_now(scene.sessions, CvGenerationSubtask, completed) < 4:
                await asyncio.sleep(0.05)
        first.kill()
        async with scene.sessions() as s:
            done_before = {
                (row.offer_id, row.type, row.item_index)
                for row in await s.scalars(
                    select(CvGenerationSubtask).where(CvGenerationSubtask.status == "completed")
                )
            }
        await asyncio.sleep(settings.generation_lease_seconds)  # the dead worker's lease expires
        second.start()
        task = await scene.finished(task_id, timeout=90)
    finally:
        first.stop()
        second.stop()
    assert task.status == "completed", first.tail()
    assert len(task.generated_cv_ids) == 2
    assert done_before, "the kill must happen mid-task"
    async with scene.sessions() as s:
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
    calls = [r for r in scene.llm.chat_requests if request_key(r) is not None]
    assert len(rows) <= len(calls) <= len(rows) + 6
