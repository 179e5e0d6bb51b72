"""Imports and offer extractions whose arq job Redis lost (wiped while no worker ran): the
worker's start-up sweep re-enqueues those whose input is still there and fails, with a clear
reason and a refund, those whose input is gone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from redis.asyncio import Redis
from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import BackgroundTask, CvFile, JobOffer
from app.db.models.base import now_ms
from app.domain.cvs.import_kind import SOURCE_GONE as CV_SOURCE_GONE
from app.domain.offers.extraction_kind import SOURCE_GONE as OFFER_SOURCE_GONE
from app.settings.service import update_setting
from tests.conftest import register
from tests.faults.invariants import assert_invariants
from tests.faults.processes import WorkerProcess
from tests.fixtures.cv_texts import TEXT_A, TEXT_B, TEXT_C
from tests.fixtures.offer_samples import EN_OFFER, FR_OFFER


async def _import(api: Any, text: str) -> tuple[str, str]:
    response = await api.post("/api/cvs", json={"text": text})
    assert response.status_code == 202, response.text
    return response.json()["id"], response.json()["taskId"]


async def _offer(api: Any, text: str) -> tuple[str, str]:
    response = await api.post("/api/job-offers", json={"text": text})
    assert response.status_code == 202, response.text
    return response.json()["id"], response.json()["taskId"]


async def test_lost_import_and_extraction_jobs_are_recovered_or_failed_cleanly(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    redis: Redis,
    tmp_path: Path,
) -> None:
    # Paid imports, so that the refund of a failed one shows in the ledger.
    await update_setting(db, "feature_cost_import_pdf", "1")
    await db.commit()
    # One import at a time per user (the pdf_import slot): three users, one import each.
    await register(api, "lost-kept@example.com")
    kept_cv, kept_cv_task = await _import(api, TEXT_A)
    await register(api, "lost-stuck@example.com")
    stuck_cv, stuck_cv_task = await _import(api, TEXT_B)
    await register(api, "lost-gone@example.com")
    gone_cv, gone_cv_task = await _import(api, TEXT_C)
    kept_offer, kept_offer_task = await _offer(api, FR_OFFER)
    gone_offer, gone_offer_task = await _offer(api, EN_OFFER)
    queued = [j.decode() for j in await redis.zrange("arq:queue", 0, -1)]
    # This test's five jobs (job ids end with their task's id); an earlier test of the same
    # process may have left one of its own in the queue.
    ours = {kept_cv_task, stuck_cv_task, gone_cv_task, kept_offer_task, gone_offer_task}
    assert {j.rsplit(":", 1)[-1] for j in queued} >= ours
    await redis.flushdb()  # Redis restarted without persistence: every queued job is gone
    async with session_factory() as s:
        # One import had started (then waited for a retry) long before Redis lost its job.
        long_ago = now_ms() - 3_600_000
        await s.execute(
            update(BackgroundTask)
            .where(BackgroundTask.id == stuck_cv_task)
            .values(status="running", updated_at=long_ago)
        )
        # The uploaded bytes of another, and one offer row, were lost meanwhile.
        await s.execute(update(CvFile).where(CvFile.id == gone_cv).values(original_bytes=None))
        await s.execute(delete(JobOffer).where(JobOffer.id == gone_offer))
        await s.commit()
    worker = WorkerProcess(settings, tmp_path / "worker.log").start()
    try:
        await assert_invariants(session_factory, redis, settle_timeout=60)
    finally:
        worker.stop()
    async with session_factory() as s:
        for task_id in (kept_cv_task, stuck_cv_task, kept_offer_task):
            task = await s.get(BackgroundTask, task_id)
            assert task is not None and task.status == "completed", (task_id, worker.tail())
        for cv_id in (kept_cv, stuck_cv):
            cv = await s.get(CvFile, cv_id)
            assert cv is not None and cv.extraction_status == "completed"
            assert cv.content.get("experience"), "the text was really parsed"
        offer = await s.get(JobOffer, kept_offer)
        assert offer is not None and offer.extraction_status == "completed" and offer.title
        failed_cv_task = await s.get(BackgroundTask, gone_cv_task)
        assert failed_cv_task is not None and failed_cv_task.status == "failed"
        assert failed_cv_task.error == CV_SOURCE_GONE
        failed_cv = await s.get(CvFile, gone_cv)
        assert failed_cv is not None and failed_cv.extraction_status == "failed"
        assert [e["message"] for e in failed_cv.extraction_errors] == [CV_SOURCE_GONE]
        failed_offer_task = await s.get(BackgroundTask, gone_offer_task)
        assert failed_offer_task is not None and failed_offer_task.status == "failed"
        assert failed_offer_task.error == OFFER_SOURCE_GONE
