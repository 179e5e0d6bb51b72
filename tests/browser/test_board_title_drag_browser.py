"""A board card dragged by its title (a link to the application) moves like a card dragged by
its body (static/js/board.js): saved, and the page stays on the board; a plain click on the
title still opens the application."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories
from tests.browser.flows import register_with_form, signed_in_user_id, unique_email
from tests.browser.test_applications_browser import HELD_MS, status_now, track

pytestmark = pytest.mark.browser


async def test_a_card_dragged_by_its_title_moves_and_a_click_still_opens_it(
    browser_page: Page, db: AsyncSession, js_errors: list[str]
) -> None:
    page = browser_page
    await register_with_form(page, "Title Dragger", unique_email("title-drag"))
    me = await signed_in_user_id(page)
    offer = await factories.job_offer(db, me, title="Platform Engineer", company="Acme")
    card_id = await track(page, offer.id)
    await page.goto("/applications")
    # A point on the title's text (its first line: a wrapped link's box has gaps in it).
    title = page.locator(f"#card-{card_id} .board-card-title")
    box = await title.evaluate(
        "el => { const r = el.getClientRects()[0]; return [r.x + r.width / 2, r.y + r.height / 2] }"
    )
    hit = await page.evaluate("([x, y]) => document.elementFromPoint(x, y).className", box)
    assert hit == "board-card-title"
    target = await page.locator('.board-cards[data-status="applied"]').bounding_box()
    assert target is not None
    await page.mouse.move(*box)
    await page.mouse.down()
    await page.wait_for_timeout(HELD_MS)
    x, y = target["x"] + target["width"] / 2, target["y"] + target["height"] / 2
    await page.mouse.move(x, y, steps=12)
    await page.wait_for_timeout(HELD_MS)
    await page.mouse.up()
    await expect(
        page.locator(f'.board-cards[data-status="applied"] #card-{card_id}')
    ).to_be_visible()
    await expect(page.locator(f"#card-{card_id}")).not_to_have_attribute("aria-busy", "true")
    assert await status_now(db, card_id) == "applied"
    await expect(page).to_have_url(re.compile(r"/applications$"))  # the drop opened nothing

    await page.locator(f"#card-{card_id} .board-card-title").click()
    await expect(page).to_have_url(re.compile(rf"/applications/{card_id}$"))
    assert js_errors == []
