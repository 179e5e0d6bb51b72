"""In a real Chromium: the CV editor's one Save and its unsaved-changes warning; a refused form
that leaves the browser on a GET address (F5 resends nothing, no 405); error pages in the
reader's language; the sign-up and sign-in pages send a signed-in user to the dashboard."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Dialog, Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories
from tests.browser.flows import (
    path_of,
    register_with_form,
    signed_in_user_id,
    switch_language,
    unique_email,
)

pytestmark = pytest.mark.browser

HELD_MS = 150  # how long a person holds the mouse button down


async def _cv_page(page: Page, db: AsyncSession, who: str) -> str:
    await register_with_form(page, who, unique_email(who.lower().replace(" ", "")))
    cv = await factories.source_cv(db, await signed_in_user_id(page))
    await page.goto(f"/cvs/{cv.id}")
    return str(cv.id)


async def _type_into(page: Page, selector: str, text: str) -> None:
    """Click the field, select what is there, type over it: as a person does."""
    field = page.locator(selector)
    await field.click(delay=HELD_MS)
    await field.press("ControlOrMeta+a")
    await field.press_sequentially(text)


async def test_one_save_keeps_the_header_and_the_summary(
    browser_page: Page, db: AsyncSession, js_errors: list[str]
) -> None:
    page = browser_page
    await _cv_page(page, db, "One Save")
    saves = page.get_by_role("button", name="Save", exact=True)
    await expect(saves).to_have_count(1)  # the hidden Enter default is not offered
    note = page.get_by_text("Unsaved changes")
    await expect(note).to_be_hidden()
    await _type_into(page, "#header-location", "Lyon, France")
    await expect(note).to_be_visible()
    await _type_into(page, "#summary-summary", "Backend engineer who ships.")
    await saves.click(delay=HELD_MS)
    await expect(page.get_by_text("Saved as a new version.")).to_be_visible()
    await expect(note).to_be_hidden()
    await page.reload()
    await expect(page.locator("#header-location")).to_have_value("Lyon, France")
    await expect(page.locator("#summary-summary")).to_have_value("Backend engineer who ships.")
    assert js_errors == []


async def test_leaving_with_unsaved_changes_asks_first(
    browser_page: Page, db: AsyncSession, js_errors: list[str]
) -> None:
    page = browser_page
    cv_id = await _cv_page(page, db, "Leaving Early")
    asked: list[str] = []

    async def stay(dialog: Dialog) -> None:
        asked.append(dialog.type)
        await dialog.dismiss()  # "Stay on the page"

    page.on("dialog", stay)
    back = page.get_by_role("link", name="← All CVs")
    await back.click(delay=HELD_MS)  # nothing changed: no question
    await expect(page).to_have_url(re.compile(r"/cvs$"))
    assert asked == []
    await page.goto(f"/cvs/{cv_id}")
    await _type_into(page, "#header-location", "Nantes")
    async with page.expect_event("dialog") as shown:
        await back.click(delay=HELD_MS, no_wait_after=True)
    assert (await shown.value).type == "beforeunload"
    await expect(page).to_have_url(re.compile(f"/cvs/{cv_id}$"))  # stayed, the edit kept
    await expect(page.locator("#header-location")).to_have_value("Nantes")
    # Saved: leaving asks nothing.
    await page.get_by_role("button", name="Save", exact=True).click(delay=HELD_MS)
    await expect(page.get_by_text("Saved as a new version.")).to_be_visible()
    await back.click(delay=HELD_MS)
    await expect(page).to_have_url(re.compile(r"/cvs$"))
    assert asked == ["beforeunload"]
    assert js_errors == []


async def test_a_refused_form_then_f5_resends_nothing(
    browser_page: Page, js_errors: list[str]
) -> None:
    page = browser_page
    await register_with_form(page, "Reload Twice", unique_email("reload"))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.type))
    await page.goto("/offers")
    await page.fill("#offer-url", "http://127.0.0.1:9/job")
    await page.get_by_role("button", name="Fetch the offer").click(delay=HELD_MS)
    alert = page.get_by_role("alert")
    await expect(alert).to_have_text(re.compile("private or local network"))
    await expect(page.locator("#offer-url")).to_have_value("http://127.0.0.1:9/job")
    assert path_of(page) == "/offers"  # a GET address, not the form's POST route
    reloaded = await page.reload()
    assert reloaded is not None and reloaded.status == 200
    assert reloaded.request.method == "GET"
    assert path_of(page) == "/offers" and dialogs == []
    await expect(page.get_by_role("heading", level=1)).not_to_have_text(re.compile("405"))

    await page.goto("/account")
    await page.fill("#current_password", "not my password")
    await page.fill("#new_password", "a long enough new password")
    await page.get_by_role("button", name="Change password").click(delay=HELD_MS)
    await expect(page.get_by_role("alert")).to_have_text("The current password is wrong.")
    assert path_of(page) == "/account"
    reloaded = await page.reload()
    assert reloaded is not None and reloaded.status == 200 and dialogs == []
    assert js_errors == []


async def test_error_pages_speak_the_readers_language(browser_page: Page) -> None:
    page = browser_page
    await register_with_form(page, "Lecteur Français", unique_email("lecteur"))
    await switch_language(page, "fr")
    for address, status in (("/account/password", 405), ("/offers/url", 405), ("/nowhere", 404)):
        response = await page.goto(address)
        assert response is not None and response.status == status, address
        await expect(page.locator("html")).to_have_attribute("lang", "fr")
        text = await page.locator("main").inner_text()
        assert "Method Not Allowed" not in text and "Not found." not in text, text
        assert "Retour au tableau de bord" in text, text
    await page.goto("/account/password")
    await expect(page.get_by_role("alert")).to_have_text(re.compile("Cette adresse ne s'ouvre"))


async def test_sign_up_and_sign_in_pages_send_a_signed_in_user_home(browser_page: Page) -> None:
    page = browser_page
    await register_with_form(page, "Already In", unique_email("alreadyin"))
    assert path_of(page) == "/"
    for address in ("/register", "/login"):
        await page.goto(address)
        assert path_of(page) == "/", address
        await expect(page.locator("#password")).to_have_count(0)


async def test_a_section_row_added_in_place_is_saved_with_the_rest(
    browser_page: Page, db: AsyncSession, js_errors: list[str]
) -> None:
    page = browser_page
    await _cv_page(page, db, "Row Adder")
    section = page.locator("#section-projects")
    rows = section.locator("fieldset.cv-item")
    before = await rows.count()
    await _type_into(page, "#summary-summary", "Typed before adding a row.")
    await section.get_by_role("button", name="Add a project").click(delay=HELD_MS)
    await expect(rows).to_have_count(before + 1)  # swapped in place by htmx, not a new page
    await expect(section.get_by_text("Not saved yet")).to_be_visible()
    await expect(page.get_by_text("Unsaved changes")).to_be_visible()
    await expect(page.locator("#summary-summary")).to_have_value("Typed before adding a row.")
    await _type_into(page, f"#projects-items-{before}-name", "Parcel tracker")
    await page.get_by_role("button", name="Save", exact=True).click(delay=HELD_MS)
    await expect(page.get_by_text("Saved as a new version.")).to_be_visible()
    await expect(rows).to_have_count(before + 1)
    await expect(page.locator(f"#projects-items-{before}-name")).to_have_value("Parcel tracker")
    await expect(page.locator("#summary-summary")).to_have_value("Typed before adding a row.")
    assert js_errors == []
