"""A model that misattributes facts cannot get them into the CV (fake server over real HTTP,
real worker, real guards): an offer sentence, a numbered bullet moved to another job (then
"repaired" by cutting its tokens), and a skill backed by a quote that does not name it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from arq.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvFile
from app.lib.cv_content import CvContent
from app.lib.llm import StructuredMode, mode_cache
from tests import factories
from tests.conftest import register
from tests.fakes import pipeline_llm, untruthful_llm
from tests.fakes.openai_server import FakeOpenAIServer
from tests.integration.pipeline_helpers import generate, point_llm_at, wait_finished

MODEL = "gpt-4o-mini"


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(default_reply=untruthful_llm.untruthful) as server:
        mode_cache.set(server.base_url, MODEL, StructuredMode.JSON_SCHEMA)
        yield server
        mode_cache.clear()


async def test_copied_moved_and_unproven_claims_never_reach_the_cv(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm: FakeOpenAIServer,
    worker: Worker,
) -> None:
    await point_llm_at(db, llm.base_url)
    me = await register(api, "truthful@example.com")
    source_row = await factories.source_cv(db, me["id"])
    description = f"{factories.EN_OFFER['description']} {untruthful_llm.OFFER_MISSION}"
    offer = await factories.job_offer(db, me["id"], description=description)
    task = await wait_finished(
        session_factory, (await generate(api, source_row.id, [offer.id])).json()["taskId"]
    )
    assert task.status == "completed", task.error
    async with session_factory() as s:
        row = await s.get(CvFile, task.generated_cv_ids[0])
        assert row is not None
    cv = CvContent.from_json(row.content)
    source = CvContent.from_json(factories.EN_CV)
    text = cv.full_text()
    assert "delivery platform" not in text and untruthful_llm.COPIED not in text
    by_id = {e.id: e for e in cv.experience}
    own = {e.id: e.bullets for e in source.experience}
    # Each job holds only its own source sentences, whole: nothing moved, nothing trimmed.
    for exp_id in ("exp_acme", "exp_beta"):
        assert set(by_id[exp_id].bullets) <= set(own[exp_id]), by_id[exp_id].bullets
    assert set(by_id["exp_acme"].bullets) == set(own["exp_acme"])  # the copy fell back whole
    beta = " ".join(by_id["exp_beta"].bullets)
    assert "35%" not in beta and "latency" not in beta
    assert untruthful_llm.ADDED_SKILL not in {s.name for s in cv.skills}
    guard = row.generation_meta["fact_guard"]
    notes = " ".join(guard["notes"])
    # The copied mission speaks as the employer ("our platform"): the writing rules refuse it
    # before the offer-copy check sees it (tests/unit/test_item_claims.py covers that check).
    assert "job offer" in notes or "first person (our)" in notes
    assert "another item" in notes and "Terraform" in notes
    assert guard["droppedClaims"] >= 3, guard
    # The repair round asked for a rewrite from the job's own source sentence.
    repairs = [
        r
        for r in llm.chat_requests
        if pipeline_llm.is_repair(r) and untruthful_llm.COPIED in r.messages[-1]["content"]
    ]
    assert (
        repairs
        and "rewrite it from this source sentence only" in repairs[0].messages[-1]["content"]
    )
