"""Rendered CVs over HTTP with a real worker, real Redis, real DB, PDFs read back by pdfplumber."""

from __future__ import annotations

import io
import re
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import unquote

import httpx
import pdfplumber
import pytest
from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CvFile, CvVersion, JobOffer
from app.domain.renders import rendering
from app.lib.cv_content import CvContent, as_project
from app.lib.pdf_render import renders_dir
from app.lib.pdf_render.samples import long_cv, sample_cv
from jobs.render import render_cv_file
from tests.conftest import csrf_token, register

Client = AsyncTestClient[Litestar]
# Tests whose requests wait for the worker use a real socket (``live_server``): the in-process
# test client blocks the event loop the test worker runs in while a request is in flight.


@pytest.fixture
async def web(live_server: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=live_server, timeout=60) as http:
        yield http


async def sign_up(http: httpx.AsyncClient, email: str) -> dict[str, Any]:
    await http.get("/health")
    response = await http.post(
        "/api/auth/register",
        json={"email": email, "password": "long enough pw"},
        headers={"x-csrftoken": http.cookies["csrftoken"]},
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def page_count(pdf: bytes) -> int:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


async def add_cv(
    sessions: async_sessionmaker[AsyncSession],
    user_id: str,
    content: CvContent,
    *,
    kind: str = "source",
    offer: dict[str, str] | None = None,
    meta: dict[str, Any] | None = None,
    language: str | None = "en",
    versions: list[tuple[CvContent, str]] | None = None,
) -> str:
    async with sessions() as session:
        offer_id = None
        if offer is not None:
            row = JobOffer(user_id=user_id, **offer)
            session.add(row)
            await session.flush()
            offer_id = row.id
        cv = CvFile(
            user_id=user_id,
            kind=kind,
            filename="cv.pdf",
            content=content.to_json(),
            extraction_status="done",
            job_offer_id=offer_id,
            language=language,
            generation_meta=meta or {},
        )
        session.add(cv)
        await session.flush()
        for number, (snapshot, created_by) in enumerate(versions or [(content, "import")], 1):
            session.add(
                CvVersion(
                    cv_file_id=cv.id,
                    version=number,
                    content=snapshot.to_json(),
                    created_by=created_by,
                )
            )
        await session.commit()
        return cv.id


async def get_cv_row(sessions: async_sessionmaker[AsyncSession], cv_id: str) -> CvFile:
    async with sessions() as session:
        row = await session.get(CvFile, cv_id)
        assert row is not None
        return row


async def test_pdf_download_renders_in_the_worker_and_records_the_result(
    web: httpx.AsyncClient,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    worker: Worker,
) -> None:
    me = await sign_up(web, "render@example.com")
    cv = sample_cv("en")
    cv.header.name = "Zoë Núñez"
    cv_id = await add_cv(
        session_factory,
        me["id"],
        cv,
        kind="generated",
        offer={
            "title": "Staff Engineer / Payments",
            "company": "Société Générale",
            "language": "fr",
        },
        language=None,
    )
    response = await web.get(f"/api/cvs/{cv_id}/pdf")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    disposition = response.headers["content-disposition"]
    expected = "Zoë Núñez - Staff Engineer Payments - Société Générale.pdf"
    assert disposition.startswith(
        'attachment; filename="Zoe Nunez - Staff Engineer Payments - Societe Generale.pdf"'
    )
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == expected
    text = pdf_text(response.content)
    # No language on the CV: the offer's (French) gives the section titles.
    assert "Zoë Núñez" in text and "EXPÉRIENCE PROFESSIONNELLE" in text
    assert int(response.headers["x-page-count"]) == page_count(response.content) == 2

    row = await get_cv_row(session_factory, cv_id)
    record = row.generation_meta["render"]
    assert record["pageCount"] == 2 and record["pageBudget"] == 2 and record["fits"]
    assert record["design"] == "classic" and record["locale"] == "fr"
    assert (renders_dir(settings) / f"{record['cacheKey']}.pdf").read_bytes() == response.content

    inline = await web.get(f"/api/cvs/{cv_id}/pdf", params={"inline": "true"})
    assert inline.headers["content-disposition"].startswith("inline;")
    assert inline.content == response.content  # same content + design: rendered once


async def test_what_the_pipeline_renders_is_what_gets_downloaded(
    client: Client, session_factory: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    """``render_cv_file`` at recompose fills the cache the download reads: no worker needed."""
    me = await register(client, "cached@example.com")
    cv = sample_cv("en")
    # Longer than one page even at the fit's smallest type (fit.py, rule 0): cuts are needed.
    cv.experience[0].bullets += [
        f"Ran quarterly review {n} of the data platform with the finance team and its analysts."
        for n in range(8)
    ]
    relevance = {
        f"{item.id}:{i}": 0.5
        for item in [*cv.experience, *cv.projects]
        for i in range(len(item.bullets))
    }
    relevance[f"{cv.experience[0].id}:0"] = 0.01
    relevance |= {f"interest:{i}": 0.5 for i in range(3)}  # scored: the bullet goes first
    cv_id = await add_cv(
        session_factory,
        me["id"],
        cv,
        kind="generated",
        offer={"title": "Platform Engineer", "company": "Initech", "language": "en"},
        meta={"relevance": relevance, "page_budget": 1},
    )
    async with session_factory() as session:
        row = await session.get(CvFile, cv_id)
        assert row is not None
        rendered = await render_cv_file(session, settings, row)
        await session.commit()
    assert rendered.page_budget == 1 and rendered.trimmed
    assert rendered.trimmed[0].key == f"{cv.experience[0].id}:0"  # the pipeline's scores
    response = await client.get(f"/api/cvs/{cv_id}/pdf")  # no worker fixture here
    assert response.status_code == 200
    assert response.content == rendered.pdf
    row = await get_cv_row(session_factory, cv_id)
    assert row.generation_meta["render"]["trimmed"][0]["key"] == rendered.trimmed[0].key


async def test_without_a_worker_the_download_fails_cleanly(
    client: Client,
    session_factory: async_sessionmaker[AsyncSession],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rendering, "WAIT_FOR_RENDER_SECONDS", 0.5)
    me = await register(client, "noworker@example.com")
    cv_id = await add_cv(session_factory, me["id"], sample_cv("en"))
    response = await client.get(f"/api/cvs/{cv_id}/pdf")
    assert response.status_code == 503
    assert response.json()["error"] == "render.timeout"
    page = await client.get(f"/cvs/{cv_id}/preview")
    assert page.status_code == 200
    assert 'data-error-code="render.timeout"' in page.text and "<iframe" not in page.text


async def test_preview_is_the_pdfs_document(
    web: httpx.AsyncClient, session_factory: async_sessionmaker[AsyncSession], worker: Worker
) -> None:
    me = await sign_up(web, "preview@example.com")
    cv = sample_cv("fr")
    cv.experience[0].bullets.append('<script>alert("x")</script> & <b>not bold</b>')
    cv_id = await add_cv(session_factory, me["id"], cv, language="fr")
    page = await web.get(f"/cvs/{cv_id}/preview")
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert f'src="/cvs/{cv_id}/preview/document"' in page.text
    assert 'data-testid="download-pdf"' in page.text and 'name="design"' in page.text

    document = await web.get(f"/cvs/{cv_id}/preview/document")
    assert document.status_code == 200
    csp = document.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "sandbox" in csp and "script-src" not in csp
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;" in document.text
    pdf = (await web.get(f"/api/cvs/{cv_id}/pdf")).content
    body = document.text.split("<body", 1)[1].split(">", 1)[1]
    import html as html_lib

    words = set(re.findall(r"\w+", html_lib.unescape(re.sub(r"<[^>]+>", " ", body)).lower()))
    assert words == set(re.findall(r"\w+", pdf_text(pdf).lower()))
    assert '<script>alert("x")</script> & <b>not bold</b>' in pdf_text(pdf)


async def test_design_budget_and_language_choice(
    web: httpx.AsyncClient, session_factory: async_sessionmaker[AsyncSession], worker: Worker
) -> None:
    me = await sign_up(web, "design@example.com")
    cv_id = await add_cv(session_factory, me["id"], sample_cv("en"))
    headers = {"x-csrftoken": web.cookies["csrftoken"]}
    before = await web.get(f"/api/cvs/{cv_id}/pdf")
    assert page_count(before.content) == 2  # 11+ years: a two-page budget

    response = await web.put(
        f"/api/cvs/{cv_id}/design",
        json={"design": "modern", "pageBudget": 1, "language": "fr"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json() == {
        "id": cv_id,
        "design": "modern",
        "pageBudget": 1,
        "pageBudgetIsDefault": False,
        "language": "fr",
        "showPhoto": False,
        "hasPhoto": False,
    }
    after = await web.get(f"/api/cvs/{cv_id}/pdf")
    assert after.content != before.content
    text = pdf_text(after.content)
    assert "EXPÉRIENCE PROFESSIONNELLE" in text and page_count(after.content) == 1
    row = await get_cv_row(session_factory, cv_id)
    assert row.design == "modern" and row.generation_meta["page_budget"] == 1
    assert row.generation_meta["render"]["trimmed"], "trimming was recorded"

    # Partial updates keep the rest; null goes back to automatic.
    response = await web.put(f"/api/cvs/{cv_id}/design", json={"pageBudget": None}, headers=headers)
    assert response.json()["pageBudget"] == 2 and response.json()["design"] == "modern"
    assert response.json()["pageBudgetIsDefault"] is True
    bad = await web.put(f"/api/cvs/{cv_id}/design", json={"design": "x"}, headers=headers)
    assert bad.status_code == 422 and bad.json()["error"] == "render.unknown_design"
    bad = await web.put(f"/api/cvs/{cv_id}/design", json={"pageBudget": 9}, headers=headers)
    assert bad.status_code == 422

    # The plain HTML form does the same and comes back to the preview.
    form = await web.post(
        f"/cvs/{cv_id}/design",
        data={"design": "classic", "page_budget": "auto", "language": "auto", **_csrf(headers)},
        follow_redirects=False,
    )
    assert form.status_code in (302, 303) and form.headers["location"] == f"/cvs/{cv_id}/preview"
    row = await get_cv_row(session_factory, cv_id)
    assert row.design == "classic" and row.language is None
    assert "page_budget" not in row.generation_meta


def _csrf(headers: dict[str, str]) -> dict[str, str]:
    return {"_csrf_token": headers["x-csrftoken"]}


@pytest.mark.usefixtures("backend")
async def test_versions_and_restore(
    web: httpx.AsyncClient, session_factory: async_sessionmaker[AsyncSession], worker: Worker
) -> None:
    me = await sign_up(web, "versions@example.com")
    original = sample_cv("en")
    edited = original.model_copy(deep=True)
    edited.summary = "Edited summary after import."
    cv_id = await add_cv(
        session_factory,
        me["id"],
        edited,
        versions=[(original, "import"), (edited, "user_edit")],
    )
    headers = {"x-csrftoken": web.cookies["csrftoken"]}
    listing = (await web.get(f"/api/cvs/{cv_id}/versions")).json()
    assert [(v["version"], v["createdBy"], v["current"]) for v in listing] == [
        (2, "user_edit", True),
        (1, "import", False),
    ]
    assert "Edited summary" in pdf_text((await web.get(f"/api/cvs/{cv_id}/pdf")).content)

    restored = await web.post(f"/api/cvs/{cv_id}/versions/1/restore", headers=headers)
    assert restored.status_code == 200, restored.text
    assert restored.json()["version"] == 3 and restored.json()["createdBy"] == "restore"
    listing = (await web.get(f"/api/cvs/{cv_id}/versions")).json()
    assert [(v["version"], v["current"]) for v in listing] == [(3, True), (2, False), (1, False)]
    row = await get_cv_row(session_factory, cv_id)
    assert CvContent.from_json(row.content).summary == original.summary
    text = pdf_text((await web.get(f"/api/cvs/{cv_id}/pdf")).content)
    assert "Edited summary" not in text and "eleven years" in text

    missing = await web.post(f"/api/cvs/{cv_id}/versions/42/restore", headers=headers)
    assert missing.status_code == 404

    # The htmx partial, and the restore form that swaps it.
    partial = await web.get(f"/cvs/{cv_id}/preview/versions", headers={"hx-request": "true"})
    assert partial.text.lstrip().startswith('<div id="cv-versions"')
    assert f'hx-post="/cvs/{cv_id}/preview/versions/2/restore"' in partial.text
    swapped = await web.post(
        f"/cvs/{cv_id}/preview/versions/2/restore", headers={**headers, "hx-request": "true"}
    )
    assert swapped.status_code == 200 and 'id="cv-versions"' in swapped.text
    assert swapped.headers["content-type"].startswith("text/html")
    assert partial.headers["content-type"].startswith("text/html")
    async with session_factory() as session:
        numbers = list(
            await session.scalars(select(CvVersion.version).where(CvVersion.cv_file_id == cv_id))
        )
    assert sorted(numbers) == [1, 2, 3, 4]


async def test_changes_view_shows_decisions_bullets_skills_and_fact_guard(
    client: Client, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    me = await register(client, "changes@example.com")
    source = sample_cv("en")
    source_id = await add_cv(session_factory, me["id"], source)
    tailored = source.model_copy(deep=True)
    tailored.experience = tailored.experience[:2]
    tailored.experience[0].bullets = [
        "Rewrote <the> settlement service in Python, 4 hours to 35 minutes."
    ]
    tailored.projects.append(as_project(source.experience[2]))  # moved there by the tailoring
    meta = {
        "source_cv_id": source_id,
        "classification": [
            {"id": source.experience[0].id, "decision": "KEEP", "reason": "Payments & recent"},
            {"id": source.experience[1].id, "decision": "KEEP", "reason": "Same stack"},
            {"id": source.experience[2].id, "decision": "MOVE_TO_PROJECTS", "reason": "Agency"},
            {"id": source.experience[3].id, "decision": "REMOVE", "reason": "Unrelated, 2012"},
        ],
        "skills_changes": {
            "added": [{"name": "Event sourcing", "evidence": "idempotent event pipeline"}],
            "removed": ["Terraform"],
            "reordered": True,
        },
        "fact_guard": {"verifiedClaims": 17, "repairedClaims": 3, "droppedClaims": 1},
    }
    cv_id = await add_cv(session_factory, me["id"], tailored, kind="generated", meta=meta)
    page = await client.get(f"/cvs/{cv_id}/changes")
    assert page.status_code == 200, page.text
    html = page.text
    for needle in (
        "Payments &amp; recent",
        "Unrelated, 2012",
        "Rewrote &lt;the&gt; settlement service",
        source.experience[0].bullets[0],
        "Event sourcing",
        "idempotent event pipeline",
        "Terraform",
        ">17<",
        ">3<",
        ">1<",
    ):
        assert needle in html, needle
    assert html.count('class="badge removed"') >= 1 and 'class="badge moved"' in html

    source_page = await client.get(f"/cvs/{source_id}/changes")
    assert source_page.status_code == 200 and 'data-testid="no-comparison"' in source_page.text
    orphan_id = await add_cv(
        session_factory, me["id"], tailored, kind="generated", meta={"source_cv_id": "deleted"}
    )
    orphan = await client.get(f"/cvs/{orphan_id}/changes")
    assert orphan.status_code == 200 and 'data-testid="source-missing"' in orphan.text


async def test_every_route_is_scoped_to_the_owner(
    client: Client, another_client: Any, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    me = await register(client, "owner@example.com")
    cv_id = await add_cv(session_factory, me["id"], sample_cv("en"))
    async with another_client() as other:
        await register(other, "intruder@example.com")
        headers = {"x-csrftoken": await csrf_token(other)}
        for method, url, kwargs in (
            ("GET", f"/api/cvs/{cv_id}/pdf", {}),
            ("GET", f"/api/cvs/{cv_id}/versions", {}),
            ("POST", f"/api/cvs/{cv_id}/versions/1/restore", {"headers": headers}),
            ("PUT", f"/api/cvs/{cv_id}/design", {"headers": headers, "json": {"design": "modern"}}),
            ("GET", f"/cvs/{cv_id}/preview", {}),
            ("GET", f"/cvs/{cv_id}/preview/document", {}),
            ("GET", f"/cvs/{cv_id}/changes", {}),
            ("GET", f"/cvs/{cv_id}/preview/versions", {}),
            ("POST", f"/cvs/{cv_id}/preview/versions/1/restore", {"headers": headers}),
        ):
            response = await other.request(method, url, **kwargs)
            assert response.status_code == 404, (method, url, response.status_code)
        missing = await client.get("/api/cvs/no-such-cv/pdf")
        assert missing.status_code == 404 and missing.json()["error"] == "cv.not_found"
    async with another_client() as anonymous:
        assert (await anonymous.get(f"/api/cvs/{cv_id}/pdf")).status_code == 401
        page = await anonymous.get(f"/cvs/{cv_id}/preview", follow_redirects=False)
        assert page.status_code in (302, 303) and page.headers["location"].startswith("/login")
    row = await get_cv_row(session_factory, cv_id)
    assert row.design == "classic"


async def test_a_cv_too_long_even_at_its_minimum_grows_a_page_and_says_so(
    web: httpx.AsyncClient, session_factory: async_sessionmaker[AsyncSession], worker: Worker
) -> None:
    me = await sign_up(web, "grown@example.com")
    cv_id = await add_cv(session_factory, me["id"], long_cv(2), meta={"page_budget": 1})
    pdf = await web.get(f"/api/cvs/{cv_id}/pdf")
    assert pdf.status_code == 200 and page_count(pdf.content) == 2
    page = (await web.get(f"/cvs/{cv_id}/preview", headers={"accept-language": "en"})).text
    # Counted against the budget it grew to, never "2 of 1 allowed"; and the page says why.
    assert "2 of 2 allowed" in page and "2 of 1 allowed" not in page
    assert 'data-testid="budget-grown"' in page and "does not hold on 1 page" in page
    assert "Even with every optional bullet removed" not in page
