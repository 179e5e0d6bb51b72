"""Fix a flagged field in a real Chromium: the generate form first asks about the misread CV;
the user follows "Review the CV", changes the flagged employer and presses Save; the flag, its
badge and the question before generating are gone (app/domain/cvs/open_flags.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.async_api import Locator, Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from app.lib.parsing.report.import_report import build_import_report
from tests import factories
from tests.browser.flows import register_with_form, signed_in_user_id, unique_email

pytestmark = pytest.mark.browser

HELD_MS = 150
LISTED = "EC2 servers, Security Groups, Lambda functions"


async def press(page: Page, target: Locator) -> None:
    await target.scroll_into_view_if_needed()
    box = await target.bounding_box()
    assert box is not None
    await page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    await page.mouse.down()
    await page.wait_for_timeout(HELD_MS)
    await page.mouse.up()


async def press_into(page: Page, field: Locator, tries: int = 3) -> None:
    """Press a field until it has the focus, as a person clicks again when the page moved under
    the pointer (the review's page image can load late on a busy machine and push the form).
    A person looks at the page once it has stopped loading: so does this."""
    await page.wait_for_load_state("networkidle")
    for _ in range(tries):
        await press(page, field)
        if await field.evaluate("element => element === document.activeElement"):
            return
        await page.wait_for_timeout(HELD_MS)
    await expect(field).to_be_focused()


async def test_fixing_a_flagged_field_clears_the_flag_and_the_warning(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    page = browser_page
    await register_with_form(page, "Flag Fixer", unique_email("flagfix"))
    me = await signed_in_user_id(page)
    content = factories.misread_cv(
        factories.misread_job(1, company=LISTED), factories.misread_job(2)
    )
    cv = await factories.source_cv(db, me, content=content.to_json())
    cv.import_report = build_import_report(content, None, today=date(2026, 11, 1), parser="rules")
    await db.commit()
    await factories.job_offer(db, me, title="Platform Engineer")

    await page.goto("/offers")
    await press(page, page.locator('input[name="job_offer_ids"]').first)
    await press(page, page.get_by_role("button", name="Generate"))
    await expect(page.locator("#confirm-misread")).to_contain_text(LISTED)
    await press(page, page.get_by_role("link", name="Review the CV"))
    flag = page.locator('[data-flag-for="items-0-company"]')
    await expect(flag).to_contain_text("reads as a sentence")

    company = page.locator("#experience-items-0-company")
    await press_into(page, company)
    await page.keyboard.press("Control+A")
    await page.keyboard.type("Brightwave Ltd")
    await press(page, page.get_by_role("button", name="Save", exact=True))
    await expect(page.locator("#cv-editor .saved-note[role=status]")).to_have_text(
        "Saved as a new version."
    )
    await page.goto(f"/cvs/{cv.id}")
    await expect(page.locator('[data-flag-for="items-0-company"]')).to_have_count(0)
    await expect(page.get_by_text("Nothing in particular to check.")).to_be_visible()

    await page.goto("/offers")
    await press(page, page.locator('input[name="job_offer_ids"]').first)
    await press(page, page.get_by_role("button", name="Generate"))
    await expect(page).to_have_url(re.compile(r"/generations/[^/]+$"))  # asked nothing
    assert js_errors == []


async def test_fixing_a_name_cut_in_two_gives_an_all_clear_that_says_what_was_checked(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    """An employer the reader cut at its "&" (its end read as the first bullet): flagged and
    asked about before generating; once the user writes it whole, the flag and the question
    are gone and the report's all-clear lists, per section, what was checked."""
    page = browser_page
    await register_with_form(page, "Cut Fixer", unique_email("cutfix"))
    me = await signed_in_user_id(page)
    cut = factories.misread_job(1, company="Orrin &", bullets=["Vale Consulting.", "Led it."])
    content = factories.misread_cv(cut, factories.misread_job(2))
    cv = await factories.source_cv(db, me, content=content.to_json())
    cv.import_report = build_import_report(content, None, today=date(2026, 11, 1), parser="rules")
    await db.commit()
    await factories.job_offer(db, me, title="Platform Engineer")

    await page.goto("/offers")
    await press(page, page.locator('input[name="job_offer_ids"]').first)
    await press(page, page.get_by_role("button", name="Generate"))
    await expect(page.locator("#confirm-misread")).to_contain_text("Orrin &")
    await press(page, page.get_by_role("link", name="Review the CV"))
    await expect(page.locator('[data-flag-for="items-0-company"]')).to_contain_text(
        "as a name cut in two"
    )
    jobs = page.locator('.checked-section[data-section="experience"]')
    await expect(jobs).to_have_attribute("data-level", "to_check")

    company = page.locator("#experience-items-0-company")
    await press_into(page, company)
    await page.keyboard.press("End")
    await page.keyboard.type(" Vale Consulting")
    await press(page, page.get_by_role("button", name="Save", exact=True))
    await expect(page.locator("#cv-editor .saved-note[role=status]")).to_have_text(
        "Saved as a new version."
    )
    await page.goto(f"/cvs/{cv.id}")
    await expect(page.locator('[data-flag-for="items-0-company"]')).to_have_count(0)
    await expect(page.locator("#import-report")).to_contain_text("Nothing in particular to check.")
    await expect(jobs).to_have_attribute("data-level", "clear")
    await expect(jobs).to_be_visible()  # the list is open when nothing else is to read
    await expect(jobs).to_contain_text("names cut in two")

    await page.goto("/offers")
    await press(page, page.locator('input[name="job_offer_ids"]').first)
    await press(page, page.get_by_role("button", name="Generate"))
    await expect(page).to_have_url(re.compile(r"/generations/[^/]+$"))  # asked nothing
    assert js_errors == []
