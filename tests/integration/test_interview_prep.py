"""Interview prep of an application through its doors, with a real database and Redis: the JSON
API, the page and its fragments, the Markdown and the PDF (rendered by the real worker, read
back), the agent tool and the coach's "practise this question" form — one service, one ledger
(the offer's match), questions in the ad's language, evidence quoted exactly from the CV and the
bank, and "no evidence yet" where nothing answers."""

from __future__ import annotations

import io
import re
from html import unescape
from typing import Any, cast

import pdfplumber
from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.lib.cv_content import CvContent
from app.lib.matching.evidence import cv_fields
from app.lib.matching.quotes import holds
from app.mcp import application_tools
from app.mcp.calls import ToolCall
from jobs.pipeline.core.fact_guard import SourceCorpus, unsupported_claims
from tests import factories
from tests.conftest import csrf_token, post_form, register

Client = AsyncTestClient[Litestar]
STORY = {
    "title": "Faster payment batch",
    "situation": "The nightly payment batch at Beta Bank took 6 hours.",
    "task": "I had to make it finish before the branches opened.",
    "action": "I rewrote the Python batch jobs to run in parallel.",
    "result": "I cut the batch run time from 6 hours to 40 minutes.",
    "skills": ["Python"],
    "status": "complete",
    "language": "en",
}
# A French ad for the English CV of the factories: the questions must be French.
FR_OFFER = {
    "title": "Développeur backend",
    "company": "Colis SA",
    "language": "fr",
    "description": (
        "Nous recherchons un développeur backend Python. Vous maîtrisez PostgreSQL. "
        "Vous déployez nos services sur Kubernetes."
    ),
    "requirements": ["Python", "PostgreSQL", "Vous déployez nos services sur Kubernetes"],
    "skills": ["Python", "PostgreSQL", "Kubernetes"],
    "languages": [],
}


def words(text: str) -> str:
    """Letters and digits only: line breaks and hyphenation of the PDF do not count."""
    return re.sub(r"[\W_]+", "", text.lower())


async def _tracked(client: Any, db: AsyncSession, email: str) -> tuple[dict[str, Any], str, str]:
    me = await register(client, email)
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], **FR_OFFER)
    headers = (
        {"x-csrftoken": await csrf_token(client)} if isinstance(client, AsyncTestClient) else {}
    )
    made = await client.post(
        "/api/achievements",
        json={**STORY, "cvFileId": source.id, "experienceId": "exp_beta"},
        headers=headers,
    )
    assert made.status_code == 201, made.text
    tracked = await client.post("/api/applications", json={"jobOfferId": offer.id}, headers=headers)
    assert tracked.status_code == 201, tracked.text
    return me, tracked.json()["id"], offer.id


