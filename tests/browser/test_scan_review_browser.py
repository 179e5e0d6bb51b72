"""A scanned CV uploaded in a real Chromium: read by text recognition (OCR) in the worker, its
jobs in the sections, and the words OCR doubted outlined on the page image beside them.

Needs Tesseract with its French and English models (``make document-deps``); skipped without."""

from __future__ import annotations

import re

import pytest
from arq.worker import Worker
from playwright.async_api import FilePayload, Page, expect

from app.lib.pdf_read.ocr_setup import ocr_status
from tests.browser.flows import (
    accessibility_problems,
    register_with_form,
    screenshots_dir,
    unique_email,
)
from tests.fixtures import pdfs

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not ocr_status("fra+eng").available,
        reason="Tesseract with its French and English models is not installed "
        "(make document-deps installs tesseract-ocr, tesseract-ocr-fra, tesseract-ocr-eng)",
    ),
]
HELD_MS = 150  # how long a person holds the mouse button down
CONTACT_LINE = (0.09, 0.105, 0.8, 0.125)  # blurred: OCR doubts the words there


async def test_a_scan_is_read_by_ocr_and_its_doubtful_words_are_outlined(
    browser_page: Page, js_errors: list[str], worker: Worker
) -> None:
    page = browser_page
    await register_with_form(page, "Camille Durand", unique_email("scan"))
    await page.goto("/cvs")
    await expect(page.locator("#cv-file + p")).to_contain_text("text recognition (OCR)")
    scan = pdfs.scanned_cv_pdf("fr_one_column", blur=CONTACT_LINE)
    upload = FilePayload(name="scan.pdf", mimeType="application/pdf", buffer=scan)
    await page.set_input_files("#cv-file", files=[upload])
    await page.get_by_role("button", name="Import", exact=True).click(delay=HELD_MS)
    await expect(page).to_have_url(re.compile(r"/cvs/[^/]+$"))
    # OCR runs in the worker (a few seconds a page); htmx reloads the page when it is over.
    await expect(page.locator("#import-status")).to_have_count(0, timeout=150_000)

    await expect(page.locator("h1")).to_contain_text("Camille Durand")
    jobs = page.locator("#section-experience fieldset.cv-item")
    await expect(jobs).to_have_count(3)
    await expect(jobs.first.get_by_label("Company")).to_have_value("Banque Rhône-Alpes")
    await expect(page.locator("#import-report")).to_contain_text("recognised by OCR")
    await expect(page.locator("#import-report")).to_contain_text("Words OCR was unsure of")

    doubts = page.get_by_test_id("ocr-doubts").first.locator("rect")
    assert await doubts.count() >= 3
    first_title = await doubts.first.locator("title").text_content()
    assert first_title and first_title.startswith("Read as “")
    await expect(page.get_by_test_id("ocr-doubts").first).to_be_visible()
    # Pointing at a job still lights the lines it was read from on the scanned page.
    await jobs.first.locator("legend").hover()
    await expect(page.locator(".source-boxes rect.lit").first).to_be_attached()
    # The picture: the first job beside the scanned page, its doubtful words outlined.
    image = page.get_by_test_id("source-page").first
    await image.scroll_into_view_if_needed()
    await expect(image).to_have_js_property("complete", True)
    await page.wait_for_function("img => img.naturalWidth > 0", arg=await image.element_handle())
    await jobs.first.locator("legend").scroll_into_view_if_needed()
    await jobs.first.locator("legend").hover()
    target = screenshots_dir()
    target.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(target / "cv-review-scan.png"))
    # The links of unplaced lines sit in the aria-hidden boxes over the page (each has its
    # named twin in the report's list), which this simple check does not skip.
    problems = await accessibility_problems(page)
    assert [p for p in problems if 'href="#unplaced-' not in p] == []
    assert js_errors == []
