"""The whole journey in a real Chromium, only through the pages a person uses.

Register → paste a CV → add two offers → tick both → "Generate" → watch the step dots advance →
download the first PDF while the second offer is still being tailored → preview, changes, list,
dashboard, account and admin pages, on desktop and phone widths, in English and French. Each
page is screenshotted (see flows.py) and must log no JavaScript error.
"""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from arq.worker import Worker
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from app.lib.llm import StructuredMode, mode_cache
from app.settings.service import update_setting
from tests.browser.flows import (
    PHONE,
    accessibility_problems,
    register_with_form,
    screenshot,
    unique_email,
)
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fixtures.cv_texts import TEXT_B

pytestmark = pytest.mark.browser

DESIGN_OFFER = """\
Senior Product Designer - Contoso Health
Seattle, WA · Hybrid

About the role
Contoso Health is hiring a Senior Product Designer for its patient mobile app.

What you'll do
• Own the design of the appointment booking flow, from research to prototypes in Figma.
• Run usability testing with patients and clinicians.

What we're looking for
• 5+ years designing mobile products; healthcare experience is a plus.
• A strong design-system practice.
"""

RESEARCH_OFFER = """\
Lead UX Researcher - Fabrikam Bank
Remote (US)

What you'll do
• Plan and run user research for our mobile banking app.
• Turn findings into design principles with the design team.

What we're looking for
• Experience with usability testing and prototyping.
• Fluent English; Mandarin is a plus.
"""


PROBLEMS: dict[str, list[str]] = {}


async def shot(page: Page, name: str) -> None:
    """Screenshot the page and record its accessibility problems (asserted at the end)."""
    await screenshot(page, name)
    PROBLEMS[name] = await accessibility_problems(page)


async def import_pasted_cv(page: Page, text: str) -> None:
    await page.goto("/cvs")
    await shot(page, "cvs.png")
    await page.fill("#cv-text", text)
    await page.get_by_role("button", name="Import the text").click()
    await expect(page).to_have_url(re.compile(r"/cvs/[^/]+$"))
    # The import runs in the worker; htmx reloads the page when it is over.
    await expect(page.locator("#import-status")).to_have_count(0, timeout=60_000)
    await expect(page.locator("h1")).to_contain_text("Emily Chen")


async def add_offer(page: Page, text: str, title: str) -> None:
    await page.goto("/offers")
    await page.fill("#offer-text", text)
    await page.get_by_role("button", name="Add the offer").click()
    await expect(page).to_have_url(re.compile(r"/offers/[^/]+$"))
    await expect(page.locator("#extract-status .alert")).to_have_count(0, timeout=60_000)
    await expect(page.locator("h1")).to_contain_text(title)


async def test_register_import_generate_and_download_while_the_next_offer_runs(
    browser_page: Page, js_errors: list[str], db: AsyncSession, worker: Worker
) -> None:
    page = browser_page
    PROBLEMS.clear()
    await register_with_form(page, "Emily Chen", unique_email("journey"))
    await import_pasted_cv(page, TEXT_B)
    # Pointing at the first job lights the lines it was read from in the pasted text beside it.
    await page.locator("#section-experience fieldset.cv-item").first.locator("legend").hover()
    await expect(page.locator(".source-text .source-line.lit").first).to_be_visible()
    await shot(page, "cv-review.png")
    await add_offer(page, DESIGN_OFFER, "Senior Product Designer")
    await shot(page, "offer.png")
    await add_offer(page, RESEARCH_OFFER, "Lead UX Researcher")

    # An offer is at least 4 rounds of calls: 2.4 s for the first; the second's are slower (below),
    # so the page shows one CV while the other runs, even on a busy machine.
    with FakeOpenAIServer(default_reply=pipeline_llm.honest, latency_ms=600) as llm:
        # Imports above used the offline engine; the generation goes through the LLM.
        mode_cache.set(llm.base_url, "gpt-4o-mini", StructuredMode.JSON_SCHEMA)
        await update_setting(db, "llm_base_url", llm.base_url)
        await db.commit()
        try:
            await page.goto("/offers")
            for box in await page.locator('input[name="job_offer_ids"]').all():
                await box.check()
            await shot(page, "offers.png")
            await page.get_by_role("button", name="Generate").click()
            await expect(page).to_have_url(re.compile(r"/generations/[^/]+$"))

            first = page.locator('.offer-row[data-offer-index="0"]')
            second = page.locator('.offer-row[data-offer-index="1"]')
            # The second offer's calls are slower still, so it is at work when the first is done.
            # (Offers run one after the other: the first is at its first round now.)
            second_title = await second.locator(".offer-title strong").inner_text()
            llm.script(second_title, reply=pipeline_llm.honest, latency_ms=1500)
            await expect(page.locator(".dot.running").first).to_be_visible(timeout=30_000)
            download = first.locator('[data-testid="download"]')
            await expect(download).to_be_visible(timeout=60_000)
            assert await second.get_attribute("data-status") != "completed"
            await shot(page, "generation.png")
            href = await download.get_attribute("href")
            assert href is not None
            response = await page.request.get(href)
            body = await response.body()
            assert response.ok and body.startswith(b"%PDF")
            with pdfplumber.open(io.BytesIO(body)) as pdf:
                assert "Emily Chen" in (pdf.pages[0].extract_text() or "")

            await expect(page.locator('[data-testid="progress-count"]')).to_have_text(
                "2/2 offers", timeout=60_000
            )
            await expect(page.locator(".generation")).to_have_attribute("data-status", "completed")
            # Each row checked its PDF by itself; the verdict arrives with the live panel.
            for row in (first, second):
                await expect(row.get_by_test_id("ats-verdict")).to_have_attribute(
                    "data-state", re.compile("^(pass|fix)$"), timeout=60_000
                )
        finally:
            mode_cache.clear()
    await shot(page, "generation-done.png")
    await page.set_viewport_size(PHONE)
    await shot(page, "generation-phone.png")
    await page.set_viewport_size({"width": 1280, "height": 800})

    await first.get_by_role("link", name="Preview").click()
    await expect(page).to_have_url(re.compile(r"/preview$"))
    # The address changes when the navigation commits, before a busy server's page has drawn.
    await expect(page.get_by_role("heading", level=1, name="Preview")).to_be_visible()
    await shot(page, "preview.png")
    await page.go_back()
    await (
        page.locator('.offer-row[data-offer-index="0"]').get_by_role("link", name="Changes").click()
    )
    await expect(page).to_have_url(re.compile(r"/changes$"))
    await expect(page.locator("h1")).to_be_visible()
    await shot(page, "changes.png")

    for path, name in [
        ("/generations", "generations.png"),
        ("/", "dashboard.png"),
        ("/account", "account.png"),
        ("/admin", "admin.png"),
    ]:
        response = await page.goto(path)
        assert response is not None and response.ok, path
        await shot(page, name)
    await page.goto("/")
    await page.set_viewport_size(PHONE)
    await shot(page, "dashboard-phone.png")
    await page.set_viewport_size({"width": 1280, "height": 800})

    # The same generation page in French: the catalogue's wording for steps and counts.
    await page.goto(page.url)
    await page.locator('form[action="/locale"] button').click()
    await page.goto("/generations")
    await page.locator("main a[href^='/generations/']").first.click()
    await expect(page.locator('[data-testid="progress-count"]')).to_have_text("2/2 offres")
    await expect(page.locator("html")).to_have_attribute("lang", "fr")
    await shot(page, "generation-fr.png")
    assert js_errors == []
    assert {name: found for name, found in PROBLEMS.items() if found} == {}
