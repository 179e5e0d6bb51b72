"""The posting re-check end to end: offers whose pages a real local server answers, the
scheduler's claim and the real arq worker's ``check_postings`` job on the real Redis and SQLite;
then the verdict through the JSON API and the pages (the badge, the reopen button).

Reaching 127.0.0.1 is allowed by the admin setting for private offer addresses, as URL import
tests do; it is off by default.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from arq import create_pool
from arq.jobs import Job as ArqJob
from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import Application, JobOffer, User
from app.db.models.base import utcnow
from app.domain.offers import posting
from app.lib.redis import arq_settings
from app.settings.service import update_setting
from jobs.postings import check_postings, schedule_posting_checks
from tests.conftest import csrf_token, register
from tests.fixtures.posting_pages import PostingServer, ad_page

TITLE = "Senior Python Developer"


@pytest.fixture
async def server() -> AsyncIterator[PostingServer]:
    async with PostingServer() as pages:
        yield pages


async def allow_private(db: AsyncSession) -> None:
    await update_setting(db, "allow_private_offer_urls", "true")
    await db.commit()


async def make_offer(
    db: AsyncSession, user_id: str, url: str, title: str = TITLE, text: str = ""
) -> str:
    offer = JobOffer(
        user_id=user_id,
        title=title,
        company="Acme Logistics",
        description=text or f"{title} at Acme Logistics, Lyon. Python, PostgreSQL, Redis.",
        source_url=url,
        extraction_status="completed",
    )
    db.add(offer)
    await db.commit()
    return offer.id


async def offers_by_id(db: AsyncSession, ids: dict[str, str]) -> dict[str, JobOffer]:
    rows = {
        o.id: o for o in await db.scalars(select(JobOffer).where(JobOffer.id.in_(ids.values())))
    }
    db.expunge_all()
    await db.rollback()
    return {name: rows[offer_id] for name, offer_id in ids.items()}


REPOST_TEXT = (
    "Acme Logistics is hiring a Senior Python Developer in Lyon. You will build Python "
    "services and APIs with PostgreSQL and Redis, review code and mentor colleagues. "
    "Permanent contract, hybrid work, two days at home. Requirements: five years of Python, "
    "PostgreSQL, REST APIs, continuous integration, English and French. "
)


async def test_one_scheduled_check_closes_gone_filled_and_listing_pages_and_keeps_the_rest(
    db: AsyncSession,
    session_factory: Any,
    settings: Settings,
    worker: Worker,
    server: PostingServer,
) -> None:
    worker.ctx["discovery_host_delay_s"] = 0.0
    worker.ctx["discovery_timeout_s"] = 1.0
    await allow_private(db)
    user = User(email="postings@example.com", password_hash="x")
    db.add(user)
    await db.commit()
    listing = server.page(
        "/jobs", "<html><body><h1>All our jobs</h1><ul><li>Nurse</li></ul></body></html>"
    )
    urls = {
        "live": server.page("/live", ad_page(TITLE)),
        "gone404": f"{server.url}/removed",
        "gone410": server.page("/withdrawn", "<p>Gone</p>", "410 Gone"),
        "filled_en": server.page("/filled", ad_page(TITLE, extra="This position has been filled.")),
        "filled_fr": server.page("/pourvue", ad_page(TITLE, extra="Cette offre a été pourvue.")),
        "listing": server.redirect("/moved", listing + "?q=python"),
        "error500": server.page("/broken", "<h1>Oops</h1>", "500 Internal Server Error"),
        "timeout": f"{server.url}/hang",
        "first": server.page("/ad-1", ad_page(TITLE)),
    }
    ids = {name: await make_offer(db, user.id, url) for name, url in urls.items()}
    # The same ad seen again at a new address, created after the first one.
    ids["first"] = await _set_text(db, ids["first"], REPOST_TEXT + "Ref 1.")
    ids["again"] = await make_offer(
        db, user.id, server.page("/ad-2", ad_page(TITLE)), text=REPOST_TEXT + "Ref 2."
    )
    ctx = {"redis": await create_pool(arq_settings(settings.effective_redis_url))}
    ctx |= {"session_factory": session_factory, "settings": settings}
    try:
        scheduled = await schedule_posting_checks(ctx)
        assert scheduled["queued"] == 1  # one user: one job with the user's due offers
        result = await ArqJob(scheduled["jobs"][0], ctx["redis"]).result(timeout=60)
        # Claimed again at once: nothing is due twice.
        assert (await schedule_posting_checks(ctx))["queued"] == 0
    finally:
        await ctx["redis"].aclose()
    assert result["checked"] == 10 and result["closed"] == 5 and result["unknown"] == 2
    found = await offers_by_id(db, ids)
    closed = {
        name: (o.posting_reason, o.posting_reason_params)
        for name, o in found.items()
        if o.posting_status == "closed"
    }
    assert closed == {
        "gone404": ("gone", {"status": 404}),
        "gone410": ("gone", {"status": 410}),
        "filled_en": ("filled", {"phrase": "this position has been filled"}),
        "filled_fr": ("filled", {"phrase": "cette offre a été pourvue"}),
        "listing": ("listing", {}),
    }
    now = utcnow()
    for name in ("live", "first", "again"):
        assert found[name].posting_status == "open" and found[name].posting_checked_at is not None
    for name in ("error500", "timeout"):  # never closed on one failed check; due at next run
        offer = found[name]
        assert offer.posting_status == "open" and offer.posting_checked_at is None
        assert offer.posting_next_check_at is not None
        due = offer.posting_next_check_at.replace(tzinfo=now.tzinfo)
        assert due - now <= posting.RETRY_AFTER
    assert found["again"].repost_of_id == ids["first"] and found["first"].repost_of_id is None


async def _set_text(db: AsyncSession, offer_id: str, text: str) -> str:
    offer = await db.get(JobOffer, offer_id)
    assert offer is not None
    offer.description = text
    await db.commit()
    return offer_id


async def test_a_failed_check_is_retried_and_a_page_back_up_stays_open(
    db: AsyncSession, redis: Redis, session_factory: Any, server: PostingServer
) -> None:
    await allow_private(db)
    user = User(email="flaky@example.com", password_hash="x")
    db.add(user)
    await db.commit()
    url = server.page("/flaky", "<h1>Down</h1>", "503 Service Unavailable")
    offer_id = await make_offer(db, user.id, url)
    ctx = {"redis": redis, "session_factory": session_factory, "discovery_host_delay_s": 0.0}
    first = await check_postings(ctx, user.id, [offer_id])
    assert first["unknown"] == 1 and first["closed"] == 0
    server.page("/flaky", ad_page(TITLE))
    second = await check_postings(ctx, user.id, [offer_id])
    assert second["unknown"] == 0 and second["closed"] == 0
    found = (await offers_by_id(db, {"o": offer_id}))["o"]
    assert found.posting_status == "open" and found.posting_checked_at is not None


async def test_the_claim_is_bounded_per_user_and_per_run_and_skips_closed_and_reopened(
    backend: str, db: AsyncSession
) -> None:
    """On SQLite and PostgreSQL (the ordering puts never-checked offers first on both)."""
    users = [User(email=f"bound{n}@example.com", password_hash="x") for n in range(3)]
    db.add_all(users)
    await db.commit()
    for user in users:
        for n in range(4):
            await make_offer(db, user.id, f"https://jobs.example.com/{user.id}/{n}")
    skipped = await make_offer(db, users[0].id, "https://jobs.example.com/closed")
    reopened = await make_offer(db, users[0].id, "https://jobs.example.com/reopened")
    await make_offer(db, users[0].id, "")  # no address: nothing to check
    for offer_id, status in ((skipped, "closed"), (reopened, "reopened")):
        offer = await db.get(JobOffer, offer_id)
        assert offer is not None
        offer.posting_status = status
    await db.commit()
    now = utcnow()
    claimed = await posting.claim_due(db, now, timedelta(hours=24), per_user=3, per_run=7)
    assert sum(len(ids) for _, ids in claimed) == 7
    assert all(len(ids) <= 3 for _, ids in claimed)
    assert not {skipped, reopened} & {i for _, ids in claimed for i in ids}
    rest = await posting.claim_due(db, now, timedelta(hours=24), per_user=10, per_run=100)
    assert sum(len(ids) for _, ids in rest) == 12 - 7
    assert await posting.claim_due(db, now, timedelta(hours=24)) == []


async def test_a_closed_posting_through_the_json_api_and_the_pages(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    redis: Redis,
    session_factory: Any,
    server: PostingServer,
) -> None:
    await allow_private(db)
    me = await register(client, "badge@example.com")
    user_id = me.get("id") or me["user"]["id"]
    offer_id = await make_offer(db, user_id, f"{server.url}/expired")
    db.add(Application(user_id=user_id, job_offer_id=offer_id))
    await db.commit()
    ctx = {"redis": redis, "session_factory": session_factory, "discovery_host_delay_s": 0.0}
    assert (await check_postings(ctx, user_id, [offer_id]))["closed"] == 1

    english = {"accept-language": "en"}
    body = (await client.get(f"/api/job-offers/{offer_id}", headers=english)).json()
    assert body["posting"]["status"] == "closed" and body["posting"]["reason"] == "gone"
    assert body["posting"]["reasonParams"] == {"status": 404}
    assert body["posting"]["message"] == "The page is gone (HTTP 404)."
    assert body["posting"]["checkedAt"] and body["posting"]["repostOf"] is None
    listed = (await client.get("/api/job-offers")).json()
    assert listed[0]["posting"]["status"] == "closed"

    for path in ("/offers", f"/offers/{offer_id}", "/applications/board"):
        page = (await client.get(path, headers={"accept-language": "en"})).text
        assert 'data-posting="closed"' in page and "The page is gone (HTTP 404)." in page, path
        assert f'action="/offers/{offer_id}/posting/reopen"' in page, path
    french = (await client.get(f"/offers/{offer_id}", headers={"accept-language": "fr"})).text
    assert "Fermée" in french and "La page n&#39;existe plus (HTTP 404)." in french

    token = await csrf_token(client)
    reopened = await client.post(
        f"/api/job-offers/{offer_id}/posting/reopen", headers={"x-csrftoken": token}
    )
    assert reopened.status_code == 200 and reopened.json()["posting"]["status"] == "reopened"
    assert reopened.json()["posting"]["reason"] is None
    page = (await client.get("/offers", headers={"accept-language": "en"})).text
    assert 'data-posting="closed"' not in page
    # Reopened by the user: a check of the still-missing page leaves it open.
    await check_postings(ctx, user_id, [offer_id])
    again = (await client.get(f"/api/job-offers/{offer_id}")).json()
    assert again["posting"]["status"] == "reopened"


async def test_another_users_posting_cannot_be_reopened(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    other = User(email="owner@example.com", password_hash="x")
    db.add(other)
    await db.commit()
    offer_id = await make_offer(db, other.id, "https://jobs.example.com/1")
    await register(client, "intruder@example.com")
    token = await csrf_token(client)
    answer = await client.post(
        f"/api/job-offers/{offer_id}/posting/reopen", headers={"x-csrftoken": token}
    )
    assert answer.status_code == 404
