"""A real browser (Debian's Chromium through Playwright) follows a generation live."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from typing import Any

import pytest
from arq.worker import Worker
from playwright.async_api import Browser, Page, async_playwright, expect
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.admin.settings_service import update_setting
from app.lib.llm import StructuredMode, mode_cache
from tests import factories
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
async def chromium() -> AsyncIterator[Browser]:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        await browser.close()


async def _sign_up(page: Page, base: str, email: str) -> None:
    await page.goto(f"{base}/register")
    await page.fill("#display_name", "Alex Martin")
    await page.fill("#email", email)
    await page.fill("#password", "correct horse")
    await page.click("button[type=submit]")
    await expect(page.locator("h1")).to_contain_text("Alex Martin")


async def test_generation_page_updates_live_and_offers_the_first_cv_early(
    live_server: str, chromium: Browser, db: AsyncSession, worker: Worker
) -> None:
    errors: list[str] = []
    with FakeOpenAIServer(default_reply=pipeline_llm.honest, latency_ms=250) as llm:
        mode_cache.set(llm.base_url, "gpt-4o-mini", StructuredMode.JSON_SCHEMA)
        await update_setting(db, "llm_base_url", llm.base_url)
        await db.commit()
        context = await chromium.new_context(
            viewport={"width": 1280, "height": 800}, locale="en-GB"
        )
        page = await context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        await _sign_up(page, live_server, "browser-gen@example.com")
        me: dict[str, Any] = await page.evaluate("fetch('/api/auth/me').then(r => r.json())")
        source = await factories.source_cv(db, me["id"])
        offers = [
            (await factories.job_offer(db, me["id"], title=f"Backend role {i}")).id for i in (1, 2)
        ]
        started = await page.evaluate(
            """async ([source, offers]) => {
                const cookie = document.cookie.split('; ').find(c => c.startsWith('csrftoken='));
                const token = cookie.split('=')[1];
                const r = await fetch('/api/cv/generate-v2', {method: 'POST',
                    headers: {'content-type': 'application/json', 'x-csrftoken': token},
                    body: JSON.stringify({sourceCvFile: source, jobOfferIds: offers})});
                return r.json();
            }""",
            [source.id, offers],
        )
        await page.goto(f"{live_server}/generations/{started['taskId']}")
        first = page.locator('.offer-row[data-offer-index="0"]')
        second = page.locator('.offer-row[data-offer-index="1"]')
        # Dots advance without a reload (SSE fragments swapped by htmx).
        await expect(page.locator(".dot.running").first).to_be_visible(timeout=10_000)
        await expect(first.locator('[data-testid="download"]')).to_be_visible(timeout=15_000)
        # The first CV is offered, and downloads as a PDF, while the second is still tailored.
        assert await second.get_attribute("data-status") != "completed"
        href = await first.locator('[data-testid="download"]').get_attribute("href")
        assert href is not None
        pdf = await page.request.get(f"{live_server}{href}")
        assert pdf.ok and (await pdf.body()).startswith(b"%PDF")
        assert await second.get_attribute("data-status") != "completed"
        await expect(page.locator('[data-testid="progress-count"]')).to_have_text(
            "2/2 offers", timeout=15_000
        )
        await expect(page.locator(".generation")).to_have_attribute("data-status", "completed")
        await page.screenshot(path="docs/screenshots/generation.png", full_page=True)
        await context.close()
        mode_cache.clear()
    assert errors == []
