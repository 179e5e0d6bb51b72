"""Deleting an offer in a real Chromium, on a desktop and on a 390 px phone: the row's
"Delete…" opens a dialog naming the offer and what goes with it; "Keep it" leaves everything
as it was; only the dialog's own button deletes. Without JavaScript the same link opens the
confirmation page, whose form deletes."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser, Locator, Page, expect
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from tests import factories
from tests.browser.conftest import DESKTOP
from tests.browser.flows import (
    PHONE,
    accessibility_problems,
    register_with_form,
    screenshot,
    sign_up_with_offers,
    unique_email,
)

pytestmark = pytest.mark.browser

HELD_MS = 150  # how long a person holds the mouse button (or a finger) down


async def press(page: Page, target: Locator) -> None:
    """Mouse down on the middle of ``target``, held like a person's press, then up."""
    await target.scroll_into_view_if_needed()
    box = await target.bounding_box()
    assert box is not None
    await page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    await page.mouse.down()
    await page.wait_for_timeout(HELD_MS)
    await page.mouse.up()


def row(page: Page, offer_id: str) -> Locator:
    return page.locator(f'tr[data-offer-id="{offer_id}"]')


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
async def test_an_offer_is_deleted_only_from_its_confirmation(
    browser_page: Page, js_errors: list[str], db: AsyncSession, viewport: dict[str, int]
) -> None:
    page = browser_page
    await page.set_viewport_size(viewport)
    _, (kept_id, doomed_id) = await sign_up_with_offers(
        page, db, "Dee Lete", unique_email("delete-offer"), ["Keep me", "Delete me"]
    )
    await page.goto("/offers")
    await expect(row(page, doomed_id)).to_be_visible()

    # A press on "Delete…" opens the dialog; the offer is still there behind it.
    await press(page, row(page, doomed_id).get_by_role("link", name="Delete…"))
    dialog = page.get_by_role("dialog")
    await expect(dialog).to_be_visible()
    await expect(dialog.get_by_role("heading", name="Delete this offer?")).to_be_visible()
    await expect(dialog.get_by_test_id("confirm-subject")).to_have_text(
        "Delete me — Parcel Express"
    )
    await expect(dialog).to_contain_text("This cannot be undone.")
    assert await accessibility_problems(page) == []
    await screenshot(page, f"offer-delete-dialog-{viewport['width']}.png")

    # "Keep it" closes the dialog and keeps the offer.
    await press(page, dialog.get_by_role("link", name="Keep it"))
    await expect(dialog).to_have_count(0)
    await expect(row(page, doomed_id)).to_be_visible()
    await page.reload()
    await expect(row(page, doomed_id)).to_be_visible()

    # Opened again and confirmed: that offer goes, the other stays.
    await press(page, row(page, doomed_id).get_by_role("link", name="Delete…"))
    await press(page, page.get_by_role("dialog").get_by_role("button", name="Delete the offer"))
    await expect(page).to_have_url("/offers?deleted=1")
    await expect(page.get_by_test_id("offer-deleted")).to_have_text("The offer was deleted.")
    await expect(row(page, doomed_id)).to_have_count(0)
    await expect(row(page, kept_id)).to_be_visible()
    assert js_errors == []


async def test_without_javascript_the_link_opens_the_confirmation_page(
    chromium: Browser, live_server: str, db: AsyncSession
) -> None:
    context = await chromium.new_context(
        base_url=live_server, viewport=PHONE, locale="en-US", java_script_enabled=False
    )
    try:
        page = await context.new_page()
        email = unique_email("delete-nojs")
        await register_with_form(page, "No Script", email)
        user_id = await db.scalar(select(User.id).where(User.email == email))
        assert user_id is not None
        offer = await factories.job_offer(db, user_id, title="Plain form")
        offer_id = offer.id
        await page.goto("/offers")
        await press(page, row(page, offer_id).get_by_role("link", name="Delete…"))
        await expect(page).to_have_url(f"/offers/{offer_id}/delete")
        await expect(page.get_by_role("heading", level=1)).to_have_text("Delete this offer?")
        await press(page, page.get_by_role("link", name="Keep it"))
        await expect(page).to_have_url(f"/offers/{offer_id}")
        await page.goto(f"/offers/{offer_id}/delete")
        await press(page, page.get_by_role("button", name="Delete the offer"))
        await expect(page).to_have_url("/offers?deleted=1")
        await expect(row(page, offer_id)).to_have_count(0)
    finally:
        await context.close()


async def test_a_cv_is_deleted_the_same_way_and_escape_keeps_it(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    """The same dialog for a CV on a phone; Escape closes it like "Keep it" does."""
    page = browser_page
    await page.set_viewport_size(PHONE)
    source_id, _ = await sign_up_with_offers(
        page, db, "Cee Vee", unique_email("delete-cv"), ["Any offer"]
    )
    cv_row = page.locator(f'tr[data-cv-id="{source_id}"]')
    await page.goto("/cvs")
    await press(page, cv_row.get_by_role("link", name="Delete…"))
    dialog = page.get_by_role("dialog")
    await expect(dialog.get_by_role("heading", name="Delete this CV?")).to_be_visible()
    await page.keyboard.press("Escape")
    await expect(dialog).to_have_count(0)
    await expect(cv_row).to_be_visible()

    await press(page, cv_row.get_by_role("link", name="Delete…"))
    await press(page, page.get_by_role("dialog").get_by_role("button", name="Delete the CV"))
    await expect(page).to_have_url("/cvs")
    await expect(cv_row).to_have_count(0)
    assert js_errors == []
