"""The admin settings page in a real Chromium: the model chosen for a phase on the page is the one
the next generation's subtasks record; a member gets the 403 page; French rendering."""

from __future__ import annotations

import re

import pytest
from arq.worker import Worker
from playwright.async_api import Browser, Page, expect
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvGenerationSubtask, Setting
from app.lib.llm import StructuredMode, mode_cache
from tests import factories
from tests.browser.flows import register_with_form, unique_email
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer

pytestmark = pytest.mark.browser

CLASSIFY_MODEL = "gpt-4.1-classifier"


async def save_endpoint_and_classify_model(page: Page, base_url: str) -> None:
    await page.goto("/admin")
    await page.fill("#llm_base_url", base_url)
    await page.get_by_role("button", name="Save the endpoint").click()
    await expect(page.locator("#llm_base_url")).to_have_value(base_url)
    await page.fill("#model_cv_classify", CLASSIFY_MODEL)
    await page.get_by_role("button", name="Save the models").click()
    await expect(page.locator("#model_cv_classify")).to_have_value(CLASSIFY_MODEL)
    await page.get_by_role("button", name="Test the connection").click()
    await expect(page.locator("#connection-report [data-mode]")).to_be_visible(timeout=30_000)


async def test_the_model_saved_on_the_page_is_the_one_the_next_generation_uses(
    browser_page: Page,
    js_errors: list[str],
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    page = browser_page
    await register_with_form(page, "Admin Person", unique_email("admin"))  # first account
    # It lists the models the page tests (the endpoint's save tests the default classify model).
    served = [CLASSIFY_MODEL, "gpt-4o-mini"]
    with FakeOpenAIServer(default_reply=pipeline_llm.honest, models=served) as llm:
        mode_cache.set(llm.base_url, CLASSIFY_MODEL, StructuredMode.JSON_SCHEMA)
        try:
            await save_endpoint_and_classify_model(page, llm.base_url)
            me = await page.evaluate("fetch('/api/auth/me').then(r => r.json())")
            await factories.source_cv(db, me["id"])
            await factories.job_offer(db, me["id"], title="Platform engineer")
            await page.goto("/offers")
            await page.locator('input[name="job_offer_ids"]').first.check()
            await page.get_by_role("button", name="Generate").click()
            await expect(page.locator(".generation")).to_have_attribute(
                "data-status", "completed", timeout=60_000
            )
        finally:
            mode_cache.clear()
        classify_calls = [r for r in llm.chat_requests if pipeline_llm.phase_of(r) == "classify"]
    assert classify_calls and {r.model for r in classify_calls} == {CLASSIFY_MODEL}
    async with session_factory() as session:
        used = {
            row.type: row.model_used for row in await session.scalars(select(CvGenerationSubtask))
        }
    assert used["classify"] == CLASSIFY_MODEL
    assert used["batch_experience"] != CLASSIFY_MODEL  # other phases keep their own model

    # The statistics table now lists the model per phase.
    await page.goto("/admin")
    await expect(page.locator("#stats")).to_contain_text(CLASSIFY_MODEL)
    # French rendering of the same page.
    await page.locator('form[action="/locale"] button').click()
    await expect(page.locator("html")).to_have_attribute("lang", "fr")
    await expect(page.locator("#models h2")).to_have_text("Modèles par phase")
    assert js_errors == []


async def test_a_member_gets_the_403_page(chromium: Browser, live_server: str) -> None:
    # Two browser contexts, as two people on two machines: the owner's page may still have a
    # request in flight when it is done (an HTMX poll, the event stream), and in a shared
    # context its answer could set the owner's cookie again after it was cleared, so the
    # sign-up page would send the member home (seen once in a full run).
    owner = await chromium.new_context(base_url=live_server, locale="en-US")
    visitor = await chromium.new_context(base_url=live_server, locale="en-US")
    try:
        await register_with_form(await owner.new_page(), "Owner", unique_email("owner"))
        member = await visitor.new_page()
        await register_with_form(member, "Member", unique_email("member"))
        response = await member.goto("/admin")
        assert response is not None and response.status == 403
        await expect(member.locator("main")).to_contain_text(re.compile("admin", re.I))
        await expect(member.locator('nav a[href="/admin"]')).to_have_count(0)
    finally:
        await visitor.close()
        await owner.close()


async def test_the_test_button_tests_the_typed_endpoint_without_saving_it(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    page = browser_page
    await register_with_form(page, "Admin Person", unique_email("admin"))  # first account
    with FakeOpenAIServer(models=["gpt-4o-mini"]) as llm:
        await page.goto("/admin")
        await page.fill("#llm_base_url", llm.base_url)
        await page.get_by_role("button", name="Save the endpoint").click()
        await expect(page.locator("#connection-report [data-result='ok']")).to_be_visible()
        # Typed, not saved: the test reaches the typed URL (a closed port), the saved one stays.
        await page.fill("#llm_base_url", "http://127.0.0.1:9/v1")
        await page.get_by_role("button", name="Test the connection").click()
        report = page.locator("#connection-report [data-result='unreachable']")
        await expect(report).to_be_visible(timeout=30_000)
        await expect(report).to_contain_text("127.0.0.1:9")
        saved = await db.scalar(select(Setting.value).where(Setting.setting_name == "llm_base_url"))
        assert saved == llm.base_url
        # Saving it now asks first; "Save anyway" saves it.
        await page.get_by_role("button", name="Save the endpoint").click()
        await expect(page.locator("[data-not-saved]")).to_be_visible()
        await expect(page.locator("#llm_base_url")).to_have_value("http://127.0.0.1:9/v1")
        await page.get_by_role("button", name="Save anyway").click()
        await expect(page.locator("[data-not-saved]")).to_have_count(0)
    await db.commit()  # a fresh snapshot
    saved = await db.scalar(select(Setting.value).where(Setting.setting_name == "llm_base_url"))
    assert saved == "http://127.0.0.1:9/v1"
    assert js_errors == []
