"""The API reference page under its Content-Security-Policy (app/lib/security_headers.py) in a
real Chromium: Redoc renders the operations, nothing is refused, nothing comes from outside."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Page, Request, expect

pytestmark = pytest.mark.browser


async def test_the_api_reference_renders_under_its_policy(
    browser_page: Page, js_errors: list[str], live_server: str
) -> None:
    page = browser_page
    requested: list[str] = []

    def note(request: Request) -> None:
        requested.append(request.url)

    page.on("request", note)
    await page.goto("/schema")
    await expect(page.get_by_role("heading", name=re.compile("CV Tailor"))).to_be_visible(
        timeout=30_000
    )
    await expect(page.get_by_text("DeleteAccount").first).to_be_attached()
    await expect(page.get_by_text("API docs by Redocly")).to_be_visible()
    await page.wait_for_load_state("networkidle")
    assert [u for u in requested if not u.startswith((live_server, "data:", "blob:"))] == []
    assert js_errors == []
