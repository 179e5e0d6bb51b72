"""The offer pages: add forms, list with multi-select for a generation, view/edit, delete."""

from __future__ import annotations

import asyncio
import json
import re

import pytest
from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, JobOffer, User
from tests.conftest import csrf_token, register
from tests.fixtures.live import browser
from tests.fixtures.offer_samples import EN_OFFER, FR_OFFER, JOB_JSON
from tests.prg import came_back, followed

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}


async def user_id(db: AsyncSession, email: str) -> str:
    value = await db.scalar(select(User.id).where(User.email == email))
    await db.rollback()
    assert value is not None
    return value


async def test_add_by_text_follow_the_extraction_then_edit(
    live_server: str, worker: Worker
) -> None:
    client = await browser(live_server, "offerpages@example.com")
    client.headers.update(ENGLISH)
    token = client.cookies["csrftoken"]
    added = await client.post("/offers/text", data={"text": FR_OFFER, "_csrf_token": token})
    assert added.status_code == 303
    location = added.headers["location"]
    offer_id = location.rsplit("/", 1)[1]
    for _ in range(100):
        status = await client.get(f"/offers/{offer_id}/status", headers={"hx-request": "true"})
        if status.headers.get("hx-refresh") == "true":
            break
        assert 'id="extract-status"' in status.text
        await asyncio.sleep(0.1)
    else:
        raise AssertionError("the extraction never finished")
    page = await client.get(location)
    assert page.status_code == 200
    assert 'value="Développeur Python senior"' in page.text
    assert "Anglais: courant (C1)" in page.text  # languages, one per line
    form = {
        "_csrf_token": token,
        "title": "Développeur Python",
        "company": "Acme Logistique",
        "location": "Lyon",
        "language": "fr",
        "contract_type": "CDI",
        "remote": "",
        "requirements": "Python\nDocker",
        "responsibilities": "API",
        "skills": "Python\nDocker",
        "languages": "Anglais: courant\nAllemand",
        "description": FR_OFFER,
    }
    saved = await client.post(location, data=form)
    assert saved.status_code == 303 and saved.headers["location"].endswith("?saved=1")
    api = (await client.get(f"/api/job-offers/{offer_id}")).json()
    assert api["title"] == "Développeur Python" and api["remote"] is None
    assert api["languages"] == [
        {"name": "Anglais", "level": "courant"},
        {"name": "Allemand", "level": ""},
    ]
    invalid = await client.post(location, data=form | {"description": "  ", "language": "de"})
    invalid = await followed(client, invalid)
    assert "The offer text cannot be empty." in invalid.text
    assert "Choose French or English." in invalid.text
    await client.aclose()


async def test_offer_list_is_a_generation_form(client: Client, db: AsyncSession) -> None:
    client.headers.update(ENGLISH)
    await register(client, "generate@example.com")
    owner = await user_id(db, "generate@example.com")
    db.add_all(
        [
            JobOffer(
                user_id=owner,
                title="Data Engineer",
                company="Northwind",
                description=EN_OFFER,
                extraction_status="completed",
            ),
            JobOffer(user_id=owner, description=FR_OFFER, extraction_status="pending"),
            CvFile(
                user_id=owner,
                kind="source",
                filename="cv.pdf",
                extraction_status="completed",
                content={"header": {"name": "Ana Lima", "current_title": "Engineer"}},
            ),
            CvFile(user_id=owner, kind="source", filename="broken.pdf", extraction_status="failed"),
        ]
    )
    await db.commit()
    page = await client.get("/offers")
    assert page.status_code == 200
    html = page.text
    form = html.split('id="generate-form"')[1].split("</form>")[0]
    assert 'action="/generations"' in html.split('id="generate-form"')[0][-200:]
    assert len(re.findall(r'type="checkbox" name="job_offer_ids"', form)) == 2
    assert 'name="source_cv_id"' in form
    assert "Ana Lima — Engineer" in form and "broken.pdf" not in form  # only usable CVs
    assert "Développeur Python senior (H/F)" in html  # untitled offer: its first line
    assert 'action="/offers/text"' in html and 'action="/offers/url"' in html
    assert 'action="/offers/json"' in html


