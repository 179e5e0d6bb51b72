"""An English CV tailored to a French offer by a model that drops the bullet the offer asks
about, writes half-English French and names the candidate: the repair round hears of all three
and the CV gets its own facts in good French (fake server over real HTTP, real worker)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from arq.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvFile
from app.lib.cv_content import CvContent
from app.lib.llm import StructuredMode, mode_cache
from jobs.pipeline.core.mixed_language import mixed
from tests import factories
from tests.conftest import register
from tests.fakes import broken_french_llm as model
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer
from tests.integration.pipeline_helpers import generate, point_llm_at, wait_finished

MODEL = "gpt-4o-mini"


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(default_reply=model.broken_french) as server:
        mode_cache.set(server.base_url, MODEL, StructuredMode.JSON_SCHEMA)
        yield server
        mode_cache.clear()


async def test_lost_evidence_broken_french_and_a_named_candidate_are_repaired(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm: FakeOpenAIServer,
    worker: Worker,
) -> None:
    await point_llm_at(db, llm.base_url)
    me = await register(api, "broken-french@example.com")
    source = await factories.source_cv(db, me["id"], model.CV, language="en")
    offer = await factories.job_offer(db, me["id"], **model.OFFER)
    task = await wait_finished(
        session_factory, (await generate(api, source.id, [offer.id])).json()["taskId"]
    )
    assert task.status == "completed", task.error
    async with session_factory() as s:
        row = await s.get(CvFile, task.generated_cv_ids[0])
        assert row is not None
    cv = CvContent.from_json(row.content)
    assert row.language == "fr"

    # One repair round for the item named the lost bullet and the English words.
    asks = [
        r.messages[-1]["content"]
        for r in llm.chat_requests
        if pipeline_llm.is_repair(r) and pipeline_llm.phase_of(r) == "batch_experience"
    ]
    assert len(asks) == 1
    assert model.LATENCY in asks[0] and "left out" in asks[0] and "rewritten in French" in asks[0]
    assert "handling, parcels" in asks[0]
    # The repaired answer carries the latency evidence in French: nothing came back verbatim
    # in English, nothing twice.
    job = cv.experience[0]
    assert model.TRANSLATIONS[model.LATENCY] in job.bullets
    assert model.LATENCY not in job.bullets and model.HALF_ENGLISH not in job.bullets
    assert [b for b in job.bullets if mixed(b, "fr")] == []
    assert row.generation_meta["restored_bullets"] == {}

    # The summary named the candidate; its repair does not.
    summary_ask = next(
        r.messages[-1]["content"]
        for r in llm.chat_requests
        if pipeline_llm.is_repair(r) and pipeline_llm.phase_of(r) == "batch_summary"
    )
    assert "third person (Jordan, Vale)" in summary_ask
    assert cv.summary == model.SUMMARY
