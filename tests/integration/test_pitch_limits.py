"""One user's pitches cannot hold the worker: past ``pitches_at_once_per_user`` a request is
refused with its code and limit, and creates nothing (no pitch, no task, no credit debited),
while another user's pitch still gets a job of the (small) worker and is written; past
``pitches_per_user_day`` a request is refused too, and a cancelled pitch still counts."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest
from arq.worker import Worker
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import BackgroundTask, Pitch, User
from app.settings.service import update_setting
from tests import factories
from tests.conftest import register
from tests.fakes.openai_server import FakeOpenAIServer, Hang
from tests.fixtures.live import echo_csrf_cookie
from tests.integration.pipeline_helpers import point_llm_at, read_now

FINISHED = {"completed", "failed", "cancelled"}
HELD = "hold-the-line"  # a context whose pitch the model never answers
AT_ONCE = 2  # the default of pitches_at_once_per_user
PER_DAY = 3
# Sentences of the CV the factories make (tests/factories.py EN_CV): the model's honest (short)
# pitch, which the writer completes offline.
HONEST = {
    "paragraphs": [
        "Hello, I am Alex Martin, a backend engineer. At Beta Bank I developed payment APIs"
        " in Python with Django."
    ]
}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    # Three jobs at once: without the cap, one user's held pitches would take all of them.
    return replace(settings, max_jobs=3, pitches_per_user_day=PER_DAY)


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        server.script(HELD, reply=Hang(600))
        server.script("<achievements>", reply=HONEST)
        yield server


@pytest.fixture
async def second(live_server: str) -> AsyncIterator[httpx.AsyncClient]:
    """Another user's browser on the same server."""
    hooks = {"request": [echo_csrf_cookie]}
    async with httpx.AsyncClient(base_url=live_server, timeout=30, event_hooks=hooks) as http:
        yield http


async def _ask(http: Any, cv_id: str, context: str) -> httpx.Response:
    return await http.post("/api/pitches", json={"cvFileId": cv_id, "context": context})


async def _count(sessions: async_sessionmaker[AsyncSession], model: Any, user_id: str) -> int:
    query = select(func.count()).select_from(model).where(model.user_id == user_id)
    return int(await read_now(sessions, query) or 0)


async def test_one_users_pitches_past_the_cap_are_refused_and_others_still_get_a_job(
    backend: str,
    api: Any,
    second: httpx.AsyncClient,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm: FakeOpenAIServer,
    worker: Worker,
) -> None:
    await point_llm_at(db, llm.base_url)
    await update_setting(db, "feature_cost_pitch", "1")  # so that a debit would show
    await db.commit()
    greedy = await register(api, "greedy-pitcher@example.com")
    greedy_cv = await factories.source_cv(db, greedy["id"])
    # Sent all at once: the cap is counted under the user's lock, so no two slip through.
    answers = await asyncio.gather(*(_ask(api, greedy_cv.id, f"{HELD} {i}") for i in range(6)))
    answers.sort(key=lambda answer: answer.status_code)
    assert [a.status_code for a in answers] == [201] * AT_ONCE + [429] * (6 - AT_ONCE)
    for refused in answers[AT_ONCE:]:
        body = refused.json()
        assert body["error"] == "pitch.too_many_at_once" and body["limit"] == AT_ONCE, body
        assert f"already have {AT_ONCE} pitches" in body["detail"]
    # The refused ones made nothing and cost nothing.
    assert await _count(session_factory, Pitch, greedy["id"]) == AT_ONCE
    assert await _count(session_factory, BackgroundTask, greedy["id"]) == AT_ONCE
    balance = select(User.credit_balance).where(User.id == greedy["id"])
    assert await read_now(session_factory, balance) == 10 - AT_ONCE

    other = await register(second, "patient-pitcher@example.com")
    other_cv = await factories.source_cv(db, other["id"])
    created = await _ask(second, other_cv.id, "the Lyon Python meetup")
    assert created.status_code == 201, created.text
    async with asyncio.timeout(60):  # the held pitches take two of the worker's three jobs
        while (pitch := (await second.get(f"/api/pitches/{created.json()['id']}")).json())[
            "status"
        ] not in FINISHED:
            await asyncio.sleep(0.1)
    assert pitch["status"] == "completed", pitch
    assert any("Lyon" in r.text for r in llm.chat_requests)  # written while the others hang

    # The held pitches are cancelled: their jobs stop, the credits come back.
    for answer in answers[:AT_ONCE]:
        cancelled = await api.delete(f"/api/background-tasks/{answer.json()['taskId']}")
        assert cancelled.json()["task"]["status"] == "cancelled", cancelled.text
    async with asyncio.timeout(30):
        while worker.job_tasks:
            await asyncio.sleep(0.05)
    assert await read_now(session_factory, balance) == 10


async def test_a_day_allows_so_many_pitches_cancelled_ones_included(
    api: Any,
    second: httpx.AsyncClient,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    me = await register(api, "daily-pitcher@example.com")
    cv = await factories.source_cv(db, me["id"])
    made = [(await _ask(api, cv.id, f"meetup {i}")).json() for i in range(AT_ONCE)]
    # No worker: both wait in the queue. Cancelling one frees a place, not the day's count.
    await api.delete(f"/api/background-tasks/{made[0]['taskId']}")
    third = await _ask(api, cv.id, "meetup 3")
    assert third.status_code == 201, third.text
    await api.delete(f"/api/background-tasks/{third.json()['taskId']}")
    refused = await _ask(api, cv.id, "meetup 4")
    assert refused.status_code == 429, refused.text
    assert refused.json()["error"] == "pitch.daily_limit"
    assert refused.json()["limit"] == settings.pitches_per_user_day == PER_DAY
    # The page's form is refused the same way, and says why.
    page = await api.post(
        "/pitches",
        data={"cv_file_id": cv.id, "kind": "30s", "target": "context", "context": "meetup 5"},
    )
    assert page.status_code == 200 and 'data-error-code="pitch.daily_limit"' in page.text
    assert await _count(session_factory, Pitch, me["id"]) == AT_ONCE + 1
    other = await register(second, "other-daily-pitcher@example.com")
    other_cv = await factories.source_cv(db, other["id"])
    assert (await _ask(second, other_cv.id, "meetup")).status_code == 201
