"""The header's credit counter in a real Chromium: two tabs of one user; a generation started
in one tab (its debit) and its cancel (the refund) show in the other tab's counter without a
reload, through that tab's SSE stream."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser, Page, expect
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import User
from tests.browser.flows import (
    post_generation,
    sign_up_with_offers,
    signed_in_user_id,
    unique_email,
)
from tests.browser.test_task_centre_browser import SYNC_SECONDS, stream_open, two_tabs
from tests.integration.pipeline_helpers import read_now

pytestmark = pytest.mark.browser


async def _balance(sessions: async_sessionmaker[AsyncSession], user_id: str) -> int:
    return int(await read_now(sessions, select(User.credit_balance).where(User.id == user_id)) or 0)


async def _post(page: Page, path: str) -> int:
    """An htmx-style POST from the page (its session cookie and CSRF token); the status."""
    status: int = await page.evaluate(
        """async (path) => {
            const token = document.cookie.split('; ').find(c => c.startsWith('csrftoken='))
                .split('=')[1];
            const r = await fetch(path, {method: 'POST',
                headers: {'x-csrftoken': token, 'hx-request': 'true'}});
            return r.status;
        }""",
        path,
    )
    return status


async def test_debit_and_refund_in_one_tab_update_the_other_tabs_counter(
    chromium: Browser,
    live_server: str,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    js_errors: list[str],
) -> None:
    async with two_tabs(chromium, live_server, js_errors) as (_, tab_a, tab_b):
        source_id, offers = await sign_up_with_offers(
            tab_a, db, "Alex Martin", unique_email("credits"), ["Role 1", "Role 2"]
        )
        me = await signed_in_user_id(tab_a)
        before = await _balance(session_factory, me)
        await tab_b.goto("/")
        await stream_open(tab_b)
        counter_b = tab_b.locator("#credit-counter")
        await expect(counter_b).to_have_text(f"{before} credits")
        # Survives only if B is never reloaded.
        await tab_b.evaluate("window.__sameDocument = true")

        # No worker runs: the generation stays queued, so only its launch and cancel move credits.
        task_id = await post_generation(tab_a, source_id, offers)
        debited = await _balance(session_factory, me)
        assert debited == before - 2  # one credit per offer
        await expect(counter_b).to_have_text(f"{debited} credits", timeout=SYNC_SECONDS * 1000)
        # The dashboard's credits card follows too.
        await expect(tab_b.locator("#credit-balance")).to_have_text(str(debited))

        assert await _post(tab_a, f"/generations/{task_id}/cancel") == 200
        await expect(counter_b).to_have_text(f"{before} credits", timeout=SYNC_SECONDS * 1000)
        await expect(tab_b.locator("#credit-balance")).to_have_text(str(before))
        assert await _balance(session_factory, me) == before
        assert await tab_b.evaluate("window.__sameDocument === true")
    assert js_errors == []
