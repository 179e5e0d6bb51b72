"""Task centre API: one row per generation, cancel from the centre, delete, purge, scoping."""

from __future__ import annotations

from typing import Any

from arq.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.lib.llm import StructuredMode, mode_cache
from app.settings.service import update_setting
from tests import factories
from tests.conftest import register
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer
from tests.integration.pipeline_helpers import EventLog, wait_finished


async def test_cancel_from_the_task_centre_then_delete_and_purge(
    api: Any,
    another_browser: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    worker: Worker,
) -> None:
    me = await register(api, "centre@example.com")
    source = await factories.source_cv(db, me["id"])
    offers = [(await factories.job_offer(db, me["id"], title=f"Job {i}")).id for i in range(2)]
    with FakeOpenAIServer(default_reply=pipeline_llm.honest, latency_ms=300) as llm:
        mode_cache.set(llm.base_url, "gpt-4o-mini", StructuredMode.JSON_SCHEMA)
        await update_setting(db, "llm_base_url", llm.base_url)
        await db.commit()
        async with EventLog(settings.effective_redis_url, me["id"]) as log:
            created = await api.post(
                "/api/cv/generate-v2", json={"sourceCvFile": source.id, "jobOfferIds": offers}
            )
            task_id = created.json()["taskId"]
            tasks = (await api.get("/api/background-tasks")).json()["tasks"]
            assert len(tasks) == 1 and tasks[0]["type"] == "cv_generation_v2"
            assert tasks[0]["jobId"] == f"cvgen:{task_id}"
            assert isinstance(tasks[0]["createdAt"], int)
            await log.wait_for("cv_generation_v2:offer_progress")
            response = await api.delete(f"/api/background-tasks/{tasks[0]['id']}")
            assert response.status_code == 200 and response.json()["cancelled"] is True
            generation = await wait_finished(session_factory, task_id)
            assert generation.status == "cancelled"
            assert generation.background_task_id == tasks[0]["id"]  # the link is the column
            updates = await log.wait_for("task:updated")
            assert any(u["status"] == "cancelled" for u in updates)
        mode_cache.clear()
    centre = (await api.get("/api/background-tasks")).json()["tasks"]
    assert centre[0]["status"] == "cancelled"
    async with another_browser() as intruder:
        await register(intruder, "intruder-centre@example.com")
        denied = await intruder.delete(
            f"/api/background-tasks/{centre[0]['id']}",
            headers={"x-csrftoken": intruder.cookies["csrftoken"]},
        )
        assert denied.status_code == 404
    deleted = await api.delete(f"/api/background-tasks/{centre[0]['id']}")
    assert deleted.json()["deleted"] is True
    assert (await api.get("/api/background-tasks")).json()["tasks"] == []
    purge = await api.delete("/api/background-tasks")
    assert purge.status_code == 200 and purge.json()["deleted"] == 0
