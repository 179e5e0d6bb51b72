"""An ad whose company the reader doubts, in a real Chromium clicked like a person: the offer's
page asks "Job · Company · Place — correct?" with the other name the ad gives; picking it
renames the offer (the question goes away), and the next tailored PDF's file name and the
cover letter written from the offer use the picked name (app/domain/offers/header_check.py)."""

from __future__ import annotations

import re

import pytest
from arq.worker import Worker
from playwright.async_api import Locator, Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories
from tests.browser.flows import register_with_form, signed_in_user_id, unique_email

pytestmark = pytest.mark.browser

CLICK_DELAY_MS = 150
WORK_TIMEOUT_MS = 120_000  # the real worker tailors and writes; order, not speed
AD = (
    "Senior Software Engineer, Worker Platform - Tallow Peak\n\n"
    "You will be working for Brivara Labs, the group behind the platform. Brivara Labs runs "
    "millions of jobs a day; Brivara Labs hires engineers who like reliable systems.\n"
    "Requirements\n- 5 years of experience with Python\n- Knowledge of PostgreSQL and Kafka\n"
)


async def press(control: Locator) -> None:
    await expect(control).to_be_visible()
    await control.click(delay=CLICK_DELAY_MS)


async def test_a_doubted_company_is_confirmed_by_one_click_and_names_the_pdf_and_letter(
    browser_page: Page, js_errors: list[str], db: AsyncSession, worker: Worker
) -> None:
    page = browser_page
    await register_with_form(page, "Alex Martin", unique_email("confirm-header"))
    me = await signed_in_user_id(page)
    source = await factories.source_cv(db, me)
    offer = await factories.job_offer(
        db,
        me,
        title="Senior Software Engineer, Worker Platform",
        company="Brivara Labs",  # the name the body repeats, as the reader takes it, doubted
        location="",
        description=AD,
    )

    await page.goto(f"/offers/{offer.id}")
    card = page.locator('[data-testid="confirm-header"]')
    await expect(card).to_be_visible()
    await expect(card.get_by_role("heading")).to_contain_text("Brivara Labs")
    pick = card.locator('[data-testid="pick-company"]', has_text="Tallow Peak")
    await press(pick)
    await expect(page).to_have_url(re.compile(rf"/offers/{offer.id}\?saved=1$"))
    await expect(page.locator('[data-testid="confirm-header"]')).to_have_count(0)
    await expect(page.locator("#offer-company")).to_have_value("Tallow Peak")
    # The keyboard reaches the form's fields as well (no question left: the offer's own form).
    await page.locator("#offer-title").focus()
    await page.keyboard.press("Tab")
    await expect(page.locator("#offer-company")).to_be_focused()

    # The next tailored CV is named after the picked company.
    await page.goto("/offers")
    await page.locator(f'input[name="job_offer_ids"][value="{offer.id}"]').check()
    await page.locator('select[name="source_cv_id"]').select_option(source.id)
    await press(page.get_by_role("button", name="Generate"))
    await expect(page).to_have_url(re.compile(r"/generations/[^/]+$"))
    download = page.locator('[data-testid="download"]').first
    await expect(download).to_be_visible(timeout=WORK_TIMEOUT_MS)
    async with page.expect_download() as info:
        await download.click(delay=CLICK_DELAY_MS)
    assert "Tallow Peak" in (await info.value).suggested_filename

    # So is the letter written from the offer's page.
    await page.goto(f"/offers/{offer.id}")
    await press(page.locator("#cover-letters").get_by_role("button", name="Write a cover letter"))
    await expect(page).to_have_url(re.compile(r"/cover-letters/[^/]+$"))
    await expect(page.locator("#editor")).to_be_visible(timeout=WORK_TIMEOUT_MS)
    await expect(page.locator("body")).to_contain_text("Tallow Peak")
    assert "Brivara Labs" not in await page.locator("#editor").inner_text()
    assert js_errors == []
