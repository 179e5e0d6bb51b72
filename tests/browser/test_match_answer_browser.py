"""The match ledger's answer in a real Chromium, clicked like a person (press, ~150 ms, release)
and typed at the keyboard, offline engine and real worker: on the offer page a requirement the
CV does not show is asked, not written; the user answers it with a fact of their own, the panel
then shows it supported by their statement; the CV regenerated for the offer holds the fact in
its PDF, and the changes view marks that bullet as the user's own statement."""

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

pytestmark = pytest.mark.browser

CLICK_DELAY_MS = 150
OFFER = {
    "title": "Platform Engineer",
    "description": (
        "We are looking for a platform engineer. You will run our Python services and "
        "deploy them on Kubernetes. PostgreSQL knowledge expected."
    ),
    "requirements": ["Python", "PostgreSQL", "Kubernetes"],
    "skills": ["Python", "PostgreSQL", "Kubernetes"],
    "languages": [],
}
FACT = "Moved 12 parcel services to Kubernetes with zero downtime"


async def press(control: Locator) -> None:
    await expect(control).to_be_visible()
    await control.click(delay=CLICK_DELAY_MS)


async def test_an_answered_requirement_reaches_the_next_pdf_as_the_users_own_statement(
    browser_page: Page, js_errors: list[str], db: AsyncSession, worker: Worker
) -> None:
    page = browser_page
    await register_with_form(page, "Alex Martin", unique_email("match-answer"))
    me = await signed_in_user_id(page)
    await factories.source_cv(db, me)
    offer = await factories.job_offer(db, me, **OFFER)

    await page.goto(f"/offers/{offer.id}")
    panel = page.get_by_test_id("match-panel")
    kube = panel.locator('.match-req[data-status="missing"]').filter(has_text="Kubernetes")
    await expect(kube).to_contain_text("Not covered:")
    score = int(await panel.get_attribute("data-score") or "0")
    # Opened and filled at the keyboard: the summary takes Enter, the fields take typing.
    await kube.get_by_text("I have done this: answer with a fact of my own").focus()
    await page.keyboard.press("Enter")
    await kube.get_by_label("What you did, in your own words").focus()
    await page.keyboard.type(FACT)
    await kube.get_by_label("Where you did it").select_option(
        label="Senior Backend Engineer — Acme Logistics"
    )
    await press(kube.get_by_role("button", name="Add to my bank"))
    await expect(panel.get_by_test_id("answer-saved")).to_be_visible()
    answered = panel.locator('.match-req[data-status="supported"]').filter(has_text="Kubernetes")
    await expect(answered.locator(".match-evidence q")).to_have_text(FACT)
    await expect(answered).to_contain_text("Your achievement")
    assert int(await panel.get_attribute("data-score") or "0") > score

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
    assert FACT in text

    await press(row.get_by_role("link", name="Changes"))
    await expect(page).to_have_url(re.compile(r"/changes$"))
    marked = page.locator('[data-status="from_bank"]').filter(has_text=FACT)
    await expect(marked.get_by_test_id("own-statement")).to_have_text("Your own statement")
    await expect(marked.get_by_test_id("from-bank")).to_contain_text("Kubernetes")
    assert js_errors == []
