"""Session-bound CSRF tokens in a real Chromium (app/lib/csrf.py): a form posted right after a
sign-in works, and a tab left open across a sign-out and sign-in in another tab is refused with
a message that says what to do (its token belonged to the old session)."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Locator, Page, expect

from tests.browser.flows import register_with_form, sign_in_with_form, unique_email

pytestmark = pytest.mark.browser

CLICK_DELAY_MS = 150  # press and release like a person, not in the same instant
STALE = "This form was loaded before a sign-in or sign-out; reload the page."


async def press(control: Locator) -> None:
    await expect(control).to_be_visible()
    await control.click(delay=CLICK_DELAY_MS)


async def create_token(page: Page, name: str) -> None:
    await page.fill("#token_name", name)
    await press(page.get_by_role("button", name="Create token"))


async def test_a_tab_left_open_across_a_sign_in_asks_for_a_reload(
    browser_page: Page, js_errors: list[str]
) -> None:
    page = browser_page
    email = unique_email("hedy")
    await register_with_form(page, "Hedy Lamarr", email)
    await page.goto("/account")  # this tab's form carries the sign-up session's token

    other = await page.context.new_page()
    await other.goto("/account")
    await press(other.locator('form[action="/logout"] button'))
    await expect(other).to_have_url(re.compile(r"/login$"))
    await sign_in_with_form(other, email)
    await expect(other).to_have_url(re.compile(r"/$"))
    # Right after the sign-in, without any reload: a form post goes through.
    await other.goto("/account")
    await create_token(other, "after sign-in")
    await expect(other.get_by_test_id("new-token")).to_be_visible()

    # The first tab still shows the old session's form: refused, and told why.
    await create_token(page, "stale tab")
    await expect(page.get_by_role("alert")).to_have_text(STALE)
    await page.goto("/account")
    await expect(page.locator("#api-tokens tbody tr")).to_have_count(1)  # nothing was created
    await create_token(page, "after reload")
    await expect(page.get_by_test_id("new-token")).to_be_visible()
    await expect(page.locator("#api-tokens tbody tr")).to_have_count(2)
    # The refusal itself is a 403 page, which Chromium logs; nothing else went wrong.
    assert [e for e in js_errors if "403" not in e] == []
