"""The achievements bank used as evidence, end to end with a real worker: an achievement
linked to an experience appears in the CV tailored for an offer that asks for what it shows,
its origin is shown on the changes page, and it is not used for another experience, nor while
it is a draft, nor for an offer that does not ask for it."""

from __future__ import annotations

import asyncio
from typing import Any

from arq.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CvFile
from app.lib.cv_content import CvContent
from app.lib.llm import StructuredMode, mode_cache
from tests import factories
from tests.conftest import register
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer, RecordedRequest
from tests.integration.pipeline_helpers import generate, point_llm_at, wait_finished

STORY = {
    "title": "Faster payment batch",
    "situation": "The nightly payment batch at Beta Bank took 6 hours.",
    "task": "I had to make it finish before the branches opened.",
    "action": "I moved the batch to Kubernetes jobs running in parallel.",
    "result": "I cut the batch run time from 6 hours to 40 minutes.",
    "skills": ["Kubernetes"],
    "status": "complete",
    "language": "en",
}
BULLET = "Cut the batch run time from 6 hours to 40 minutes."
KUBERNETES = {
    "title": "Platform Engineer",
    "description": "We need a platform engineer to run our batch jobs on Kubernetes.",
    "requirements": ["Kubernetes", "Python"],
    "skills": ["Kubernetes"],
}


async def _tailor(
    api: Any, sessions: async_sessionmaker[AsyncSession], source_id: str, offer_id: str
) -> tuple[CvFile, CvContent]:
    response = await generate(api, source_id, [offer_id])
    assert response.status_code == 200, response.text
    task = await wait_finished(sessions, response.json()["taskId"])
    assert task.status == "completed", task.error
    async with sessions() as s:
        row = await s.get(CvFile, task.generated_cv_ids[0])
    assert row is not None
    return row, CvContent.from_json(row.content)


async def _letter(api: Any, letter_id: str) -> dict[str, Any]:
    async with asyncio.timeout(60):
        while True:
            body = (await api.get(f"/api/cover-letters/{letter_id}")).json()
            if body["status"] in ("completed", "failed", "cancelled"):
                return dict(body)
            await asyncio.sleep(0.05)


async def test_a_linked_achievement_becomes_a_bullet_of_its_experience_with_its_origin_shown(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    worker: Worker,
) -> None:
    me = await register(api, "evidence@example.com")
    source = await factories.source_cv(db, me["id"])
    asks = await factories.job_offer(db, me["id"], **KUBERNETES)
    ignores = await factories.job_offer(
        db, me["id"], title="Django Developer", requirements=["Django"], skills=["Django"]
    )
    made = await api.post(
        "/api/achievements",
        json={**STORY, "status": "draft", "cvFileId": source.id, "experienceId": "exp_beta"},
    )
    assert made.status_code == 201, made.text
    achievement_id = made.json()["id"]

    # A draft is not evidence yet.
    _, draft_cv = await _tailor(api, session_factory, source.id, asks.id)
    assert all(BULLET not in e.bullets for e in draft_cv.experience)

    completed = await api.put(
        f"/api/achievements/{achievement_id}",
        json={**STORY, "cvFileId": source.id, "experienceId": "exp_beta"},
    )
    assert completed.status_code == 200, completed.text
    row, cv = await _tailor(api, session_factory, source.id, asks.id)
    beta = next(e for e in cv.experience if e.id == "exp_beta")
    assert BULLET in beta.bullets
    assert all(BULLET not in e.bullets for e in cv.experience if e.id != "exp_beta")
    assert "Kubernetes jobs" not in str(row.content)  # only the result, as a bullet
    assert row.generation_meta["bank"]["exp_beta"][0]["id"] == achievement_id
    # The source CV is unchanged: the achievement stays in the bank.
    await db.refresh(source)
    assert BULLET not in str(source.content)

    page = await api.get(f"/cvs/{row.id}/changes", headers={"accept-language": "en"})
    assert page.status_code == 200
    assert "From your achievement “Faster payment batch”" in page.text
    row_html = page.text.split('data-status="from_bank"', 1)[1].split("</tr>", 1)[0]
    assert BULLET in row_html

    # A cover letter from the source CV itself (no model configured) states the result: its
    # worker attaches the bank as it does for tailoring.
    asked = await api.post(
        "/api/cover-letters", json={"cvFileId": source.id, "jobOfferId": asks.id}
    )
    assert asked.status_code == 201, asked.text
    letter = await _letter(api, asked.json()["id"])
    assert letter["status"] == "completed" and letter["engine"] == "offline", letter
    text = " ".join(letter["content"]["paragraphs"])
    assert "40 minutes" in text and letter["meta"]["droppedClaims"] == 0, text

    # An offer that asks for nothing it shows: the experience keeps its own bullets only.
    _, other_cv = await _tailor(api, session_factory, source.id, ignores.id)
    assert all(BULLET not in e.bullets for e in other_cv.experience)


