"""A refused form shows its message, as text, in a real Chromium (not the page's HTML source)."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import FilePayload, Page, expect

from tests.browser.flows import register_with_form, unique_email

pytestmark = pytest.mark.browser

HELD_MS = 150  # how long a person holds the mouse button down


async def test_a_wrong_file_on_the_cv_page_shows_the_message(
    browser_page: Page, js_errors: list[str]
) -> None:
    page = browser_page
    await register_with_form(page, "Wrong File", unique_email("wrongfile"))
    await page.goto("/cvs")
    wrong_file = FilePayload(name="notes.txt", mimeType="text/plain", buffer=b"hello")
    await page.set_input_files("#cv-file", files=[wrong_file])
    await page.get_by_role("button", name="Import", exact=True).click(delay=HELD_MS)
    alert = page.get_by_role("alert")
    await expect(alert).to_have_text(
        "Unsupported file: upload a PDF, a JSON Resume (.json) file or a picture of your CV "
        "(JPEG, PNG or WebP), or paste the text."
    )
    # The page itself, not its source: the heading and the forms are there to try again.
    await expect(page.get_by_role("heading", name="Your CVs")).to_be_visible()
    await expect(page.locator("#cv-file")).to_be_visible()
    assert "<form" not in await page.locator("body").inner_text()

    await page.goto("/offers")
    await page.fill("#offer-url", "http://127.0.0.1:9/job")
    await page.get_by_role("button", name="Fetch the offer").click(delay=HELD_MS)
    await expect(page.get_by_role("alert")).to_have_text(
        re.compile(r"This address points to a private or local network")
    )
    await expect(page.locator("#offer-url")).to_have_value("http://127.0.0.1:9/job")
    assert "<form" not in await page.locator("body").inner_text()
    # Chromium logs every 4xx page load as a console error; nothing else may fail.
    assert [e for e in js_errors if "status of 422" not in e] == []
