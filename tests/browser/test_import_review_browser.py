"""Reviewing a misread import in a real Chromium: the suspicion shows beside the report with its
fix form, and pointing at the job lights its source lines beside the sections (by mouse and by
keyboard); the bullets move in two actions (choose, then submit with the keyboard); the badge
clears; the generate form then goes straight to the generation, where before the fix it asked
first."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories
from tests.browser.flows import register_with_form, signed_in_user_id, unique_email

pytestmark = pytest.mark.browser
CLICK_DELAY_MS = 150  # press, wait, release: a person's click


async def test_misfiled_bullets_are_seen_moved_and_the_cv_is_generated_without_a_warning(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    page = browser_page
    await register_with_form(page, "Ana Lima", unique_email("review-import"))
    me = await signed_in_user_id(page)
    cv = await factories.misread_source_cv(db, me, piled=8, pasted=True)
    await factories.job_offer(db, me, title="Backend Engineer")

    # Before the fix, the generate form asks first.
    await page.goto("/offers")
    await page.locator('input[name="job_offer_ids"]').first.check()
    await page.get_by_role("button", name="Generate").click(delay=CLICK_DELAY_MS)
    await expect(page.locator("#confirm-misread")).to_contain_text("looks misread")
    await page.get_by_role("link", name="Review the CV").click(delay=CLICK_DELAY_MS)
    await expect(page).to_have_url(re.compile(rf"/cvs/{cv.id}#import-report$"))

    report = page.locator("#import-report")
    await expect(report).to_contain_text("holds 8 of the 8 bullets")
    # The job holding every bullet lights its heading and its 8 bullets in the pasted text.
    lit = page.locator(".source-text .source-line.lit")
    jobs = page.locator("#section-experience fieldset.cv-item")
    await jobs.nth(1).locator("legend").hover()
    await expect(lit).to_have_count(9)
    await expect(lit.nth(1)).to_contain_text("Shipped release 2.0")
    await jobs.nth(0).get_by_label("Job title").focus()  # the keyboard lights the same way
    await expect(lit).to_have_count(1)
    await expect(lit.first).to_have_text("Engineer 1, Company 1, 2011 - 2012")
    fix = page.get_by_test_id("move-bullets")
    # Two actions: choose the bullets and their job (typed, then picked), then submit with Enter.
    await fix.get_by_label("Last bullet to move").fill("")
    await fix.get_by_label("Last bullet to move").type("5")
    await fix.locator("select").select_option("exp_1")
    await fix.get_by_label("Last bullet to move").press("Enter")
    await expect(page).to_have_url(re.compile(r"#section-experience$"))
    await expect(page.locator("#import-report")).to_contain_text("Nothing in particular to check.")
    await expect(page.locator("#import-report")).not_to_contain_text("holds")

    # The moved bullets now light with the job they went to.
    await page.locator("#section-experience fieldset.cv-item").nth(0).locator("legend").hover()
    await expect(page.locator(".source-text .source-line.lit")).to_have_count(6)

    await page.goto("/cvs")
    await expect(page.locator(f'tr[data-cv-id="{cv.id}"]')).not_to_contain_text("to check")

    # After the fix, the generate form goes straight to the generation.
    await page.goto("/offers")
    await page.locator('input[name="job_offer_ids"]').first.check()
    await page.get_by_role("button", name="Generate").click(delay=CLICK_DELAY_MS)
    await expect(page).to_have_url(re.compile(r"/generations/[\w-]+$"))
    await db.refresh(cv)
    assert [len(j["bullets"]) for j in cv.content["experience"]] == [5, 3, 0]
    assert js_errors == []


async def test_on_a_phone_sections_fold_and_an_entry_shows_its_lines_in_the_file(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    page = browser_page
    await page.set_viewport_size({"width": 390, "height": 844})
    await register_with_form(page, "Ana Lima", unique_email("review-phone"))
    cv = await factories.misread_source_cv(db, await signed_in_user_id(page), piled=4, pasted=True)
    await page.goto(f"/cvs/{cv.id}")

    # On a phone the sections start folded (static/js/section_fold.js); one opens by its
    # heading, with the keyboard, and folds again.
    header = page.locator("#section-header")
    name_field = header.get_by_label("Name", exact=True)
    await expect(name_field).to_be_hidden()
    await header.locator("summary").focus()
    await page.keyboard.press("Enter")
    await expect(name_field).to_be_visible()
    await page.keyboard.press("Enter")
    await expect(name_field).to_be_hidden()

    # On a phone the file comes after the sections: "Show in the file" goes there, lit.
    await page.locator("#section-experience summary").click()
    job = page.locator("#section-experience fieldset.cv-item").nth(1)
    await job.get_by_role("link", name="Show in the file").click(delay=CLICK_DELAY_MS)
    lit = page.locator(".source-text .source-line.lit")
    await expect(lit).to_have_count(5)
    await expect(lit.first).to_be_in_viewport()
    await expect(lit.first).to_have_text("Engineer 2, Company 2, 2012 - 2013")
    await page.go_back()  # and Back returns to the entry
    await expect(job).to_be_in_viewport()
    assert js_errors == []
