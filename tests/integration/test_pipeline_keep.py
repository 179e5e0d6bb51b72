"""A model that drops what the offer asks for, and files a salaried job under projects: the
code puts the evidence back and keeps the job an experience (real worker, fake server)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from arq.worker import Worker
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvFile, CvGenerationSubtask
from app.lib.cv_content import CvContent
from app.lib.llm import StructuredMode, mode_cache
from tests import factories
from tests.conftest import register
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer, RecordedRequest
from tests.integration.pipeline_helpers import generate, point_llm_at, wait_finished

MODEL = "gpt-4o-mini"
LATENCY = "Cut API latency by 35% with Redis caching"  # a bullet of factories.EN_CV
DROPPED_SKILLS = {"Redis", "PostgreSQL"}


def forgetful(request: RecordedRequest) -> Any:
    """Honest words, but loses the latency bullet and the Redis/PostgreSQL skills every time
    (repair rounds included), and calls the bank job a side project."""
    answer = pipeline_llm.honest(request)
    phase = pipeline_llm.phase_of(request)
    if phase == "batch_experience":
        answer["bullets"] = [b for b in answer["bullets"] if b != LATENCY]
    elif phase == "batch_skills":
        answer["skills"] = [s for s in answer["skills"] if s["name"] not in DROPPED_SKILLS]
    elif phase == "classify":
        answer["experiences"] = [
            {**d, "decision": "MOVE_TO_PROJECTS", "reason": "a personal side project"}
            if d["id"] in ("exp_beta", "exp_side")
            else d
            for d in answer["experiences"]
        ]
    return answer


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(default_reply=forgetful) as server:
        mode_cache.set(server.base_url, MODEL, StructuredMode.JSON_SCHEMA)
        yield server
        mode_cache.clear()


async def test_dropped_evidence_and_skills_come_back(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm: FakeOpenAIServer,
    worker: Worker,
) -> None:
    await point_llm_at(db, llm.base_url)
    me = await register(api, "keep@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(
        db,
        me["id"],
        title="Senior Python Backend Engineer",
        description=(
            "You will cut the latency of our tracking APIs. "
            "Strong Redis and PostgreSQL experience required."
        ),
        requirements=["Low latency APIs", "Redis", "PostgreSQL"],
        skills=["Python", "Redis", "PostgreSQL"],
    )
    task = await wait_finished(
        session_factory, (await generate(api, source.id, [offer.id])).json()["taskId"]
    )
    assert task.status == "completed", task.error
    async with session_factory() as s:
        row = await s.get(CvFile, task.generated_cv_ids[0])
        assert row is not None
        phases = list(await s.scalars(select(CvGenerationSubtask)))
    cv = CvContent.from_json(row.content)
    # The item's guard named the lost bullet to the repair round; the model lost it again, so
    # the guard put it back verbatim and says so in the stored batch.
    repairs = [r for r in llm.chat_requests if "left out" in r.text and LATENCY in r.text]
    assert repairs and all(pipeline_llm.phase_of(r) == "batch_experience" for r in repairs)
    batches = {
        st.result["data"]["id"]: st.result["data"] for st in phases if st.type == "batch_experience"
    }
    assert batches["exp_acme"]["restored"] == [LATENCY]
    assert "restored" in batches["exp_acme"]["fallbacks"]
    assert all(LATENCY not in b["bullets"] for i, b in batches.items() if i != "exp_acme")
    skills = next(st.result["data"] for st in phases if st.type == "batch_skills")
    assert not DROPPED_SKILLS & {s["name"] for s in skills["skills"]}
    acme = next(e for e in cv.experience if e.id == "exp_acme")
    assert LATENCY in acme.bullets  # restored verbatim into its own item
    assert acme.bullets.index(LATENCY) < acme.bullets.index("Organised the office book club")
    assert sum(LATENCY in e.bullets for e in cv.experience + cv.projects) == 1  # nowhere else
    assert {s.name for s in cv.skills} >= DROPPED_SKILLS
    meta = row.generation_meta
    assert meta["restored_bullets"] == {"exp_acme": [LATENCY]}
    assert sorted(meta["restored_skills"]) == sorted(DROPPED_SKILLS)
    assert not {"Redis", "PostgreSQL"} & set(meta["skills_changes"]["removed"])
    # The bank job has an employer: it stays an experience, with the reason code; the side
    # project (no employer) moves.
    assert "exp_beta" in {e.id for e in cv.experience}
    assert "exp_side" in {p.id for p in cv.projects}
    assert meta["reasons"]["exp_beta"] == {
        "code": "employer_job",
        "params": {"company": "Beta Bank"},
    }
