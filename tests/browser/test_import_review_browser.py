"""Reviewing a misread import in a real Chromium: the suspicion shows beside the report with its
fix form, and pointing at the job lights its source lines beside the sections (by mouse and by
keyboard); the bullets move in two actions (choose, then submit with the keyboard); the badge
clears; the generate form then goes straight to the generation, where before the fix it asked
first."""

from __future__ import annotations

import re

import pytest
from arq.worker import Worker
from playwright.async_api import FilePayload, Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories
from tests.browser.flows import (
    PHONE,
    accessibility_problems,
    register_with_form,
    signed_in_user_id,
    unique_email,
)
from tests.fixtures import pdfs

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
    # The lighting script is deferred: on a busy machine the report's text shows before it
    # runs, and a hover before then lights nothing (one clean-clone run failed so).
    await page.wait_for_load_state("domcontentloaded")
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


async def rendered_height(page: Page, selector: str) -> float:
    """The on-screen height in CSS pixels of the first element ``selector`` finds."""
    height = await page.locator(selector).first.evaluate("n => n.getBoundingClientRect().height")
    return float(height)


async def test_on_a_phone_a_pressed_page_opens_at_a_readable_size_at_its_lit_lines(
    browser_page: Page, js_errors: list[str], worker: Worker
) -> None:
    """At 390 px the page drawn beside the review is a third of its size (a line of text about
    5 px high): pressing it shows it at its own size, scrolled to the lines just lit, and
    Escape closes it; the keyboard opens it too, from the page's link."""
    page = browser_page
    await page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"]})
    await register_with_form(page, "Ana Lima", unique_email("review-zoom"))
    await page.goto("/cvs")
    upload = FilePayload(name="cv.pdf", mimeType="application/pdf", buffer=pdfs.two_page_cv_pdf())
    await page.set_input_files("#cv-file", files=[upload])
    await page.get_by_role("button", name="Import", exact=True).click(delay=CLICK_DELAY_MS)
    await expect(page).to_have_url(re.compile(r"/cvs/[^/]+$"))
    await expect(page.locator("#import-status")).to_have_count(0, timeout=60_000)

    await page.locator("#section-experience summary").click(delay=CLICK_DELAY_MS)
    job = page.locator("#section-experience fieldset.cv-item").nth(1)
    await job.get_by_role("link", name="Show in the file").click(delay=CLICK_DELAY_MS)
    lit = ".source-pages details .source-boxes rect.lit"  # not the dialog's copy
    await expect(page.locator(lit).first).to_be_in_viewport()
    small = await rendered_height(page, lit)
    assert small < 8, small  # the problem: too small to read

    image = page.get_by_test_id("source-page").first
    await expect(image).to_have_js_property("complete", True)
    owner = page.locator(
        ".source-pages details .source-page", has=page.locator(".source-boxes rect.lit")
    ).first
    await owner.locator("img").click(delay=CLICK_DELAY_MS)
    zoom = page.get_by_test_id("page-zoom")
    await expect(zoom).to_be_visible()
    await expect(zoom.locator("h2")).to_contain_text("of the uploaded file")
    zoomed = zoom.locator("img")
    width = float(await zoomed.evaluate("n => n.getBoundingClientRect().width"))
    assert width >= 2 * PHONE["width"], width  # at its own size, 900 px
    zoomed_lit = ".page-zoom rect.lit"
    await expect(page.locator(zoomed_lit).first).to_be_in_viewport()
    large = await rendered_height(page, zoomed_lit)
    assert large >= 12 and large >= 2.2 * small, (small, large)
    assert [p for p in await accessibility_problems(page) if 'href="#unplaced-' not in p] == []
    # The page scrolls by the keyboard inside the dialog.
    view = zoom.locator(".page-zoom-view")
    await expect(view).to_be_focused()
    before = float(await view.evaluate("n => n.scrollTop"))
    await page.keyboard.press("ArrowDown")
    await page.wait_for_function(
        "([view, before]) => view.scrollTop > before", arg=[await view.element_handle(), before]
    )
    await page.keyboard.press("Escape")
    await expect(zoom).to_be_hidden()
    link = owner.locator("a").first
    await expect(link).to_be_focused()
    assert await page.locator(".page-zoom img").count() == 0  # the copy went with it

    # By the keyboard alone: Enter on the page's link opens it, its Close button closes it.
    await page.keyboard.press("Enter")
    await expect(zoom).to_be_visible()
    await page.keyboard.press("Shift+Tab")
    await expect(zoom.get_by_role("button", name="Close")).to_be_focused()
    await page.keyboard.press("Enter")
    await expect(zoom).to_be_hidden()
    await expect(link).to_be_focused()
    assert "/pages/" not in page.url and len(page.context.pages) == 1  # never left
    assert js_errors == []
