"""A cover letter in a real Chromium, clicked like a person (press, ~150 ms, release): written
from the offer's page by the real worker (the offline engine: no AI service set), the page
turning from "being written" to the editor on its own (the tab's event stream), a paragraph
edited and saved as version 2, then the PDF and the Word file downloaded and read back, both
with the edited text. The letter page is screenshotted on a desktop and on a 390 px phone,
where it must not scroll sideways; no JavaScript error anywhere."""

from __future__ import annotations

import asyncio
import io
import re

import docx
import pdfplumber
import pytest
from arq.worker import Worker
from playwright.async_api import Locator, Page, Route, expect
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CoverLetter
from app.lib.letter_content import LetterContent
from tests.browser.flows import (
    PHONE,
    accessibility_problems,
    path_of,
    screenshot,
    sign_up_with_offers,
    signed_in_user_id,
    unique_email,
)

pytestmark = pytest.mark.browser

CLICK_DELAY_MS = 150  # press and release like a person, not in the same instant
WRITING_TIMEOUT_MS = 120_000  # the worker writes and the stream reports it; order, not speed
SIDEWAYS_OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
EDITED = "Parcel tracking at scale is the work I want to keep doing with your team."


async def press(control: Locator) -> None:
    await expect(control).to_be_visible()
    await control.click(delay=CLICK_DELAY_MS)


async def download(page: Page, link: Locator) -> tuple[str, bytes]:
    """Click the link like a person; the saved file's suggested name and bytes."""
    await expect(link).to_be_visible()
    async with page.expect_download() as info:
        await link.click(delay=CLICK_DELAY_MS)
    saved = await (await info.value).path()
    assert saved is not None
    return (await info.value).suggested_filename, saved.read_bytes()


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


async def test_write_a_letter_watch_it_finish_edit_it_and_download_both_formats(
    browser_page: Page, js_errors: list[str], db: AsyncSession, worker: Worker
) -> None:
    page = browser_page
    _, (offer_id,) = await sign_up_with_offers(
        page, db, "Alex Martin", unique_email("letter"), ["Python Backend Developer"]
    )

    # The offer's page: the tailored CVs of the offer first, else the source CV; short, warm.
    await page.goto(f"/offers/{offer_id}")
    box = page.locator("#cover-letters")
    await box.get_by_label("Length").select_option("short")
    await box.get_by_label("Tone").select_option("warm")
    await press(box.get_by_role("button", name="Write a cover letter"))
    await expect(page).to_have_url(re.compile(r"/cover-letters/[^/]+$"))
    letter_path = path_of(page)

    # Being written, then the editor, with no action of ours: the stream reloads the page.
    editor = page.locator("#editor")
    await expect(page.locator("#letter-status").or_(editor)).to_be_visible()
    await expect(editor).to_be_visible(timeout=WRITING_TIMEOUT_MS)
    assert path_of(page) == letter_path
    await expect(page.get_by_test_id("letter-options")).to_contain_text("Short · Warm")
    await expect(page.locator("#fact-check")).to_be_visible()
    await expect(page.locator('#letter-versions tr[data-version="1"]')).to_be_visible()
    first = page.locator("#letter-paragraph-0")
    assert (await first.input_value()).strip()

    # Edit the first paragraph; Save keeps version 2 and says so beside the button.
    await first.fill(EDITED)
    await press(page.get_by_role("button", name="Save", exact=True))
    await expect(page.locator(".letter-editor [data-saved]")).to_have_text(
        "Saved as a new version."
    )
    await expect(page.locator('#letter-versions tr[data-version="2"]')).to_be_visible()
    await expect(page.locator("#letter-paragraph-0")).to_have_value(EDITED)

    await screenshot(page, "letter.png")

    # Both files carry the edited text (the last saved version).
    name, pdf_bytes = await download(page, page.get_by_test_id("letter-pdf"))
    assert name.endswith(".pdf")
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        assert len(pdf.pages) == 1
        pdf_text = flat(" ".join(p.extract_text() or "" for p in pdf.pages))
    assert EDITED in pdf_text
    name, docx_bytes = await download(page, page.get_by_test_id("letter-docx"))
    assert name.endswith(".docx")
    word_text = [p.text for p in docx.Document(io.BytesIO(docx_bytes)).paragraphs]
    assert EDITED in word_text

    # The list names the letter by its offer.
    await page.goto("/cover-letters")
    await expect(page.get_by_role("link", name="Python Backend Developer")).to_be_visible()

    # On a phone: nothing sideways, every control labelled and named.
    await page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"]})
    await page.goto(letter_path)
    await expect(page.locator("#editor")).to_be_visible()
    await screenshot(page, "phone-letter.png")
    assert await page.evaluate(SIDEWAYS_OVERFLOW) <= 1
    assert await accessibility_problems(page) == []
    assert js_errors == []


async def test_a_letter_finished_before_the_tab_stream_opened_still_shows(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    """The letter is written while the page's event stream is still connecting: its live event
    is heard by nobody, and once the stream is open the page no longer polls. The stream's first
    message is the state of the user's tasks (app/domain/events/api.py), which refreshes the
    status, so the letter shows rather than staying "being written" for good."""
    page = browser_page
    source_id, (offer_id,) = await sign_up_with_offers(
        page, db, "Robin Vale", unique_email("letter-race"), ["Python Backend Developer"]
    )
    letter = CoverLetter(
        user_id=await signed_in_user_id(page), cv_file_id=source_id, job_offer_id=offer_id
    )
    db.add(letter)
    await db.commit()
    release = asyncio.Event()

    async def hold_stream(route: Route) -> None:
        await release.wait()
        await route.continue_()

    await page.route("**/events/**", hold_stream)
    await page.goto(f"/cover-letters/{letter.id}")
    await expect(page.locator("#letter-status")).to_be_visible()
    # Written now, its event published to a stream no tab listens to yet.
    content = LetterContent(greeting="Dear Hiring Manager,", paragraphs=[EDITED])
    await db.execute(
        update(CoverLetter)
        .where(CoverLetter.id == letter.id)
        .values(status="completed", engine="offline", content=content.to_json(), version=1)
    )
    await db.commit()
    release.set()
    await expect(page.locator("#editor")).to_be_visible(timeout=WRITING_TIMEOUT_MS)
    assert js_errors == []
