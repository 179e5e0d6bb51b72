"""The job inbox in a real Chromium, with the keyboard only and at a person's pace: j/k move,
a approves, r rejects, x selects; each decided row leaves at once and the focus lands on its
neighbour; the approved offer is then among the offers. A discovery announced on the event
stream shows "1 new offer". Screenshots on a desktop and on a phone (no sideways scroll)."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models.base import utcnow
from app.db.models.job_search import FeedSource, InboxItem
from app.events import JOB_DISCOVERED, job_discovered
from app.lib.events import publish_event
from tests.browser.flows import (
    PHONE,
    accessibility_problems,
    register_with_form,
    screenshot,
    signed_in_user_id,
    streams_subscribed,
    unique_email,
)
from tests.integration.inbox_helpers import inbox_item, saved_search

pytestmark = pytest.mark.browser

HELD_MS = 120  # a key held down like a person does
BETWEEN_MS = 250  # and the pause before the next one
SIDEWAYS_OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


async def press(page: Page, key: str) -> None:
    await page.keyboard.press(key, delay=HELD_MS)
    await page.wait_for_timeout(BETWEEN_MS)


async def focused_item(page: Page) -> str | None:
    return await page.evaluate("document.activeElement.dataset.itemId || null")


async def test_keyboard_triage_approves_rejects_and_selects(
    browser_page: Page,
    js_errors: list[str],
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    page = browser_page
    await register_with_form(page, "Tri Age", unique_email("inbox"))
    user_id = await signed_in_user_id(page)
    search = await saved_search(db, user_id, keywords=["python"], location="Lyon")
    a, b, c, d = [
        await inbox_item(db, user_id, n, search=search, score=score)
        for n, score in ((1, 90.0), (2, 70.0), (3, 50.0), (4, 30.0))
    ]
    await page.goto("/inbox")
    await expect(page.locator("#inbox-keys")).to_be_visible()
    await expect(page.locator(".inbox-row")).to_have_count(4)
    assert await accessibility_problems(page) == []
    await screenshot(page, "inbox.png")
    assert await focused_item(page) == a.id

    await press(page, "j")
    assert await focused_item(page) == b.id
    await press(page, "a")  # B approved: it leaves, the focus goes to C
    await expect(page.locator(f"#item-{b.id}")).to_have_count(0)
    assert await focused_item(page) == c.id
    await press(page, "k")
    await press(page, "k")  # at the top: stays on A
    assert await focused_item(page) == a.id
    await press(page, "r")  # A rejected: the focus goes to C, now first
    await expect(page.locator(f"#item-{a.id}")).to_have_count(0)
    assert await focused_item(page) == c.id
    await press(page, "x")
    await expect(page.locator(f"#pick-{c.id}")).to_be_checked()
    await press(page, "j")
    await press(page, "r")  # D, the last one: the focus goes back to C
    await expect(page.locator(f"#item-{d.id}")).to_have_count(0)
    assert await focused_item(page) == c.id
    await expect(page.locator('[data-tab="pending"] .count')).to_have_text("1")
    await expect(page.locator('[data-tab="approved"] .count')).to_have_text("1")
    await expect(page.locator('[data-tab="rejected"] .count')).to_have_text("2")

    async with session_factory() as session:
        rows = {i.id: i for i in await session.scalars(select(InboxItem))}
    assert rows[b.id].status == "approved" and rows[b.id].job_offer_id
    assert rows[a.id].status == rows[d.id].status == "rejected"
    assert rows[c.id].status == "pending"
    await page.goto("/offers")
    await expect(page.locator(f'[data-offer-id="{rows[b.id].job_offer_id}"]')).to_contain_text(
        "Python Developer 2"
    )
    await expect(page.get_by_test_id("bookmarklet")).to_be_visible()
    assert js_errors == []


async def test_new_offers_banner_and_phone_layout(
    browser_page: Page, js_errors: list[str], db: AsyncSession, redis: Redis
) -> None:
    page = browser_page
    await register_with_form(page, "Pho Ne", unique_email("inbox-phone"))
    user_id = await signed_in_user_id(page)
    search = await saved_search(db, user_id)
    await inbox_item(
        db, user_id, 1, search=search, score=64.0, title="Senior Python Engineer (hybrid, Lyon)"
    )
    await page.goto("/inbox")
    await page.wait_for_function("() => window.__sseOpen === true")
    await streams_subscribed(redis, user_id)
    await inbox_item(db, user_id, 2, search=search, score=40.0)
    await publish_event(redis, user_id, JOB_DISCOVERED, job_discovered(search.id, 1))
    await expect(page.locator(".inbox-banner")).to_contain_text("1 new offer")

    await page.set_viewport_size(PHONE)
    await page.reload()
    await expect(page.locator(".inbox-row")).to_have_count(2)
    assert await page.evaluate(SIDEWAYS_OVERFLOW) <= 0
    await screenshot(page, "inbox-phone.png")
    db.add(
        FeedSource(
            search_id=search.id,
            url="https://jobs.example.com/very/long/path/to/a/feed/of/python/offers/in/lyon.xml",
            last_fetched_at=utcnow(),
            last_status="error",
            last_error="The site did not answer in time.",
            items_found=12,
            new_items=2,
        )
    )
    await db.commit()
    await page.goto(f"/inbox/searches/{search.id}")
    await expect(page.locator("[data-source-error]")).to_be_visible()
    assert await page.evaluate(SIDEWAYS_OVERFLOW) <= 0
    assert await accessibility_problems(page) == []
    await screenshot(page, "inbox-search-phone.png")
    assert js_errors == []
