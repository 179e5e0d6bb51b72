"""From the STAR coach to the tailored PDF in a real Chromium, clicked like a person (press,
~150 ms, release), offline engine and real worker: the guided coach, started on a picked
experience, asks for its moment (not which experience), proposes the title from the result;
accepted, the CV regenerated for an offer that asks for incident handling holds the result in
its PDF, and the changes view marks that bullet as made from the achievement."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from arq.worker import Worker
from playwright.async_api import Locator, Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories
from tests.browser.flows import register_with_form, signed_in_user_id, unique_email
from tests.fixtures.incident_story import ANSWERS, INCIDENTS, RESULT, TITLE

pytestmark = pytest.mark.browser

CLICK_DELAY_MS = 150


async def press(control: Locator) -> None:
    await expect(control).to_be_visible()
    await control.click(delay=CLICK_DELAY_MS)


async def test_a_coached_achievement_reaches_the_regenerated_pdf_and_its_changes(
    browser_page: Page, js_errors: list[str], db: AsyncSession, worker: Worker
) -> None:
    page = browser_page
    await register_with_form(page, "Alex Martin", unique_email("coach-tailor"))
    me = await signed_in_user_id(page)
    source = await factories.source_cv(db, me)
    offer = await factories.job_offer(db, me, **INCIDENTS)
    await factories.tailored_cv(db, source, offer)  # the CV tailored before the coach

    await page.goto("/coach")
    await page.get_by_label("Experience").select_option(
        label="Senior Backend Engineer — Acme Logistics (cv.json)"
    )
    await press(page.get_by_role("button", name="Start"))
    await expect(page).to_have_url(re.compile(r"/coach/[^/]+$"))
    question = page.get_by_test_id("coach-question")
    thread = page.locator('#coach-thread .bubble[data-role="coach"] p')
    await expect(question).to_contain_text("Which moment of this experience")
    for answer, next_question in zip(
        ANSWERS[:4], ("Situation:", "Task:", "Action:", "Result:"), strict=True
    ):
        await page.get_by_label("Your answer").fill(answer)
        await press(page.get_by_role("button", name="Send", exact=True))
        await expect(question).to_contain_text(next_question)
        # Read in the thread too: the stream's re-rendered thread grows above the box, and a
        # press begun before it lands would end on a moved button (no click).
        await expect(thread.last).to_contain_text(next_question)
    await page.get_by_label("Your answer").fill(RESULT)
    await press(page.get_by_role("button", name="Send", exact=True))
    await expect(page.get_by_test_id("coach-proposal")).to_be_visible()
    await expect(page.get_by_label("Title")).to_have_value(TITLE)  # the result's, not the job's
    await expect(thread.filter(has_text="Which experience")).to_have_count(0)
    await press(page.get_by_role("button", name="Add to my bank"))
    await expect(page.get_by_test_id("coach-accepted")).to_be_visible()

    # Regenerate the CV for the offer, from the offers page.
    await page.goto("/offers")
    await page.locator(f'input[name="job_offer_ids"][value="{offer.id}"]').check()
    await press(page.get_by_role("button", name="Generate"))
    await expect(page).to_have_url(re.compile(r"/generations/[^/]+$"))
    row = page.locator('.offer-row[data-offer-index="0"]')
    download = row.locator('[data-testid="download"]')
    await expect(download).to_be_visible(timeout=60_000)
    href = await download.get_attribute("href")
    assert href is not None
    response = await page.request.get(href)
    assert response.ok
    with pdfplumber.open(io.BytesIO(await response.body())) as pdf:
        text = " ".join(" ".join(p.extract_text() or "" for p in pdf.pages).split())
    assert RESULT in text

    await press(row.get_by_role("link", name="Changes"))
    await expect(page).to_have_url(re.compile(r"/changes$"))
    marked = page.locator('[data-status="from_bank"]')
    await expect(marked).to_contain_text(RESULT)
    await expect(marked.get_by_test_id("from-bank")).to_have_text(
        f"From your achievement “{TITLE}”"
    )
    assert js_errors == []
