"""The account page's "Your own AI key" box in a real Chromium: test the typed endpoint (htmx),
save it, see only the key's ending. Screenshot: own-ai-key.png (tests/browser/flows.py)."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from app.settings.service import update_setting
from tests.browser.flows import register_with_form, screenshot, unique_email
from tests.fakes.openai_server import FakeOpenAIServer

pytestmark = pytest.mark.browser

KEY = "sk-browser-own-key-93kd0Qw7"


async def test_a_user_tests_and_saves_their_own_endpoint_and_sees_only_its_ending(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    page = browser_page
    await register_with_form(page, "Own Key", unique_email("ownkey"))
    await update_setting(db, "allow_private_offer_urls", "true")  # the fake is on loopback
    await db.commit()
    with FakeOpenAIServer(api_key=KEY, models=["my-model"]) as llm:
        await page.goto("/account#ai-endpoint")
        await page.fill("#ai_base_url", llm.base_url)
        await page.fill("#ai_api_key", KEY)
        await page.fill("#ai_model_tailoring", "my-model")
        await page.get_by_role("button", name="Test the connection").click(delay=150)
        await expect(page.locator("#ai-connection-report [data-result='ok']")).to_be_visible()
        await page.get_by_role("button", name="Save my endpoint").click(delay=150)
        await expect(page.locator(".alert.success")).to_contain_text("Your AI endpoint is saved")
        await expect(page.locator("[data-key-state='set']")).to_have_text(
            f"key set, ending {KEY[-4:]}"
        )
        await expect(page.locator("#ai_api_key")).to_have_value("")
        assert KEY not in await page.content()
        await page.locator("#ai-endpoint").scroll_into_view_if_needed()
        await screenshot(page, "own-ai-key.png")
    assert js_errors == []
