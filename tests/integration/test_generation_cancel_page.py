"""The generation page's Cancel: htmx gets the fresh panel (morphed in place, the page stays),
a plain form post is sent back to the page. The API's cancel goes through the task centre's
(app/tasks/actions.py): the same answer, events and refund, once."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, CvGenerationTask
from app.db.models.status import TaskStatus
from tests import factories
from tests.conftest import register
from tests.integration.pipeline_helpers import EventLog


async def _start(api: Any, db: AsyncSession, email: str) -> str:
    return (await _start_as(api, db, email))[1]


async def _start_as(api: Any, db: AsyncSession, email: str) -> tuple[str, str]:
    """(user id, generation id) of a generation started from the form (no worker: it waits)."""
    me = await register(api, email)
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    started = await api.post(
        "/generations",
        data={"source_cv_id": source.id, "job_offer_ids": offer.id},
        headers={"x-csrftoken": api.cookies["csrftoken"]},
        follow_redirects=False,
    )
    assert started.status_code in (302, 303), started.text
    return me["id"], str(started.headers["location"].rsplit("/", 1)[1])


async def test_htmx_cancel_answers_with_the_cancelled_panel(api: Any, db: AsyncSession) -> None:
    task_id = await _start(api, db, "cancel-htmx@example.com")
    page = await api.get(f"/generations/{task_id}")
    assert 'id="generation-cancel"' in page.text and 'hx-post="/generations/' in page.text
    answer = await api.post(
        f"/generations/{task_id}/cancel",
        headers={"x-csrftoken": api.cookies["csrftoken"], "hx-request": "true"},
        follow_redirects=False,
    )
    assert answer.status_code == 200, answer.text
    assert 'data-status="cancelled"' in answer.text
    assert "<html" not in answer.text  # the panel alone, not the whole page
    assert 'id="generation-cancel"' not in answer.text  # nothing left to cancel


async def test_plain_cancel_goes_back_to_the_page(api: Any, db: AsyncSession) -> None:
    task_id = await _start(api, db, "cancel-plain@example.com")
    answer = await api.post(
        f"/generations/{task_id}/cancel",
        headers={"x-csrftoken": api.cookies["csrftoken"]},
        follow_redirects=False,
    )
    assert answer.status_code in (302, 303)
    assert answer.headers["location"] == f"/generations/{task_id}"


async def test_api_cancel_goes_through_the_task_centre_and_refunds_once(
    api: Any, db: AsyncSession, settings: Any
) -> None:
    user_id, task_id = await _start_as(api, db, "cancel-api@example.com")
    generation = await db.get(CvGenerationTask, task_id)
    assert generation is not None and generation.background_task_id is not None
    row_id = generation.background_task_id
    await db.commit()
    async with EventLog(settings.effective_redis_url, user_id) as log:
        answer = await api.post(f"/api/cv/generate-v2/{task_id}/cancel")
        assert answer.status_code == 200, answer.text
        assert answer.json() == {"success": True, "status": "cancelled", "creditsRefunded": 1}
        await log.wait_for("cv_generation_v2:cancelled")
        updates = await log.wait_for("task:updated")
        again = await api.post(f"/api/cv/generate-v2/{task_id}/cancel")
        assert again.json() == {"success": True, "status": "cancelled", "creditsRefunded": 0}
    assert log.named("cv_generation_v2:cancelled") == [{"taskId": task_id, "creditsRefunded": 1}]
    assert [(u["id"], u["status"]) for u in updates] == [(row_id, "cancelled")]
    row = await db.get(BackgroundTask, row_id, populate_existing=True)
    assert row is not None and row.status == TaskStatus.CANCELLED
    await db.commit()


async def test_a_generation_whose_row_is_gone_is_still_cancelled(
    api: Any, db: AsyncSession, settings: Any
) -> None:
    """Its task-centre row deleted (the foreign key set to NULL): the same handler and kernel
    steps end it, without the row's ``task:updated``."""
    user_id, task_id = await _start_as(api, db, "cancel-orphan@example.com")
    generation = await db.get(CvGenerationTask, task_id)
    assert generation is not None
    row_id = generation.background_task_id
    await db.execute(
        update(CvGenerationTask)
        .where(CvGenerationTask.id == task_id)
        .values(background_task_id=None)
    )
    await db.execute(delete(BackgroundTask).where(BackgroundTask.id == row_id))
    await db.commit()
    async with EventLog(settings.effective_redis_url, user_id) as log:
        answer = await api.post(f"/api/cv/generate-v2/{task_id}/cancel")
        assert answer.json() == {"success": True, "status": "cancelled", "creditsRefunded": 1}
        await log.wait_for("cv_generation_v2:cancelled")
    assert log.named("task:updated") == []