async def test_the_api_page_markdown_and_agent_tool_give_one_prep_from_the_match_ledger(
    client: Client, db: AsyncSession
) -> None:
    me, application_id, offer_id = await _tracked(client, db, "prep@example.com")
    url = f"/api/applications/{application_id}/interview-prep"
    response = await client.get(url)
    assert response.status_code == 200, response.text
    prep = response.json()
    assert prep["language"] == "fr"

    # The same ledger as the offer's match: one competence question per requirement.
    match = (await client.get(f"/api/job-offers/{offer_id}/match")).json()
    competence = [q for q in prep["questions"] if q["kind"] == "competence"]
    assert [q["requirementId"] for q in competence] == [r["id"] for r in match["requirements"]]
    status = {r["id"]: r["status"] for r in match["requirements"]}
    gaps = {q["requirementId"] for q in prep["questions"] if q["kind"] == "gap"}
    assert gaps == {i for i, s in status.items() if s != "supported"} and gaps

    # Every quote is the CV's or the bank's, as written, and passes the fact guard.
    source = (await client.get("/api/cvs")).json()
    cv_id = prep["cvId"]
    assert any(cv["id"] == cv_id for cv in source)
    content = CvContent.from_json(factories.EN_CV)
    bank = [STORY[k] for k in ("situation", "task", "action", "result")]
    fields = [*cv_fields(content), *bank, STORY["title"]]
    corpus = SourceCorpus(content.full_text(), "\n".join(bank))
    star_seen = False
    for question in prep["questions"]:
        assert question["noEvidence"] == (not question["evidence"])
        for evidence in question["evidence"]:
            for text in [evidence["quote"], *(evidence["star"] or {}).values()]:
                assert holds(fields, text), text
                assert unsupported_claims(text, corpus) == [], text
            if evidence["kind"] == "achievement":
                star_seen = True
                assert evidence["star"]["result"] == STORY["result"]
                assert evidence["where"] == STORY["title"]
    assert star_seen
    kube = next(q for q in prep["questions"] if q["kind"] == "gap" and q["noEvidence"])
    assert kube["text"].startswith("L'offre demande « ")
    first = prep["questions"][0]
    assert first["code"] == "motivation.company"
    assert first["text"] == "Pourquoi voulez-vous rejoindre Colis SA ?"

    # The page: the same questions, the evidence as written, "no evidence yet" marked.
    page = await client.get(f"/applications/{application_id}/interview-prep")
    assert page.status_code == 200
    html = unescape(page.text)
    shown = re.findall(r'data-question="(q\d+)"', html)
    assert shown == [q["id"] for q in prep["questions"]]
    assert STORY["result"] in html and 'lang="fr"' in html
    assert len(re.findall(r'data-question="q\d+"[^>]*data-no-evidence', html)) == sum(
        q["noEvidence"] for q in prep["questions"]
    )
    assert f'href="/api/applications/{application_id}/interview-prep/pdf"' in html
    fragment = await client.get(
        f"/applications/{application_id}/interview-prep/questions?kind=gap",
        headers={"HX-Request": "true"},
    )
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert set(re.findall(r'data-kind="(\w+)"', fragment.text)) == {"gap"}
    detail = await client.get(f"/applications/{application_id}")
    assert f'hx-get="/applications/{application_id}/interview-prep/summary"' in detail.text
    summary = await client.get(f"/applications/{application_id}/interview-prep/summary")
    assert summary.status_code == 200 and 'data-kind="competence"' in summary.text

    markdown = await client.get(f"{url}/markdown")
    assert markdown.status_code == 200 and markdown.headers["content-type"].startswith(
        "text/markdown"
    )
    text = markdown.text.replace("\\", "")
    assert text.startswith("# Préparer l'entretien")
    assert f"« {STORY['result']} »" in text and "Pas encore d'élément de réponse" in text

    # The agent's tool answers what the API does.
    user = await db.get(User, me["id"])
    call = ToolCall(backend=cast(Any, None), db=db, user=cast(User, user))
    assert await application_tools.get_interview_prep(call, application_id) == prep


async def test_practising_a_question_starts_the_coach_on_it_in_the_ads_language(
    client: Client, db: AsyncSession
) -> None:
    _, application_id, _ = await _tracked(client, db, "prep-coach@example.com")
    prep = (await client.get(f"/api/applications/{application_id}/interview-prep")).json()
    situation = next(q for q in prep["questions"] if q["kind"] == "situation")
    assert situation["experienceId"] == "exp_beta"
    page = (await client.get(f"/applications/{application_id}/interview-prep")).text
    assert f'name="question_id" value="{situation["id"]}"' in page
    form = {"application_id": application_id, "question_id": situation["id"], "language": "fr"}
    started = await post_form(client, "/coach", form)
    assert started.status_code == 303, started.text
    coach = await client.get(started.headers["location"], headers={"accept-language": "en"})
    html = unescape(coach.text)
    assert situation["text"] in html  # the question, in the ad's language
    assert "Software Developer — Beta Bank" in html  # its evidence's experience, picked
    missing = await post_form(
        client, "/coach", {"application_id": application_id, "question_id": "q999"}
    )
    assert missing.status_code == 404


async def test_another_users_application_has_no_prep_on_any_door(
    client: Client, db: AsyncSession, another_client: Any
) -> None:
    _, application_id, _ = await _tracked(client, db, "prep-owner@example.com")
    async with another_client() as other:
        await register(other, "prep-other@example.com")
        for path in (
            f"/api/applications/{application_id}/interview-prep",
            f"/api/applications/{application_id}/interview-prep/markdown",
            f"/applications/{application_id}/interview-prep",
        ):
            assert (await other.get(path)).status_code == 404, path


async def test_the_pdf_is_rendered_by_the_worker_and_quotes_as_written(
    api: Any, db: AsyncSession, worker: Worker
) -> None:
    _, application_id, _ = await _tracked(api, db, "prep-pdf@example.com")
    pdf = await api.get(f"/api/applications/{application_id}/interview-prep/pdf")
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(pdf.content)) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    assert words("Préparer l'entretien") in words(text)
    assert words("Pourquoi voulez-vous rejoindre Colis SA ?") in words(text)
    assert words(STORY["result"]) in words(text)
    assert words("Pas encore d'élément de réponse") in words(text)
