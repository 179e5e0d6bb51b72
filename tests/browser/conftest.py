"""A real Chromium (Debian's, driven by Playwright's async API) against the ``live_server``.

The browser is launched once per session; every test gets a fresh context (own cookies, own
storage) and one page whose JavaScript errors are collected in ``js_errors``. Playwright's own
browser download needs the internet, so the system Chromium is always used
(``CHROMIUM_PATH`` overrides ``/usr/bin/chromium``).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, ConsoleMessage, Page, async_playwright, expect

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP = {"width": 1280, "height": 800}

# Playwright's expect() gives up after 5 s by default: too little for Chromium on a busy machine.
# A wait ends as soon as its condition holds, so a longer limit costs nothing when all is well
# (tests/faults/test_web_restart_browser.py imports this module, and so gets it too).
expect.set_options(timeout=20_000)

# Marks an SSE connection as open the moment htmx's SSE extension reports it.
SSE_PROBE = """
window.__sseOpen = false;
document.addEventListener("htmx:sseOpen", () => { window.__sseOpen = true; });
"""


@pytest.fixture(scope="session")
async def chromium() -> AsyncIterator[Browser]:
    if not Path(CHROMIUM_PATH).exists():
        if os.environ.get("CI") == "1":
            pytest.fail(f"CI=1 but no Chromium at {CHROMIUM_PATH}")
        pytest.skip(f"no Chromium at {CHROMIUM_PATH} (set CHROMIUM_PATH)")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS
        )
        yield browser
        await browser.close()


@pytest.fixture
def js_errors() -> list[str]:
    """Uncaught exceptions and console errors of the test's page (favicon 404s excepted)."""
    return []


def _is_favicon_404(message: ConsoleMessage) -> bool:
    return "favicon.ico" in (message.location or {}).get("url", "") or (
        "favicon" in message.text and "404" in message.text
    )


@pytest.fixture
async def browser_page(
    chromium: Browser, live_server: str, js_errors: list[str]
) -> AsyncIterator[Page]:
    """A fresh context (English UI, desktop size) with one page; relative URLs hit live_server.

    Depends on ``live_server`` so the context closes (and its SSE connections with it) before the
    server shuts down.
    """
    context = await chromium.new_context(
        base_url=live_server, viewport=DESKTOP, locale="en-US", timezone_id="UTC"
    )
    await context.add_init_script(SSE_PROBE)
    page = await context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and not _is_favicon_404(message):
            url = (message.location or {}).get("url", "")
            js_errors.append(f"console.error: {message.text} ({url})")

    page.on("pageerror", lambda exc: js_errors.append(f"pageerror: {exc}"))
    page.on("console", on_console)
    try:
        yield page
    finally:
        await context.close()
