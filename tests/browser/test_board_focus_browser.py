"""A keyboard move on the applications board keeps the focus on the moved card: the card's
status select, then Tab to Move and Enter, like a person (keys held ~120 ms). The page does
not jump to its top, a screen reader hears where the card went, and the same holds in French.
Without JavaScript the plain form's answer brings the focus back to the card too."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser, Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories
from tests.browser.flows import (
    register_with_form,
    signed_in_user_id,
    switch_language,
    unique_email,
)
from tests.browser.test_applications_browser import status_now, track

pytestmark = pytest.mark.browser

HELD_MS = 120


async def keyboard_move(page: Page, application_id: str, status: str) -> None:
    select = page.locator(f"#move-{application_id}")
    await select.focus()
    await select.select_option(status)
    await page.keyboard.press("Tab", delay=HELD_MS)
    await page.keyboard.press("Enter", delay=HELD_MS)


async def test_a_keyboard_move_keeps_the_focus_on_the_moved_card(
    browser_page: Page, db: AsyncSession, js_errors: list[str]
) -> None:
    page = browser_page
    await page.set_viewport_size({"width": 1280, "height": 500})  # the board scrolls
    await register_with_form(page, "Kim Keys", unique_email("board-focus"))
    me = await signed_in_user_id(page)
    offers = [
        await factories.job_offer(db, me, title=f"Engineer {n}", company=f"Company {n}")
        for n in range(1, 7)
    ]
    ids = [await track(page, offer.id) for offer in offers]
    await page.goto("/applications")
    await page.wait_for_function("() => window.__sseOpen === true", timeout=30_000)
    last = ids[0]  # created first: at the bottom of "To apply"
    await page.locator(f"#move-{last}").scroll_into_view_if_needed()
    scrolled = await page.evaluate("window.scrollY")
    assert scrolled > 0

    await page.evaluate(
        """() => { window.__settled = 0; document.getElementById('board')
            .addEventListener('htmx:afterSettle', () => { window.__settled += 1; }); }"""
    )
    await keyboard_move(page, last, "interview")
    await expect(
        page.locator(f'.board-cards[data-status="interview"] #card-{last}')
    ).to_be_visible()
    await expect(page.locator("#board-announce")).to_have_text("“Engineer 1” moved to Interview.")
    await expect(page.locator("#column-count-interview")).to_have_text("1")
    # The board settles to the server's order; the focus is still on the card's select.
    await page.wait_for_function("() => window.__settled > 0")
    assert await page.evaluate("document.activeElement.id") == f"move-{last}"
    assert await page.evaluate("window.scrollY") > 0  # no jump to the top
    assert await status_now(db, last) == "interview"

    # Pressing Move again on the same column: nothing moves, the focus stays.
    await keyboard_move(page, last, "interview")
    assert await page.evaluate("document.activeElement.id") == f"move-{last}"

    # In French the announcement is French.
    await switch_language(page, "fr")
    await page.wait_for_function("() => window.__sseOpen === true", timeout=30_000)
    await keyboard_move(page, ids[1], "applied")
    await expect(page.locator("#board-announce")).to_have_text(
        "Candidature « Engineer 2 » déplacée dans la colonne Postulé."
    )
    assert await page.evaluate("document.activeElement.id") == f"move-{ids[1]}"
    assert js_errors == []


async def test_without_javascript_the_answer_focuses_the_moved_card(
    chromium: Browser, live_server: str, db: AsyncSession
) -> None:
    context = await chromium.new_context(
        base_url=live_server, java_script_enabled=False, locale="en-US"
    )
    try:
        page = await context.new_page()
        js = await chromium.new_context(base_url=live_server, locale="en-US")
        helper = await js.new_page()
        await register_with_form(helper, "No Script", unique_email("board-nojs"))
        me = await signed_in_user_id(helper)
        offer = await factories.job_offer(db, me, title="Plain Form Role", company="Html Inc")
        moved = await track(helper, offer.id)
        await context.add_cookies(await js.cookies())
        await js.close()
        await page.goto("/applications")
        await page.locator(f"#move-{moved}").select_option("applied")
        await page.locator(f"#card-{moved} button[type=submit]").click(delay=HELD_MS)
        await page.wait_for_url(f"**/applications?moved={moved}")
        assert await page.evaluate("document.activeElement.id") == f"move-{moved}"
        assert await status_now(db, moved) == "applied"
    finally:
        await context.close()