LLM_BULLET = "Cut the nightly payment batch from 6 hours to 40 minutes with Kubernetes"


def bank_reader(request: RecordedRequest) -> Any:
    """A model that uses the achievements it is shown, and also tries to pass their facts off
    as another experience's (on first asking; honest on the repair round)."""
    answer = pipeline_llm.honest(request)
    if pipeline_llm.phase_of(request) == "batch_experience":
        item = pipeline_llm.block(request.text, "item") or {}
        shown = item["experience"].get("achievements")
        if shown or (
            item["experience"]["id"] == "exp_acme" and not pipeline_llm.is_repair(request)
        ):
            answer["bullets"] = [LLM_BULLET, *answer["bullets"]]
    return answer


async def test_with_a_model_its_facts_hold_for_its_experience_and_not_another(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    with FakeOpenAIServer(default_reply=bank_reader) as llm:
        mode_cache.set(llm.base_url, "gpt-4o-mini", StructuredMode.JSON_SCHEMA)
        try:
            await point_llm_at(db, llm.base_url)
            me = await register(api, "llm-evidence@example.com")
            source = await factories.source_cv(db, me["id"])
            offer = await factories.job_offer(db, me["id"], **KUBERNETES)
            made = await api.post(
                "/api/achievements",
                json={**STORY, "cvFileId": source.id, "experienceId": "exp_beta"},
            )
            assert made.status_code == 201, made.text
            row, cv = await _tailor(api, session_factory, source.id, offer.id)
            requests = [
                r for r in llm.chat_requests if pipeline_llm.phase_of(r) == "batch_experience"
            ]
        finally:
            mode_cache.clear()
    items = {
        (pipeline_llm.block(r.text, "item") or {})["experience"]["id"]: r.text
        for r in requests
        if not pipeline_llm.is_repair(r)
    }
    # Only its own experience's prompt shows the story.
    assert STORY["action"] in items["exp_beta"] and STORY["action"] not in items["exp_acme"]
    beta = next(e for e in cv.experience if e.id == "exp_beta")
    acme = next(e for e in cv.experience if e.id == "exp_acme")
    assert LLM_BULLET in beta.bullets
    assert LLM_BULLET not in acme.bullets  # refused there: not that experience's fact
    assert (
        row.generation_meta["fact_guard"]["repairedClaims"]
        + row.generation_meta["fact_guard"]["droppedClaims"]
        >= 1
    )
    page = await api.get(f"/cvs/{row.id}/changes", headers={"accept-language": "en"})
    row_html = page.text.split('data-status="from_bank"', 1)[1].split("</tr>", 1)[0]
    assert LLM_BULLET in row_html and "Faster payment batch" in row_html


async def test_a_model_that_ignores_the_achievement_gets_its_result_put_back(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    """The scripted model rewrites from the CV alone: the result the offer asks for is named to
    the repair round, then put back in the user's words (jobs/pipeline/core/keep.py)."""
    with FakeOpenAIServer(default_reply=pipeline_llm.honest) as llm:
        mode_cache.set(llm.base_url, "gpt-4o-mini", StructuredMode.JSON_SCHEMA)
        try:
            await point_llm_at(db, llm.base_url)
            me = await register(api, "ignored-evidence@example.com")
            source = await factories.source_cv(db, me["id"])
            offer = await factories.job_offer(db, me["id"], **KUBERNETES)
            made = await api.post(
                "/api/achievements",
                json={**STORY, "cvFileId": source.id, "experienceId": "exp_beta"},
            )
            assert made.status_code == 201, made.text
            row, cv = await _tailor(api, session_factory, source.id, offer.id)
            repairs = [
                r
                for r in llm.chat_requests
                if pipeline_llm.phase_of(r) == "batch_experience" and pipeline_llm.is_repair(r)
            ]
        finally:
            mode_cache.clear()
    beta = next(e for e in cv.experience if e.id == "exp_beta")
    assert BULLET in beta.bullets
    assert any(BULLET in r.text for r in repairs)  # asked for first, then put back
    assert row.generation_meta["restored_bullets"]["exp_beta"] == [BULLET]
