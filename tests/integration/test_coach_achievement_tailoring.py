"""An achievement written with the STAR coach reaches the CVs tailored afterwards, with a real
worker: the coach asks for the picked experience's moment (never which experience again) and
proposes a title made from the result; once accepted, regenerating the CV for an offer that
asks for incident handling puts the result in the PDF as a bullet of its experience (the fact
guard accepts its figure), the changes view marks it as made from the achievement, and the
match counts it, for the tailored CV and for the source CV against the offer. With a model, a
rewrite that leaves it out gets it back in the user's words."""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
from arq.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvFile
from app.lib.cv_content import CvContent
from app.lib.llm import StructuredMode, mode_cache
from tests import factories
from tests.conftest import register
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fixtures.incident_story import ANSWERS, INCIDENT_REQUIREMENT, INCIDENTS, RESULT, TITLE
from tests.integration.pipeline_helpers import generate, point_llm_at, wait_finished


def pdf_text(pdf: bytes) -> str:
    """The PDF's words on one line each run: a bullet wrapped over two lines reads whole."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = " ".join(page.extract_text() or "" for page in doc.pages)
    return " ".join(text.split())


async def tailor(
    api: Any, sessions: async_sessionmaker[AsyncSession], source_id: str, offer_id: str
) -> tuple[CvFile, CvContent]:
    response = await generate(api, source_id, [offer_id])
    assert response.status_code == 200, response.text
    task = await wait_finished(sessions, response.json()["taskId"])
    assert task.status == "completed", task.error
    async with sessions() as session:
        row = await session.get(CvFile, task.generated_cv_ids[0])
    assert row is not None
    return row, CvContent.from_json(row.content)


def requirement(match: dict[str, Any], text: str) -> dict[str, Any]:
    found = [r for r in match["requirements"] if r["text"] == text]
    assert found, f"the match reads no requirement {text!r}: {match['requirements']}"
    return dict(found[0])


async def coach_achievement(api: Any, source_id: str) -> dict[str, Any]:
    """The guided coach over the API, about a picked experience, to its accepted achievement;
    the conversation as it ends."""
    started = await api.post(
        "/api/coach/conversations",
        json={"cvFileId": source_id, "experienceId": "exp_acme", "language": "en"},
    )
    assert started.status_code == 201, started.text
    conversation = started.json()
    for answer in ANSWERS:
        sent = await api.post(
            f"/api/coach/conversations/{conversation['id']}/messages", json={"text": answer}
        )
        assert sent.status_code == 202, sent.text
        conversation = sent.json()
    assert conversation["phase"] == "review"
    accepted = await api.post(
        f"/api/coach/conversations/{conversation['id']}/accept", json=conversation["proposal"]
    )
    assert accepted.status_code == 201, accepted.text
    return dict(conversation)


async def test_a_coached_achievement_is_in_the_regenerated_pdf_its_changes_and_its_match(
    api: Any, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession], worker: Worker
) -> None:
    me = await register(api, "coached-evidence@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], **INCIDENTS)
    first, first_cv = await tailor(api, session_factory, source.id, offer.id)
    assert all(RESULT not in e.bullets for e in first_cv.experience)
    first_match = (await api.get(f"/api/cvs/{first.id}/match")).json()
    assert not requirement(first_match, INCIDENT_REQUIREMENT)["covered"]

    conversation = await coach_achievement(api, source.id)
    # Asked once: the picked experience's moment, never "which experience?".
    coach_codes = [m["code"] for m in conversation["messages"] if m["role"] == "coach"]
    assert coach_codes[0] == "ask.moment" and "ask.experience" not in coach_codes
    assert len(coach_codes) == len(set(coach_codes))
    assert conversation["proposal"]["title"] == TITLE  # from the result, not the job's name

    # The same CV tailored again for the same offer: the result is a bullet of its experience.
    row, cv = await tailor(api, session_factory, source.id, offer.id)
    acme = next(e for e in cv.experience if e.id == "exp_acme")
    assert RESULT in acme.bullets
    assert all(RESULT not in e.bullets for e in cv.experience if e.id != "exp_acme")
    assert row.generation_meta["fact_guard"]["droppedClaims"] == 0
    pdf = await api.get(f"/api/cvs/{row.id}/pdf")
    assert pdf.status_code == 200, pdf.text
    assert RESULT in pdf_text(pdf.content)

    changes = await api.get(f"/cvs/{row.id}/changes", headers={"accept-language": "en"})
    assert changes.status_code == 200
    marked = changes.text.split('data-status="from_bank"', 1)[1].split("</tr>", 1)[0]
    assert RESULT in marked and f"From your achievement “{TITLE}”" in marked

    # The match counts it: the tailored CV says it, its source's achievement supports it.
    tailored = (await api.get(f"/api/cvs/{row.id}/match")).json()
    met = requirement(tailored, INCIDENT_REQUIREMENT)
    assert met["covered"] and met["direct"]
    assert any(e["quote"] == RESULT for e in met["evidence"])
    assert tailored["after"] > first_match["after"]
    # Against the offer, the source CV: its achievement raises the ceiling, not "before".
    own = (await api.get(f"/api/job-offers/{offer.id}/match", params={"cv": source.id})).json()
    shown = requirement(own, INCIDENT_REQUIREMENT)
    assert shown["covered"] and shown["evidence"][0]["section"] == "achievement"
    assert shown["evidence"][0]["where"] == TITLE
    assert own["ceiling"] > first_match["ceiling"] and own["before"] == first_match["before"]
    page = await api.get(
        f"/offers/{offer.id}/match?cv={source.id}", headers={"accept-language": "en"}
    )
    assert page.status_code == 200 and f"Your achievement “{TITLE}”" in page.text


async def test_with_a_model_the_coached_result_is_a_bullet_of_its_experience(
    api: Any, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession], worker: Worker
) -> None:
    """The scripted model rewrites from the CV alone: the achievement's result, which the offer
    asks for through its story, is named to the repair round, then put back as written."""
    me = await register(api, "coached-llm@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], **INCIDENTS)
    await coach_achievement(api, source.id)  # the guided form: no model set yet
    with FakeOpenAIServer(default_reply=pipeline_llm.honest) as llm:
        mode_cache.set(llm.base_url, "gpt-4o-mini", StructuredMode.JSON_SCHEMA)
        try:
            await point_llm_at(db, llm.base_url)
            row, cv = await tailor(api, session_factory, source.id, offer.id)
        finally:
            mode_cache.clear()
    acme = next(e for e in cv.experience if e.id == "exp_acme")
    assert RESULT in acme.bullets
    assert row.generation_meta["restored_bullets"]["exp_acme"] == [RESULT]
    assert row.generation_meta["bank"]["exp_acme"][0]["title"] == TITLE