async def test_json_and_bad_input_from_the_pages(client: Client, db: AsyncSession) -> None:
    client.headers.update(ENGLISH)
    await register(client, "offerforms@example.com")
    token = await csrf_token(client)
    empty = await client.post("/offers/text", data={"text": "", "_csrf_token": token})
    assert came_back(empty) and "The offer text is empty" in empty.text
    local = await client.post(
        "/offers/url", data={"url": "http://127.0.0.1:8000/", "_csrf_token": token}
    )
    assert came_back(local)
    assert "private or local network (127.0.0.1)" in local.text
    assert 'value="http://127.0.0.1:8000/"' in local.text  # the form keeps what was typed
    bad_json = await client.post(
        "/offers/json",
        files={"file": ("job.json", b"{not json", "application/json")},
        data={"_csrf_token": token},
    )
    assert came_back(bad_json) and "This is not valid JSON." in bad_json.text
    added = await client.post(
        "/offers/json",
        data={"json": json.dumps(JOB_JSON), "_csrf_token": token},
        files={"file": ("", b"", "application/octet-stream")},
        follow_redirects=False,
    )
    assert added.status_code == 303
    offer = await db.scalar(select(JobOffer))
    assert offer is not None and offer.title == "Frontend Engineer"
    await db.rollback()


async def test_delete_and_other_users(
    client: Client, another_client: object, db: AsyncSession
) -> None:
    await register(client, "offerowner@example.com")
    owner = await user_id(db, "offerowner@example.com")
    offer = JobOffer(
        user_id=owner, title="Mine", description=EN_OFFER, extraction_status="completed"
    )
    db.add(offer)
    await db.commit()
    async with another_client() as other:  # type: ignore[operator]
        await register(other, "offerother@example.com")
        token = await csrf_token(other)
        assert (await other.get(f"/offers/{offer.id}")).status_code == 404
        post = await other.post(
            f"/offers/{offer.id}", data={"title": "x", "description": "y", "_csrf_token": token}
        )
        assert post.status_code == 404
        gone = await other.post(
            f"/offers/{offer.id}/delete", data={"_csrf_token": token, "confirm": "yes"}
        )
        assert gone.status_code == 404
        assert f"/offers/{offer.id}" not in (await other.get("/offers")).text
    token = await csrf_token(client)
    deleted = await client.post(
        f"/offers/{offer.id}/delete",
        data={"_csrf_token": token, "confirm": "yes"},
        follow_redirects=False,
    )
    assert deleted.status_code == 303 and deleted.headers["location"] == "/offers?deleted=1"
    assert (await client.get(f"/offers/{offer.id}")).status_code == 404


@pytest.mark.parametrize(
    ("path", "data", "message"),
    [
        ("/offers/text", {"text": "x" * 200_000}, "This text is too long for a job offer"),
        ("/offers/url", {"url": "http://169.254.169.254/latest/"}, "private or local network"),
        ("/offers/url", {"url": "file:///etc/passwd"}, "Only http:// and https://"),
        ("/offers/json", {"json": '{"title": "Dev", "qualifications": "all"}'}, "qualifications"),
    ],
)
async def test_refused_offers_explain_themselves_on_the_page(
    client: Client, db: AsyncSession, path: str, data: dict[str, str], message: str
) -> None:
    client.headers.update(ENGLISH)
    await register(client, f"refused{len(path)}{len(str(data))}@example.com")
    token = await csrf_token(client)
    files = {"file": ("", b"", "application/octet-stream")} if path == "/offers/json" else None
    response = await client.post(path, data=data | {"_csrf_token": token}, files=files)
    assert came_back(response)
    assert message in response.text and 'class="alert error"' in response.text
    assert await db.scalar(select(JobOffer.id)) is None
    await db.rollback()
