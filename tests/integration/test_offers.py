"""Job offers through the JSON API and the real worker: text, URL (SSRF-safe), JSON Resume job,
bad input, edit, delete, scoping, LLM extraction checked against the text.

Everything that fetches from the local web server or needs the worker goes through a real
uvicorn server: the in-process client would block the loop both of them run in.
"""

from __future__ import annotations

import asyncio
import copy
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import quote

import pytest
from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, JobOffer
from app.settings.service import update_setting
from tests.conftest import csrf_token, register
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fixtures.live import Browser, browser
from tests.fixtures.offer_samples import EN_OFFER, FR_OFFER, JOB_JSON
from tests.fixtures.web_server import WebServer


@pytest.fixture
async def web() -> AsyncIterator[WebServer]:
    async with WebServer() as server:
        yield server


async def headers(client: Any) -> dict[str, str]:
    return {"x-csrftoken": await csrf_token(client)}


async def add(client: Any, body: Any) -> Any:
    return await client.post("/api/job-offers", json=body, headers=await headers(client))


async def wait_for_offer(client: Any, offer_id: str, timeout: float = 30) -> dict[str, Any]:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        body = (await client.get(f"/api/job-offers/{offer_id}")).json()
        if body["extractionStatus"] in {"completed", "failed"}:
            return dict(body)
        assert asyncio.get_running_loop().time() < deadline, body
        await asyncio.sleep(0.1)


async def counts(db: AsyncSession) -> tuple[int, int]:
    offers = await db.scalar(select(func.count()).select_from(JobOffer))
    tasks = await db.scalar(select(func.count()).select_from(BackgroundTask))
    await db.rollback()
    return int(offers or 0), int(tasks or 0)


async def allow_private_urls(db: AsyncSession) -> None:
    """The admin setting for intranet job boards: here, the test's own local web server."""
    await update_setting(db, "allow_private_offer_urls", "true")
    await db.commit()


async def test_pasted_offers_are_extracted_in_the_worker(live_server: str, worker: Worker) -> None:
    client = await browser(live_server, "offers@example.com")
    accepted = await add(client, {"text": FR_OFFER})
    assert accepted.status_code == 202, accepted.text
    assert accepted.json()["taskId"]
    offer = await wait_for_offer(client, accepted.json()["id"])
    assert offer["extractionStatus"] == "completed"
    assert offer["title"] == "Développeur Python senior"
    assert offer["company"] == "Acme Logistique"
    assert offer["contractType"] == "CDI" and offer["language"] == "fr"
    assert offer["languages"][0] == {"name": "Anglais", "level": "courant (C1)"}
    assert "Kubernetes" in offer["skills"]
    assert offer["description"] == FR_OFFER.strip()
    english = await wait_for_offer(client, (await add(client, {"text": EN_OFFER})).json()["id"])
    assert english["title"] == "Senior Data Engineer" and english["remote"] == "Hybrid"
    listed = (await client.get("/api/job-offers")).json()
    assert [o["id"] for o in listed] == [english["id"], offer["id"]]
    await client.aclose()


async def test_offer_from_a_url_uses_the_pages_job_posting(
    live_server: str, worker: Worker, db: AsyncSession, web: WebServer
) -> None:
    await allow_private_urls(db)
    client = await browser(live_server, "url@example.com")
    accepted = await add(client, {"url": f"{web.url}/go?to=/offer"})
    assert accepted.status_code == 202, accepted.text
    offer = await wait_for_offer(client, accepted.json()["id"])
    assert offer["sourceUrl"] == f"{web.url}/offer"  # after the redirect
    assert offer["title"] == "Ingénieur DevOps"
    assert offer["company"] == "Nimbus Cloud"
    assert offer["location"] == "Toulouse, FR"
    assert offer["contractType"] == "FULL_TIME"
    assert "Écrire l'infrastructure en Terraform." in offer["description"]
    assert "Terraform" in offer["skills"]
    assert {"name": "Anglais", "level": "professionnel"} in offer["languages"]
    await client.aclose()


async def test_json_resume_job_keeps_its_fields(live_server: str, worker: Worker) -> None:
    client = await browser(live_server, "jobjson@example.com")
    accepted = await add(client, JOB_JSON)
    assert accepted.status_code == 202, accepted.text
    offer = await wait_for_offer(client, accepted.json()["id"])
    assert (offer["title"], offer["company"]) == ("Frontend Engineer", "Brightline Health")
    assert offer["responsibilities"] == JOB_JSON["responsibilities"]
    assert offer["requirements"][:2] == JOB_JSON["qualifications"]
    assert offer["remote"] == "Hybrid" and offer["contractType"] == "Full-time"
    bad = copy.deepcopy(JOB_JSON)
    bad["qualifications"] = "React"
    refused = await add(client, bad)
    assert refused.status_code == 422 and "qualifications" in refused.json()["detail"]
    await client.aclose()


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"text": ""}, "offer.empty_text"),
        ({"text": "   \n"}, "offer.empty_text"),
        ({"text": "x" * 200_000}, "offer.text_too_long"),
        ({"text": 42}, "offer.invalid_field"),
        ({"url": "ftp://example.com/job"}, "offer.url_bad_scheme"),
        ({"url": "http://127.0.0.1/jobs"}, "offer.url_not_allowed"),
        ({"url": "http://localhost/jobs"}, "offer.url_not_allowed"),
        ({"url": "http://169.254.169.254/latest/meta-data/"}, "offer.url_not_allowed"),
        ({"url": "http://[::1]:8000/"}, "offer.url_not_allowed"),
        ({"hello": "world"}, "offer.invalid_body"),
        ([1, 2, 3], "offer.invalid_body"),
    ],
)
async def test_bad_offer_input_is_refused_and_leaves_nothing(
    client: AsyncTestClient[Litestar], db: AsyncSession, body: Any, code: str
) -> None:
    await register(client, "badoffer@example.com")
    before = await counts(db)
    response = await add(client, body)
    assert response.status_code == 422, response.text
    assert response.json()["error"] == code
    assert response.json()["detail"]
    assert await counts(db) == before


