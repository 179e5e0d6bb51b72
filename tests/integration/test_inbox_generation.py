"""An approved inbox offer is an offer like a pasted one: a generation of it (the offline engine,
a real worker) completes, and "approve and tailor" approves the selection and starts one
generation for all of it."""

from __future__ import annotations

from typing import Any

from arq.worker import Worker
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import JobOffer
from app.db.models.job_search import InboxItem
from tests import factories
from tests.conftest import register
from tests.integration.inbox_helpers import inbox_item
from tests.integration.pipeline_helpers import generate, wait_finished


async def test_approved_offer_is_tailored_by_a_generation(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    me = await register(api, "approve-gen@example.com")
    source = await factories.source_cv(db, me["id"])
    item = await inbox_item(db, me["id"], 1, company="Parcel Express")
    approved = await api.post(f"/api/inbox/{item.id}/approve")
    assert approved.status_code == 200, approved.text
    offer_id = approved.json()["jobOfferId"]
    started = await generate(api, source.id, [offer_id])
    assert started.status_code == 200, started.text
    task = await wait_finished(session_factory, started.json()["taskId"])
    assert task.status == "completed", task.error
    assert len(task.generated_cv_ids) == 1


async def test_approve_and_tailor_starts_one_generation_for_the_selection(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    me = await register(api, "tailor@example.com")
    source = await factories.source_cv(db, me["id"])
    items = [await inbox_item(db, me["id"], n) for n in (1, 2)]
    response = await api.post(
        "/inbox/selected",
        data={
            "action": "tailor",
            "source_cv_id": source.id,
            "item_ids": [i.id for i in items],
            "_csrf_token": api.cookies["csrftoken"],
        },
    )
    assert response.status_code == 200 and "/generations/" in str(response.url), response.text
    task_id = str(response.url).rsplit("/", 1)[-1]
    task = await wait_finished(session_factory, task_id)
    assert task.status == "completed" and len(task.generated_cv_ids) == 2
    async with session_factory() as session:
        rows = list(await session.scalars(select(InboxItem)))
        assert {r.status for r in rows} == {"approved"}
        offers = {o.id for o in await session.scalars(select(JobOffer))}
        assert {r.job_offer_id for r in rows} == offers
