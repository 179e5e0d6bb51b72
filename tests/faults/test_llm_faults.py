"""LLM endpoint faults: 429 storms with Retry-After, 500s, a call hanging past the timeout,
truncated JSON. Each ends in a clean state, checked by the invariant checker."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import replace
from typing import Any

import pytest
from arq.worker import Worker
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CvGenerationOffer, CvGenerationSubtask
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer, Hang, HttpError, Text
from tests.faults.conftest import Scene
from tests.integration.pipeline_helpers import wait_finished

CLASSIFY = "## Task: classify experiences and projects"
EXPERIENCE = "## Task: adapt one experience"
SKILLS = "## Task: adapt the skills"
SUMMARY = "## Task: write the summary"
# 25 times the fake model's latency (tests/faults/conftest.py): an answered call never reaches
# it, even on a busy machine; at 1 s, a slow answer was abandoned too and retried (6 calls, not 5).
LLM_TIMEOUT_SECONDS = 5.0


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """A short LLM timeout, so a hung call is abandoned quickly."""
    return replace(settings, llm_timeout_seconds=LLM_TIMEOUT_SECONDS)


def _times(llm: FakeOpenAIServer, phase: str, title: str | None = None) -> list[float]:
    return [
        r.received_at
        for r in llm.chat_requests
        if pipeline_llm.phase_of(r) == phase and (title is None or title in r.text)
    ]


async def _offers(sessions: async_sessionmaker[AsyncSession]) -> list[CvGenerationOffer]:
    async with sessions() as s:
        query = select(CvGenerationOffer).order_by(CvGenerationOffer.offer_index)
        return list(await s.scalars(query))


async def test_a_429_storm_is_ridden_out_honouring_retry_after(
    api: Any, scene: Scene, worker: Worker
) -> None:
    llm = scene.llm
    llm.script(CLASSIFY, reply=HttpError(429, retry_after=1), times=2)
    # Then every parallel experience call of the next attempt is refused at once: their answers
    # wait until all four have arrived, so on a busy machine the first refusal cannot cancel a
    # sibling before it is sent (the refusals would then spill over into the next attempt).
    llm.script(EXPERIENCE, reply=HttpError(429, retry_after=0.5), times=4)
    llm.gather(lambda r: pipeline_llm.phase_of(r) == "batch_experience", count=4)
    me = await scene.account(api, "storm@example.com")
    task = await scene.finished(await scene.start(api, me))
    assert task.status == "completed" and len(task.generated_cv_ids) == 1
    classify = _times(llm, "classify")
    assert len(classify) == 3
    # The server asked for 1 s; the test backoff alone (0.05 s, 0.1 s) would come back sooner.
    gaps = [later - earlier for earlier, later in itertools.pairwise(classify)]
    assert all(gap >= 0.95 for gap in gaps), gaps
    experiences = _times(llm, "batch_experience")
    assert len(experiences) == 8  # four refused together, four accepted
    assert min(experiences[4:]) - max(experiences[:4]) >= 0.45
    async with scene.sessions() as s:
        classify_row = await s.scalar(
            select(CvGenerationSubtask).where(CvGenerationSubtask.type == "classify")
        )
        assert classify_row is not None and classify_row.retry_count == 2


async def test_server_errors_retry_the_offer_then_refund_it_once(
    api: Any, scene: Scene, worker: Worker
) -> None:
    llm = scene.llm
    me = await scene.account(api, "five-hundred@example.com", offers=2)
    first, second = me.offer_titles
    llm.script(lambda text: SUMMARY in text and first in text, reply=HttpError(500), times=1)
    llm.script(lambda text: SKILLS in text and second in text, reply=HttpError(500))
    task = await scene.finished(await scene.start(api, me))
    assert task.status == "completed" and len(task.generated_cv_ids) == 1
    assert [o.status for o in await _offers(scene.sessions)] == ["completed", "failed"]
    assert len(_times(llm, "batch_summary", first)) == 2  # one 500, then the retry
    # Offer 2: four attempts at the skills; classify and batches were done once, then reused.
    assert len(_times(llm, "batch_skills", second)) == 4
    assert len(_times(llm, "classify", second)) == 1
    assert len(_times(llm, "batch_experience", second)) == 4


async def test_a_call_hanging_past_the_timeout_is_abandoned_and_retried(
    api: Any, scene: Scene, worker: Worker
) -> None:
    llm = scene.llm
    llm.script(EXPERIENCE, reply=Hang(), times=1)
    me = await scene.account(api, "hang@example.com")
    started = asyncio.get_running_loop().time()
    task = await wait_finished(scene.sessions, await scene.start(api, me))
    elapsed = asyncio.get_running_loop().time() - started  # the invariant check left out
    await scene.check_invariants()
    assert task.status == "completed"
    assert elapsed >= LLM_TIMEOUT_SECONDS
    hung = next(r for r in llm.chat_requests if r.answered_at is None)
    retry = [
        r.received_at
        for r in llm.chat_requests
        if r.received_at > hung.received_at
        and pipeline_llm.item_key(r) == pipeline_llm.item_key(hung)
    ]
    assert len(_times(llm, "batch_experience")) == 5  # the hung one, then its retry
    # The hang lasts an hour: a retry sent seconds later means the call was abandoned at its
    # 5 s timeout (30 s: ample room for a busy machine, nowhere near waiting the hang out).
    assert len(retry) == 1 and LLM_TIMEOUT_SECONDS <= retry[0] - hung.received_at < 30
    async with scene.sessions() as s:
        retried = list(
            await s.scalars(select(CvGenerationSubtask).where(CvGenerationSubtask.retry_count > 0))
        )
    assert [(row.type, row.status) for row in retried] == [("batch_experience", "completed")]


async def test_truncated_json_is_repaired_or_answered_by_the_rules(
    api: Any, scene: Scene, worker: Worker
) -> None:
    llm = scene.llm
    me = await scene.account(api, "truncated@example.com", offers=2)
    first, second = me.offer_titles
    cut = Text('{"skills": [{"name": "Pyth', finish_reason="length")
    # Offer 1: one cut-off summary, fixed by the repair round. Offer 2: always cut off, so its
    # skills are the rules' (jobs/pipeline/runner.py): the offer completes, not retried.
    llm.script(
        lambda text: SUMMARY in text and first in text,
        reply=Text('{"summary": "Backend engi', finish_reason="length"),
        times=1,
    )
    llm.script(lambda text: SKILLS in text and second in text, reply=cut)
    task = await scene.finished(await scene.start(api, me))
    assert task.status == "completed" and len(task.generated_cv_ids) == 2
    offers = await _offers(scene.sessions)
    assert [o.status for o in offers] == ["completed", "completed"]
    assert len(_times(llm, "batch_summary", first)) == 2
    assert len(_times(llm, "batch_skills", second)) == 2  # the answer and its repair, once
    async with scene.sessions() as s:
        rows = list(
            await s.scalars(
                select(CvGenerationSubtask).where(
                    CvGenerationSubtask.offer_id == offers[1].id,
                    CvGenerationSubtask.type == "batch_skills",
                )
            )
        )
    assert [r.status for r in rows] == ["completed"] and rows[0].result is not None
    assert any("could not be used" in n for n in rows[0].result["guard"]["notes"])


def _experience_at(company: str) -> Any:
    def matches(request: Any) -> bool:
        item = pipeline_llm.block(request.text, "item") or {}
        return (
            pipeline_llm.phase_of(request) == "batch_experience"
            and item.get("experience", {}).get("company") == company
        )

    return matches


async def test_calls_cancelled_by_a_failing_sibling_are_closed_not_left_running(
    api: Any, scene: Scene, worker: Worker
) -> None:
    llm = scene.llm
    # One experience call always fails at once; its siblings would answer only after an hour,
    # so each attempt's failure cancels them mid-call, the last attempt's included.
    llm.script(when=_experience_at("Acme Logistics"), reply=HttpError(500))
    llm.script(EXPERIENCE, reply=Hang())
    me = await scene.account(api, "siblings@example.com")
    task = await scene.finished(await scene.start(api, me))  # no row is left "running"
    assert task.status == "failed"
    async with scene.sessions() as s:
        rows = list(
            await s.scalars(
                select(CvGenerationSubtask).where(CvGenerationSubtask.type == "batch_experience")
            )
        )
    statuses = sorted(str(row.status) for row in rows)
    assert statuses[0] == "cancelled" and statuses.count("failed") == 1, statuses
    assert all(row.retry_count > 0 for row in rows)  # every attempt ran them again