async def test_urls_that_redirect_badly_are_too_big_or_hang_are_refused(
    live_server: str, db: AsyncSession, web: WebServer
) -> None:
    await allow_private_urls(db)  # even so: metadata, size and time stay limited
    client = await browser(live_server, "badurl@example.com")
    metadata = quote("http://169.254.169.254/latest/meta-data/")
    cases = [
        (f"{web.url}/go?to={metadata}", "offer.url_not_allowed"),
        (f"{web.url}/huge", "offer.url_too_large"),
        (f"{web.url}/pdf", "offer.url_not_text"),
        (f"{web.url}/missing", "offer.url_http_status"),
        (f"{web.url}/hang", "offer.url_timeout"),
    ]
    for url, code in cases:
        response = await add(client, {"url": url})
        assert response.status_code == 422, (url, response.text)
        assert response.json()["error"] == code, url
    assert await counts(db) == (0, 0)
    await client.aclose()


async def test_edit_delete_and_scoping(live_server: str, worker: Worker) -> None:
    client = await browser(live_server, "editoffer@example.com")
    offer = await wait_for_offer(client, (await add(client, {"text": EN_OFFER})).json()["id"])
    token = await headers(client)
    changes = {
        "title": "Lead Data Engineer",
        "skills": ["Kafka", "Flink"],
        "languages": [{"name": "English", "level": "C1"}],
        "contractType": "CDI",
    }
    updated = await client.put(f"/api/job-offers/{offer['id']}", json=changes, headers=token)
    assert updated.status_code == 200, updated.text
    body = updated.json()
    assert body["title"] == "Lead Data Engineer" and body["skills"] == ["Kafka", "Flink"]
    assert body["contractType"] == "CDI" and body["company"] == "Northwind Analytics"
    wrong = await client.put(
        f"/api/job-offers/{offer['id']}", json={"skills": "Kafka"}, headers=token
    )
    assert wrong.status_code == 422 and "skills" in wrong.json()["detail"]
    unknown = await client.put(f"/api/job-offers/{offer['id']}", json={"salary": 1}, headers=token)
    assert unknown.status_code == 422 and unknown.json()["error"] == "offer.unknown_field"
    cleared = await client.put(
        f"/api/job-offers/{offer['id']}", json={"company": None, "remote": None}, headers=token
    )  # null clears a field (it was a 500 on the never-null columns)
    assert cleared.status_code == 200, cleared.text
    assert (cleared.json()["company"], cleared.json()["remote"]) == ("", None)

    intruder = await browser(live_server, "offerintruder@example.com")
    other = await headers(intruder)
    assert (await intruder.get(f"/api/job-offers/{offer['id']}")).status_code == 404
    put = await intruder.put(f"/api/job-offers/{offer['id']}", json={"title": "x"}, headers=other)
    assert put.status_code == 404
    assert (
        await intruder.delete(f"/api/job-offers/{offer['id']}", headers=other)
    ).status_code == 404
    assert (await intruder.get("/api/job-offers")).json() == []
    await intruder.aclose()

    deleted = await client.delete(f"/api/job-offers/{offer['id']}", headers=token)
    assert deleted.status_code == 200
    assert (await client.get(f"/api/job-offers/{offer['id']}")).status_code == 404
    await client.aclose()


@pytest.fixture
def fake_llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


async def test_llm_offer_extraction_is_checked_against_the_text(
    live_server: str, worker: Worker, db: AsyncSession, fake_llm: FakeOpenAIServer
) -> None:
    await update_setting(db, "llm_base_url", fake_llm.base_url)
    await update_setting(db, "llm_api_key", "k")
    await update_setting(db, "model_offer_extract", "offer-model")
    await db.commit()
    fake_llm.script(
        "<job_offer>",
        reply={
            "title": "Senior Data Engineer",
            "company": "Northwind Analytics",
            "location": "London, United Kingdom",
            "language": "en",
            "requirements": ["Experience with Airflow and AWS.", "A PhD in physics."],
            "responsibilities": ["Build data models in dbt and Snowflake."],
            "skills": ["Kafka", "Kubernetes"],
            "languages": [{"name": "English", "level": "Fluent"}],
            "contract_type": "Full-time, permanent",
            "remote": "Fully remote",
        },
    )
    client: Browser = await browser(live_server, "llmoffer@example.com")
    offer = await wait_for_offer(client, (await add(client, {"text": EN_OFFER})).json()["id"])
    assert offer["requirements"] == ["Experience with Airflow and AWS."]
    assert offer["skills"] == ["Kafka"]
    assert (
        offer["remote"] == "Hybrid"
    )  # the model's "Fully remote" is not in the text; rules fill it
    assert offer["languages"] == [{"name": "English", "level": "Fluent"}]
    sent = [r for r in fake_llm.chat_requests if "<job_offer>" in r.text]
    assert sent and sent[-1].model == "offer-model"
    tasks = (await client.get("/api/background-tasks")).json()
    listed = tasks if isinstance(tasks, list) else tasks.get("tasks", [])
    assert listed[0]["result"]["parser"] == "llm" and listed[0]["result"]["dropped"] == 3
    await client.aclose()
