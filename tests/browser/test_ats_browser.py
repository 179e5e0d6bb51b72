"""The ATS check in a real Chromium: reached from the dashboard and the CVs page, a PDF uploaded
with the form (two columns, a line in a font without a Unicode map, hidden text, then a scanned
page), checked by the real worker while the page waits on its own; then every finding is shown
with its highlight on the right page image, and pointing at a finding lights its boxes.
Screenshotted; no JavaScript error, no accessibility problem."""

from __future__ import annotations

import re

import pytest
from arq.worker import Worker
from playwright.async_api import Page, expect

from tests.browser.flows import (
    accessibility_problems,
    register_with_form,
    screenshot,
    unique_email,
)
from tests.fixtures.ats_pdfs import misread_cv_pdf

pytestmark = pytest.mark.browser

CHECK_TIMEOUT_MS = 120_000  # two limited child processes read the file: order, not speed
ON_PAGE = {"columns_mixed": 1, "unmapped_glyphs": 1, "hidden_text": 1, "scanned_page": 2}


async def test_upload_a_misread_pdf_and_see_each_finding_on_its_page(
    browser_page: Page, js_errors: list[str], worker: Worker
) -> None:
    page = browser_page
    await register_with_form(page, "Jean Martin", unique_email("ats"))
    await expect(page.locator("#ats-link a")).to_have_attribute("href", "/ats")  # the dashboard
    await page.goto("/cvs")
    await page.locator("#ats-link").get_by_role("link", name="Check a PDF").click()
    await expect(page).to_have_url(re.compile(r"/ats$"))
    await page.set_input_files(
        "#ats-file",
        {"name": "two-columns.pdf", "mimeType": "application/pdf", "buffer": misread_cv_pdf()},
    )
    await page.get_by_role("button", name="Check this PDF").click()
    await expect(page).to_have_url(re.compile(r"/ats/[^/]+$"))
    summary = page.get_by_test_id("ats-verdict-summary")
    await expect(summary).to_be_visible(timeout=CHECK_TIMEOUT_MS)  # the page reloads by itself
    await expect(summary).to_have_attribute("data-verdict", "fix")

    for code, number in ON_PAGE.items():
        findings = page.locator(f'[data-testid="ats-finding"][data-code="{code}"]')
        await expect(findings.first).to_be_visible()
        for index in range(await findings.count()):
            finding = findings.nth(index)
            lines = (await finding.get_attribute("data-source-lines") or "").split()
            assert lines, f"{code}: no highlight"
            for line in lines:
                mark = page.locator(f"#ats-page-{number} rect[data-line='{line}']")
                await expect(mark).to_have_class(re.compile(r"\bfinding\b"))
                await expect(mark).to_be_attached()
            await finding.hover()  # static/js/source_lines.js lights the finding's boxes
            lit = page.locator(f"#ats-page-{number} rect[data-line='{lines[0]}']")
            await expect(lit).to_have_class(re.compile(r"\blit\b"))
    for number in (1, 2):
        image = page.locator(f"#ats-page-{number} img")
        await image.scroll_into_view_if_needed()
        await expect(image).to_have_js_property("complete", True)
        assert await image.evaluate("img => img.naturalWidth") > 0
        box = await page.locator(f"#ats-page-{number} svg").bounding_box()
        drawn = await image.bounding_box()
        assert box is not None and drawn is not None and abs(box["height"] - drawn["height"]) < 2
    await expect(page.locator("#ats-fields [data-field='experience']")).to_have_count(2)
    await screenshot(page, "ats-check.png")
    assert await accessibility_problems(page) == []
    assert js_errors == []
