"""A task kind without a concurrency slot still caps how many of its tasks one user may have
open (``TaskKind.open_cap``, app/tasks/lifecycle.py ``reserve``): past it the request gets 429
with the limit, and nothing is created. Other users are not counted."""

from __future__ import annotations

from dataclasses import replace

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, JobOffer
from app.tasks import registry
from tests.conftest import csrf_token, register
from tests.fixtures.offer_samples import EN_OFFER

CAP = 3


@pytest.fixture
def small_cap(app: Litestar, monkeypatch: pytest.MonkeyPatch) -> None:
    """After the app registered the kinds (building another app would re-register them)."""
    kind = registry.known("offer_extract")
    assert kind is not None and kind.slot is None and kind.open_cap is not None
    monkeypatch.setitem(registry._KINDS, "offer_extract", replace(kind, open_cap=CAP))


async def _add(client: AsyncTestClient[Litestar]) -> int:
    headers = {"x-csrftoken": await csrf_token(client)}
    response = await client.post("/api/job-offers", json={"text": EN_OFFER}, headers=headers)
    if response.status_code == 429:
        body = response.json()
        assert body["error"] == "task.too_many_open" and body["limit"] == CAP, body
    return response.status_code


async def _rows(db: AsyncSession) -> tuple[int, int]:
    offers = await db.scalar(select(func.count()).select_from(JobOffer))
    tasks = await db.scalar(select(func.count()).select_from(BackgroundTask))
    return int(offers or 0), int(tasks or 0)


@pytest.mark.usefixtures("small_cap")
async def test_extractions_past_the_cap_are_refused_and_leave_nothing(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    await register(client, "many-offers@example.com")
    # No worker runs: every extraction stays queued, open.
    assert [await _add(client) for _ in range(CAP)] == [202] * CAP
    before = await _rows(db)
    assert await _add(client) == 429
    assert await _rows(db) == before
    client.cookies.clear()  # signed out: another user's extractions are their own
    await register(client, "other-offers@example.com")
    assert await _add(client) == 202
