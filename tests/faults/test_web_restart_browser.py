"""The web server restarts while a browser watches a generation: the page's EventSource
reconnects by itself and shows what happened meanwhile (an offer finished while the web was
down appears done, with its PDF), then follows the rest live — no reload."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from arq.worker import Worker
from playwright.async_api import Browser, expect
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CvGenerationOffer
from tests.browser.conftest import DESKTOP
from tests.browser.conftest import chromium as chromium  # the shared session-wide Chromium
from tests.browser.flows import sign_up_with_offers, start_generation
from tests.fakes import pipeline_llm
from tests.faults.conftest import Scene
from tests.faults.web import RestartableWeb
from tests.integration.pipeline_helpers import read_now

pytestmark = pytest.mark.browser

# Counts SSE (re)connections of the page, and marks the document to detect a reload.
PROBE = """
window.__sseOpens = 0;
document.addEventListener("htmx:sseOpen", () => { window.__sseOpens += 1; });
"""


@pytest.fixture
async def web(settings: Settings, session_factory: Any) -> AsyncIterator[RestartableWeb]:
    server = await RestartableWeb(settings).start()
    yield server
    await server.stop()


async def _offer_status(sessions: async_sessionmaker[AsyncSession], index: int) -> str:
    query = select(CvGenerationOffer.status).where(CvGenerationOffer.offer_index == index)
    return str(await read_now(sessions, query))


async def test_page_follows_a_generation_across_a_web_restart(
    chromium: Browser, web: RestartableWeb, scene: Scene, worker: Worker
) -> None:
    llm = scene.llm
    # Each offer takes at least 4 rounds of calls: 8 s for the first, ample for the page to
    # open its stream before it ends even on a busy machine; the second is slower still (12 s),
    # so it is still running when the web comes back.
    llm.latency_ms = 1000
    llm.script("Backend role 1", reply=pipeline_llm.honest, latency_ms=1000)
    llm.script("Backend role 2", reply=pipeline_llm.honest, latency_ms=2000)
    context = await chromium.new_context(base_url=web.url, viewport=DESKTOP, locale="en-GB")
    await context.add_init_script(PROBE)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        source_id, offers = await sign_up_with_offers(
            page,
            scene.db,
            "Alex Martin",
            "restart@example.com",
            ["Backend role 1", "Backend role 2"],
        )
        await start_generation(page, source_id, offers)
        first = page.locator('.offer-row[data-offer-index="0"]')
        second = page.locator('.offer-row[data-offer-index="1"]')
        await page.wait_for_function("() => window.__sseOpens >= 1", timeout=30_000)
        await expect(first).not_to_have_attribute("data-status", "completed")

        await page.evaluate("window.__beforeRestart = true")  # a reload would drop it
        await web.stop()  # every connection cut, as when the process dies
        async with asyncio.timeout(60):  # the worker goes on without the web
            while await _offer_status(scene.sessions, 0) != "completed":
                await asyncio.sleep(0.1)
        assert await first.get_attribute("data-status") != "completed", "no web, no news"
        assert await _offer_status(scene.sessions, 1) != "completed"
        await web.start()

        # No reload: the same document gets the state from the reconnected stream.
        await expect(first).to_have_attribute("data-status", "completed", timeout=60_000)
        await expect(first.locator('[data-testid="download"]')).to_be_visible()
        assert await page.evaluate("window.__beforeRestart === true"), "no reload"
        # The 5 s polling fallback (templates/generation/page.html) may bring the state before
        # the stream's reconnection back-off ends: wait for the reconnection itself.
        await page.wait_for_function("() => window.__sseOpens >= 2", timeout=60_000)
        href = await first.locator('[data-testid="download"]').get_attribute("href")
        pdf = await page.request.get(str(href))
        assert pdf.ok and (await pdf.body()).startswith(b"%PDF")
        # The offer still running when the web came back is then followed live.
        await expect(second).to_have_attribute("data-status", "completed", timeout=60_000)
        await expect(page.locator(".generation")).to_have_attribute("data-status", "completed")
        assert await page.evaluate("window.__beforeRestart === true"), "no reload"
    finally:
        await context.close()
    await scene.check_invariants()
    assert errors == []
