"""The offers' "select all" box in a real Chromium: a press like a person's (mouse down, held
~150 ms, mouse up) ticks every offer, unticking one leaves the box mixed, Space works too; the
landing page, signed out, shows the sign-in form with its favicon."""

from __future__ import annotations

import pytest
from playwright.async_api import Locator, Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from tests.browser.flows import (
    accessibility_problems,
    screenshot,
    sign_up_with_offers,
    unique_email,
)

pytestmark = pytest.mark.browser

HELD_MS = 150


async def press(page: Page, target: Locator) -> None:
    await target.scroll_into_view_if_needed()  # a person scrolls to what they press
    box = await target.bounding_box()
    assert box is not None
    await page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    await page.mouse.down()
    await page.wait_for_timeout(HELD_MS)
    await page.mouse.up()


async def test_select_all_ticks_every_offer(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    page = browser_page
    _, offer_ids = await sign_up_with_offers(
        page, db, "Sam Select", unique_email("select-all"), ["One", "Two", "Three"]
    )
    await page.goto("/offers")
    master = page.get_by_role("checkbox", name="Select all offers")
    await expect(master).to_be_visible()  # shown by its script
    offers = page.locator('input[name="job_offer_ids"]')
    await expect(offers).to_have_count(len(offer_ids))
    assert await accessibility_problems(page) == []

    await press(page, master)
    for i in range(len(offer_ids)):
        await expect(offers.nth(i)).to_be_checked()
    await expect(master).to_be_checked()

    # One offer unticked by hand: the box is neither ticked nor clear.
    await press(page, offers.nth(1))
    await expect(offers.nth(1)).not_to_be_checked()
    await expect(master).not_to_be_checked()
    assert await master.evaluate("el => el.indeterminate") is True

    # From the keyboard: Space on the box ticks them all again, a second Space clears them.
    await master.focus()
    await page.keyboard.press("Space")
    for i in range(len(offer_ids)):
        await expect(offers.nth(i)).to_be_checked()
    await page.keyboard.press("Space")
    for i in range(len(offer_ids)):
        await expect(offers.nth(i)).not_to_be_checked()
    assert js_errors == []


async def test_landing_page_signed_out(browser_page: Page, js_errors: list[str]) -> None:
    page = browser_page
    response = await page.goto("/")
    assert response is not None and response.status == 200
    await expect(page.get_by_role("heading", level=1)).to_have_text("One honest CV per job offer")
    await expect(page.locator("#email")).to_be_visible()
    icon = await page.evaluate(
        "fetch(document.querySelector('link[rel=icon]').href).then(r => r.status)"
    )
    assert icon == 200
    assert await accessibility_problems(page) == []
    await screenshot(page, "landing.png")
    assert js_errors == []
