"""Replies move the board, in a real Chromium: the mailbox connected through its form, three
synthetic replies delivered to the test IMAP server (Dovecot), read by the worker's job — an
interview invitation moves its card to Interview while the board is open, with its date on the
calendar; an ambiguous message lands in the review list, accepted with its button; a message
from another company moves nothing."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Page, expect
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.settings.service import update_setting
from jobs.mailbox import read_mailbox
from tests.browser.flows import (
    accessibility_problems,
    register_with_form,
    signed_in_user_id,
    unique_email,
)
from tests.fixtures.imap_server import ImapServer, imap_server  # noqa: F401 - a fixture
from tests.fixtures.reply_mails import corpus, track_offers

pytestmark = pytest.mark.browser
CASES = {c.name: c for c in corpus()}


async def test_an_invitation_moves_its_card_an_unsure_reply_waits_another_moves_nothing(
    browser_page: Page,
    db: AsyncSession,
    redis: Redis,
    session_factory: Any,
    settings: Settings,
    imap_server: ImapServer,  # noqa: F811 - the fixture
    js_errors: list[str],
) -> None:
    page = browser_page
    await update_setting(db, "allow_private_offer_urls", "true")  # the local Dovecot
    await db.commit()
    await register_with_form(page, "Sam Replies", unique_email("replies"))
    me = await signed_in_user_id(page)
    ids = await track_offers(db, me)
    login, password = imap_server.add_user()

    # The mailbox, through its plain form.
    await page.goto("/mailbox")
    await page.fill("#mailbox-host", imap_server.host)
    await page.fill("#mailbox-port", str(imap_server.port))
    await page.select_option("#mailbox-security", "none")
    await page.fill("#mailbox-username", login)
    await page.fill("#mailbox-password", password)
    await page.get_by_role("button", name="Save my mailbox").click()
    await expect(page.locator("[data-notice]")).to_contain_text("Your mailbox is saved")
    await expect(page.locator('[data-mailbox="connected"]')).to_contain_text(login)
    assert await page.locator("#mailbox-password").input_value() == ""  # never shown back

    imap_server.deliver(
        login,
        CASES["acme-interview-fr"].raw,
        CASES["initech-vague"].raw,
        CASES["other-company"].raw,
    )
    await page.goto("/applications")
    await page.wait_for_function("() => window.__sseOpen === true", timeout=30_000)
    counts = await read_mailbox(
        {"redis": redis, "session_factory": session_factory, "settings": settings}, me
    )
    assert counts == {"read": 3, "moved": 1, "review": 1, "error": None}
    # The open board follows: Acme's card is now under Interview, the others stay.
    await expect(
        page.locator(f'.board-cards[data-status="interview"] #card-{ids["acme"]}')
    ).to_be_visible()
    applied = page.locator('.board-cards[data-status="applied"] > li')
    await expect(applied).to_have_count(len(ids) - 1)

    # The unsure reply waits on the board (after a reload: the list is not a live region).
    await page.reload()
    review = page.locator("#replies")
    await expect(review).to_contain_text("Replies to review")
    await expect(review).to_contain_text("Suite à votre candidature")
    await expect(review).not_to_contain_text("Vandelay")
    assert await accessibility_problems(page) == []
    await review.locator("select").select_option("interview")
    await review.get_by_role("button", name="Accept").click()
    await expect(page.locator("#replies")).to_have_count(0)
    await expect(
        page.locator(f'.board-cards[data-status="interview"] #card-{ids["initech"]}')
    ).to_be_visible()

    # The invitation's date is on the calendar and the application's page.
    await page.goto("/applications/calendar?month=2026-12")
    await expect(page.locator('td[data-day="2026-12-08"]')).to_contain_text("Développeur Python")
    await page.goto(f"/applications/{ids['acme']}")
    await expect(page.get_by_test_id("interview-at")).to_have_text("2026-12-08 14:30")
    await expect(page.get_by_test_id("history-reply")).to_contain_text("vous rencontrer")
    assert js_errors == []
