"""The "about N s left" of a generation is measured, not assumed: before its first offer ends,
a run is estimated from the recent finished runs of its own engine (seconds for the offline
engine, where the old constant said 45 s an offer), and shows no figure when none finished yet;
once an offer ends, from its own pace."""

from __future__ import annotations

from datetime import timedelta

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvGenerationOffer, CvGenerationTask
from app.db.models.base import utcnow
from app.db.models.status import GenerationStatus, OfferStatus
from app.domain.generation.view import page_state
from tests import factories
from tests.conftest import post_form, register

Client = AsyncTestClient[Litestar]


async def _finished_runs(
    db: AsyncSession, user_id: str, engine: str, seconds_per_offer: list[float], offers: int = 2
) -> None:
    """Completed runs of ``engine`` that took these many seconds an offer (timestamps set)."""
    end = utcnow() - timedelta(minutes=5)
    for seconds in seconds_per_offer:
        start = end - timedelta(seconds=seconds * offers)
        db.add(
            CvGenerationTask(
                user_id=user_id,
                status=GenerationStatus.COMPLETED,
                total_offers=offers,
                completed_offers=offers,
                payload={"engine": engine},
                created_at=start,
                completed_at=end,
            )
        )
    await db.commit()


async def _running(db: AsyncSession, user_id: str, engine: str, offers: int) -> CvGenerationTask:
    task = CvGenerationTask(
        user_id=user_id,
        status=GenerationStatus.RUNNING,
        total_offers=offers,
        payload={"engine": engine},
    )
    db.add(task)
    await db.flush()
    for index in range(offers):
        offer = await factories.job_offer(db, user_id, title=f"Offer {index}")
        db.add(CvGenerationOffer(task_id=task.id, job_offer_id=offer.id, offer_index=index))
    await db.commit()
    return task


async def test_an_offline_run_is_estimated_in_seconds_from_finished_offline_runs(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "estimate@example.com")
    # Offline runs took 1.5-2.5 s an offer; an LLM run 40 s: only the offline ones count.
    await _finished_runs(db, me["id"], "offline", [1.5, 2.0, 2.5])
    await _finished_runs(db, me["id"], "llm", [40.0])
    task = await _running(db, me["id"], "offline", offers=3)
    state = await page_state(db, task)
    assert state["eta_seconds"] == 6  # the median, 2 s, times the three offers left
    page = await client.get(f"/generations/{task.id}", headers={"accept-language": "en"})
    assert "about 6 s left" in page.text and "about 135 s left" not in page.text

    llm_task = await _running(db, me["id"], "llm", offers=3)
    assert (await page_state(db, llm_task))["eta_seconds"] == 120


async def test_no_finished_run_of_the_engine_means_no_figure(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "estimate-none@example.com")
    await _finished_runs(db, me["id"], "offline", [2.0])
    task = await _running(db, me["id"], "llm", offers=2)
    assert (await page_state(db, task))["eta_seconds"] == 0
    page = await client.get(f"/generations/{task.id}", headers={"accept-language": "en"})
    assert "In progress" in page.text and " s left" not in page.text


async def test_once_an_offer_ends_the_run_goes_by_its_own_pace(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "estimate-own@example.com")
    await _finished_runs(db, me["id"], "offline", [2.0])
    task = await _running(db, me["id"], "offline", offers=3)
    task.created_at = utcnow() - timedelta(seconds=30)
    first = await db.scalar(
        select(CvGenerationOffer).where(
            CvGenerationOffer.task_id == task.id, CvGenerationOffer.offer_index == 0
        )
    )
    assert first is not None
    first.status = OfferStatus.COMPLETED
    first.completed_at = task.created_at + timedelta(seconds=10)
    await db.commit()
    assert (await page_state(db, task))["eta_seconds"] == 20  # 10 s an offer, two left


async def test_a_run_records_the_engine_it_was_started_with(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "estimate-engine@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    started = await post_form(
        client, "/generations", {"source_cv_id": source.id, "job_offer_ids": offer.id}
    )
    assert started.status_code in (302, 303), started.text
    task = await db.scalar(select(CvGenerationTask).where(CvGenerationTask.user_id == me["id"]))
    assert task is not None and (task.payload or {}).get("engine") == "offline"
