"""The job inbox through its JSON API: saved searches (CRUD, every refusal in words, sources
kept with their fetch log across edits, "run now" as a task), triage (best first, approve → a
job offer with its extraction task and an application, reject with the user's reason) and
another user's ids answering 404."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Application, BackgroundTask, JobOffer
from app.db.models.base import utcnow
from app.db.models.job_search import FeedSource, InboxItem, SavedSearch
from app.domain.inbox.discovery import claim_due_searches
from tests.conftest import csrf_token, register
from tests.integration.inbox_helpers import inbox_item, saved_search

SEARCH = {
    "name": "Python in Lyon",
    "keywords": ["python", "PostgreSQL"],
    "keywordsMode": "all",
    "redFlags": ["unpaid"],
    "location": "Lyon",
    "remote": "hybrid",
    "minSalary": 45000,
    "intervalMinutes": 180,
    "sources": ["https://jobs.example.com/feed.xml", "https://board.example.org/rss"],
}


async def _headers(client: Any) -> dict[str, str]:
    return {"x-csrftoken": await csrf_token(client)}


async def test_saved_search_crud_keeps_a_source_log_across_edits(
    client: AsyncTestClient[Litestar], db: AsyncSession, backend: str
) -> None:
    await register(client, "searcher@example.com")
    created = await client.post("/api/searches", json=SEARCH, headers=await _headers(client))
    assert created.status_code == 201, created.text
    search = created.json()
    assert search["keywords"] == ["python", "PostgreSQL"] and search["keywordsMode"] == "all"
    assert search["remote"] == "hybrid" and search["minSalary"] == 45000 and search["active"]
    assert [s["url"] for s in search["sources"]] == SEARCH["sources"]
    assert search["sources"][0]["lastStatus"] is None

    # The worker's fetch log of the first source survives an edit that keeps its URL.
    kept = await db.scalar(select(FeedSource).where(FeedSource.url == SEARCH["sources"][0]))
    assert kept is not None
    kept.last_status, kept.items_found = "error", 3
    kept.last_error, kept.last_error_params = "The address %(url)s did not answer.", {"url": "x"}
    await db.commit()
    changed = {
        **SEARCH,
        "name": "Python, Lyon",
        "active": False,
        "sources": [SEARCH["sources"][0], "https://new.example.net/jobs.json"],
    }
    updated = await client.put(
        f"/api/searches/{search['id']}", json=changed, headers=await _headers(client)
    )
    assert updated.status_code == 200, updated.text
    body = updated.json()
    assert body["name"] == "Python, Lyon" and body["active"] is False
    first = body["sources"][0]
    assert first["id"] == kept.id and first["itemsFound"] == 3
    assert first["lastError"] == "The address x did not answer."
    assert [s["url"] for s in body["sources"]][1] == "https://new.example.net/jobs.json"

    listed = (await client.get("/api/searches")).json()
    assert [s["id"] for s in listed] == [search["id"]]
    gone = await client.delete(f"/api/searches/{search['id']}", headers=await _headers(client))
    assert gone.status_code == 200
    assert (await client.get(f"/api/searches/{search['id']}")).status_code == 404
    assert await db.scalar(select(FeedSource.id).where(FeedSource.id == kept.id)) is None


@pytest.mark.parametrize(
    ("change", "code", "words"),
    [
        ({"name": "  "}, "search.empty_name", "name"),
        ({"name": "x" * 121}, "search.name_too_long", "too long"),
        ({"sources": ["ftp://files.example.com/feed"]}, "search.bad_url", "http"),
        ({"sources": ["not a url"]}, "search.bad_url", "not a web address"),
        (
            {"sources": [f"https://e.example.com/{i}" for i in range(11)]},
            "search.too_many_sources",
            "at most 10",
        ),
        ({"keywords": [f"k{i}" for i in range(21)]}, "search.too_many_words", "at most 20"),
        ({"keywords": ["x" * 81]}, "search.word_too_long", "too long"),
        ({"keywords": "python"}, None, None),  # text is split like the form's
        ({"remote": "moon"}, "search.invalid_choice", "remote"),
        ({"minSalary": -5}, "money.out_of_range", "between"),
        ({"minSalary": "lots"}, "money.unreadable", "not an amount"),
        ({"intervalMinutes": 1}, "search.invalid_number", "between 15"),
    ],
)
async def test_every_refusal_names_the_field_in_words(
    client: AsyncTestClient[Litestar], change: dict[str, Any], code: str | None, words: str | None
) -> None:
    await register(client, "validator@example.com")
    response = await client.post(
        "/api/searches", json={**SEARCH, **change}, headers=await _headers(client)
    )
    if code is None:
        assert response.status_code == 201, response.text
        assert response.json()["keywords"] == ["python"]
        return
    assert response.status_code == 422, response.text
    assert response.json()["error"] == code
    assert words is not None and words.lower() in response.json()["detail"].lower()


async def test_a_search_has_its_own_cover_letter_template(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    """``letterTemplate``: set, read, kept by a PUT that leaves it out, cleared by an empty one;
    refused like the account's template (unknown slots named, the length). The form and its
    French: tests/integration/test_inbox_pages.py."""
    client.headers["accept-language"] = "en"
    await register(client, "letters@example.com")
    template = "Dear {company},\n\nI am {name}, and the {role} role fits me. {{Braces}} stay."
    created = await client.post(
        "/api/searches", json={**SEARCH, "letterTemplate": template}, headers=await _headers(client)
    )
    assert created.status_code == 201, created.text
    search = created.json()
    assert search["letterTemplate"] == template
    assert await db.scalar(select(SavedSearch.letter_template)) == template
    read = await client.get(f"/api/searches/{search['id']}")
    assert read.json()["letterTemplate"] == template
    assert (await client.get("/api/searches")).json()[0]["letterTemplate"] == template

    url = f"/api/searches/{search['id']}"
    kept = await client.put(url, json={**SEARCH, "name": "Renamed"}, headers=await _headers(client))
    assert kept.status_code == 200 and kept.json()["letterTemplate"] == template
    cleared = await client.put(
        url, json={**SEARCH, "letterTemplate": "  "}, headers=await _headers(client)
    )
    assert cleared.status_code == 200 and cleared.json()["letterTemplate"] == ""

    typo = {**SEARCH, "letterTemplate": "Dear {compnay}, I am {name}. Hello {first name}."}
    refused = await client.post("/api/searches", json=typo, headers=await _headers(client))
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"] == "search.letter_template_placeholders"
    detail = refused.json()["detail"]
    assert "{compnay}, {first name}" in detail and "Cover-letter template" in detail
    too_long = await client.post(
        "/api/searches",
        json={**SEARCH, "letterTemplate": "x" * 6001},
        headers=await _headers(client),
    )
    assert too_long.status_code == 422
    assert too_long.json()["error"] == "search.letter_template_too_long"
    assert "6000" in too_long.json()["detail"] and "6001" in too_long.json()["detail"]
    not_text = await client.post(
        "/api/searches", json={**SEARCH, "letterTemplate": ["x"]}, headers=await _headers(client)
    )
    assert not_text.status_code == 422 and not_text.json()["error"] == "search.invalid"
    assert await db.scalar(select(func.count()).select_from(SavedSearch)) == 1


async def test_shortening_the_interval_brings_the_next_run_forward(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    """Daily → every 30 minutes: the next run moves to 30 minutes after the last one (due now
    when that is past), not a day away; lengthening it leaves the planned run alone."""
    await register(client, "interval@example.com")
    created = await client.post(
        "/api/searches", json={**SEARCH, "intervalMinutes": 1440}, headers=await _headers(client)
    )
    search_id = created.json()["id"]
    row = await db.get(SavedSearch, search_id)
    assert row is not None
    now = utcnow()
    row.last_run_at, row.next_run_at = now - timedelta(minutes=10), now + timedelta(hours=23)
    await db.commit()
    url = f"/api/searches/{search_id}"
    shorter = await client.put(
        url, json={**SEARCH, "intervalMinutes": 30}, headers=await _headers(client)
    )
    assert shorter.status_code == 200, shorter.text
    planned = _aware(datetime.fromisoformat(shorter.json()["nextRunAt"]))
    assert now + timedelta(minutes=15) <= planned <= now + timedelta(minutes=25)

    row = await db.get(SavedSearch, search_id, populate_existing=True)
    assert row is not None
    row.last_run_at, row.next_run_at = now - timedelta(hours=3), now + timedelta(hours=20)
    row.interval_minutes = 1440
    await db.commit()
    overdue = await client.put(
        url, json={**SEARCH, "intervalMinutes": 60}, headers=await _headers(client)
    )
    planned = _aware(datetime.fromisoformat(overdue.json()["nextRunAt"]))
    assert planned <= utcnow()  # an hour after a run three hours ago: due now
    db.expire_all()  # the scheduler reads the row as the PUT left it
    assert search_id in {s for s, _ in await claim_due_searches(db, utcnow())}

    row = await db.get(SavedSearch, search_id, populate_existing=True)
    assert row is not None
    before = _aware(row.next_run_at)
    longer = await client.put(
        url, json={**SEARCH, "intervalMinutes": 720}, headers=await _headers(client)
    )
    assert _aware(datetime.fromisoformat(longer.json()["nextRunAt"])) == before


def _aware(value: datetime | None) -> datetime:
    assert value is not None
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # SQLite gives it back naive


async def test_run_now_is_a_task_for_the_worker(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    me = await register(client, "runner@example.com")
    search = await saved_search(db, me["id"])
    response = await client.post(f"/api/searches/{search.id}/run", headers=await _headers(client))
    assert response.status_code == 202, response.text
    task = await db.get(BackgroundTask, response.json()["taskId"])
    assert task is not None and task.type == "search_run" and task.user_id == me["id"]


async def test_triage_best_first_approve_and_reject_with_reason(
    client: AsyncTestClient[Litestar], db: AsyncSession, backend: str
) -> None:
    me = await register(client, "triage@example.com")
    low = await inbox_item(db, me["id"], 1, score=20.0)
    high = await inbox_item(db, me["id"], 2, score=80.0, company="Parcel Express")
    other = await inbox_item(db, me["id"], 3, score=50.0)
    pending = (await client.get("/api/inbox")).json()
    assert [i["id"] for i in pending] == [high.id, other.id, low.id]
    assert pending[0]["title"] == "Python Developer 2" and pending[0]["company"] == "Parcel Express"

    approved = await client.post(f"/api/inbox/{high.id}/approve", headers=await _headers(client))
    assert approved.status_code == 200, approved.text
    offer_id = approved.json()["jobOfferId"]
    offer = await db.get(JobOffer, offer_id)
    assert offer is not None and offer.user_id == me["id"]
    assert offer.source_url == "https://jobs.example.com/offers/2"
    assert "parcel tracking" in offer.description and offer.company == "Parcel Express"
    extraction = await db.scalar(
        select(BackgroundTask).where(BackgroundTask.job_id.like(f"offer_extract:{offer_id}:%"))
    )
    assert extraction is not None
    application = await db.scalar(select(Application).where(Application.job_offer_id == offer_id))
    assert application is not None and application.status == "to_apply"
    again = await client.post(f"/api/inbox/{high.id}/approve", headers=await _headers(client))
    assert again.json()["jobOfferId"] == offer_id  # approving twice: the same offer

    rejected = await client.post(
        f"/api/inbox/{low.id}/reject",
        json={"reason": "Too far away"},
        headers=await _headers(client),
    )
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["reasonCode"] == "Rejected by you: %(words)s"
    assert rejected.json()["reasonParams"] == {"words": "Too far away"}
    assert rejected.json()["reason"].endswith(": Too far away")  # in the reader's language
    await db.refresh(low)
    assert low.reason == "Rejected by you: %(words)s"
    assert low.reason_params == {"words": "Too far away"}
    silent = await client.post(f"/api/inbox/{other.id}/reject", headers=await _headers(client))
    assert silent.status_code == 200 and silent.json()["reasonCode"] == "Rejected by you"

    assert (await client.get("/api/inbox")).json() == []
    assert [i["id"] for i in (await client.get("/api/inbox?status=approved")).json()] == [high.id]
    rejected_list = (await client.get("/api/inbox?status=rejected")).json()
    assert {i["id"] for i in rejected_list} == {low.id, other.id}
    assert (await client.get("/api/inbox?status=nope")).status_code == 422
    refused = await client.post(
        f"/api/inbox/{high.id}/reject", headers=await _headers(client)
    )  # approved already: its offer is deleted from the offers page instead
    assert refused.status_code == 409


async def test_another_users_ids_answer_404(
    client: AsyncTestClient[Litestar], db: AsyncSession, another_client: Any
) -> None:
    me = await register(client, "owner@example.com")
    search = await saved_search(db, me["id"])
    item = await inbox_item(db, me["id"], 1)
    async with another_client() as intruder:
        await register(intruder, "intruder@example.com")
        headers = await _headers(intruder)
        assert (await intruder.get(f"/api/searches/{search.id}")).status_code == 404
        put = await intruder.put(f"/api/searches/{search.id}", json=SEARCH, headers=headers)
        assert put.status_code == 404
        run = await intruder.post(f"/api/searches/{search.id}/run", headers=headers)
        assert run.status_code == 404
        gone = await intruder.delete(f"/api/searches/{search.id}", headers=headers)
        assert gone.status_code == 404
        approve = await intruder.post(f"/api/inbox/{item.id}/approve", headers=headers)
        assert approve.status_code == 404
        reject = await intruder.post(f"/api/inbox/{item.id}/reject", headers=headers)
        assert reject.status_code == 404
        assert (await intruder.get("/api/inbox")).json() == []
    await db.refresh(item)
    assert item.status == "pending"
    assert await db.scalar(select(InboxItem.job_offer_id).where(InboxItem.id == item.id)) is None
