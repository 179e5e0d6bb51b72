"""A saved search's fetch log follows "Check now" live: the button pressed like a person, the
run held at its feed (a loopback feed server that answers when the test says), the log says it
is checking; once the feed answers, the row shows the fetch (status, offers found) without a
reload, and the refreshing stops with the check (no more requests for the log).

Real parts: the live server, a real arq worker (tests/conftest.py ``worker``) and Chromium."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from arq.worker import Worker
from playwright.async_api import Page, Request, expect
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models.job_search import FeedSource
from tests.browser.flows import register_with_form, signed_in_user_id, unique_email
from tests.browser.test_select_all_browser import press
from tests.integration.inbox_helpers import saved_search
from tests.integration.test_discovery import add_offers, allow_private, rss
from tests.integration.test_discovery_tasks import GatedFeedServer

pytestmark = pytest.mark.browser


@pytest.fixture
async def feeds() -> AsyncIterator[GatedFeedServer]:
    server = GatedFeedServer()
    async with server:
        yield server
        server.gate.set()


async def test_the_fetch_log_refreshes_during_a_check_and_stops_after(
    browser_page: Page,
    js_errors: list[str],
    db: AsyncSession,
    worker: Worker,
    feeds: GatedFeedServer,
) -> None:
    worker.ctx["discovery_host_delay_s"] = 0.0  # one host, several pages: no politeness wait
    page = browser_page
    await register_with_form(page, "Lou Log", unique_email("fetch-log"))
    user_id = await signed_in_user_id(page)
    await allow_private(db)
    paths = add_offers(feeds, 1, 2)
    feeds.routes["/gate.rss"] = ("application/rss+xml", rss(feeds, paths), None)
    search = await saved_search(db, user_id, keywords=["python"])
    db.add(FeedSource(search_id=search.id, url=f"{feeds.url}/gate.rss"))
    await db.commit()

    log_requests: list[str] = []

    def on_request(request: Request) -> None:
        if request.url.endswith(f"/inbox/searches/{search.id}/log"):
            log_requests.append(request.url)

    page.on("request", on_request)
    await page.goto(f"/inbox/searches/{search.id}")
    await page.wait_for_function("() => window.__sseOpen === true", timeout=30_000)
    log = page.locator("#fetch-log")
    await expect(log).to_have_attribute("data-checking", "false")
    await expect(log).to_contain_text("Not fetched yet")

    await press(page, page.get_by_role("button", name="Check now"))
    await expect(log).to_have_attribute("data-checking", "true")
    await expect(log).to_contain_text("Checking the sources…")
    async with asyncio.timeout(60):  # the worker waits on the feed: the run is under way
        while "/gate.rss" not in feeds.hits:
            await page.wait_for_timeout(100)
    await expect(log).to_contain_text("Not fetched yet")  # nothing written yet
    feeds.gate.set()

    # The row fills in without a reload; the log says when the sources were checked.
    row = log.locator("tbody tr").first
    await expect(row).to_contain_text("OK")
    await expect(row.locator("td.num")).to_contain_text("2")
    await expect(log).to_have_attribute("data-checking", "false")
    await expect(log).to_contain_text("Last checked:")
    assert len(log_requests) >= 1  # refreshed by the page itself, not reloaded
    assert page.url.endswith("?started=1")

    # The check is over: the log no longer asks for itself.
    settled = len(log_requests)
    await page.wait_for_timeout(4_000)  # longer than the 3 s fallback poll
    assert len(log_requests) == settled
    assert js_errors == []
