"""A cancel landing while LLM calls are in flight (the job is aborted mid-call): the task, its
offers and its subtasks all end in a final state, unfinished offers are refunded once."""

from __future__ import annotations

import asyncio
from typing import Any

from arq.worker import Worker
from sqlalchemy import select

from app.db.models import CvGenerationOffer, CvGenerationSubtask
from tests.faults.conftest import Scene
from tests.integration.pipeline_helpers import count_now


async def test_cancel_mid_call_leaves_nothing_running(
    api: Any, scene: Scene, worker: Worker
) -> None:
    scene.llm.latency_ms = 1000  # calls are in flight when the cancel lands
    me = await scene.account(api, "cancel-mid-call@example.com", offers=2)
    task_id = await scene.start(api, me)
    running = CvGenerationSubtask.status == "running"
    async with asyncio.timeout(30):
        # Until parallel batch calls are waiting for the model.
        while await count_now(scene.sessions, CvGenerationSubtask, running) < 2:
            await asyncio.sleep(0.05)
    response = await api.post(f"/api/cv/generate-v2/{task_id}/cancel")
    assert response.status_code == 200 and response.json()["creditsRefunded"] == 2
    task = await scene.finished(task_id)
    assert task.status == "cancelled"
    async with scene.sessions() as s:
        offers = await s.scalars(select(CvGenerationOffer).order_by(CvGenerationOffer.offer_index))
        assert [o.status for o in offers] == ["cancelled", "cancelled"]
