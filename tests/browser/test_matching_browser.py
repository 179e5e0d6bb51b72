"""The match analysis on an offer page in a real Chromium: read it in English, choose another
CV (htmx swaps the panel and the address follows), read it in French, then on a phone."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories
from tests.browser.flows import (
    PHONE,
    accessibility_problems,
    screenshot,
    sign_up_with_offers,
    signed_in_user_id,
    unique_email,
)
from tests.fixtures.matching import GARDENER_CV

pytestmark = pytest.mark.browser

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


async def test_an_offer_page_shows_the_match_in_english_and_french_and_switches_cv(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    page = browser_page
    strong_id, (offer_id,) = await sign_up_with_offers(
        page, db, "Alex Martin", unique_email("match"), ["Python Backend Developer"]
    )
    # Created after: the most recent CV, so the page compares with it first.
    weak = await factories.source_cv(db, await signed_in_user_id(page), GARDENER_CV)

    await page.goto(f"/offers/{offer_id}")
    panel = page.locator('[data-testid="match-panel"]')
    await expect(
        panel.get_by_role("heading", name="How your CV matches this offer")
    ).to_be_visible()
    await expect(page.get_by_label("Compare with the CV")).to_have_value(weak.id)
    weak_score = await panel.get_attribute("data-score")
    await expect(
        panel.get_by_role("heading", name="Not in your CV — don't claim it")
    ).to_be_visible()
    await expect(panel.locator(".match-req.missing").first).to_contain_text("Not covered:")
    await screenshot(page, "offer-match.png")
    assert await accessibility_problems(page) == []

    await page.get_by_label("Compare with the CV").select_option(strong_id)
    await expect(panel).not_to_have_attribute("data-score", weak_score or "")
    await expect(page).to_have_url(re.compile(rf"/offers/{offer_id}\?cv={strong_id}$"))
    strong_score = await panel.get_attribute("data-score")
    assert strong_score is not None and int(strong_score) > int(weak_score or 0)
    covered = panel.locator(".match-req.covered").filter(has_text="Python").first
    await expect(covered).to_contain_text("Covered:")
    await expect(covered.locator(".match-evidence q")).to_contain_text("Python")

    await page.reload()  # the address names the CV shown: a reload shows it again
    await expect(page.get_by_label("Compare with the CV")).to_have_value(strong_id)
    await expect(panel).to_have_attribute("data-score", strong_score)

    await page.locator('form[action="/locale"] button').click()
    await expect(page.locator("html")).to_have_attribute("lang", "fr")
    panel = page.locator('[data-testid="match-panel"]')
    await expect(panel.get_by_role("heading", name="Votre CV face à cette offre")).to_be_visible()
    await expect(
        panel.get_by_text("Le maximum que votre CV peut appuyer honnêtement.")
    ).to_be_visible()
    # The language switch comes back without the choice: the most recent CV again.
    await expect(panel).to_have_attribute("data-score", weak_score or "")
    await expect(
        panel.get_by_role("heading", name="Absent de votre CV — ne le revendiquez pas")
    ).to_be_visible()
    await page.get_by_label("Comparer avec le CV").select_option(strong_id)
    await expect(panel).to_have_attribute("data-score", strong_score)
    await expect(panel.locator(".match-req.covered").first).to_contain_text("Couvert :")

    await page.set_viewport_size(PHONE)
    await screenshot(page, "offer-match-phone.png")
    assert await page.evaluate(NO_SIDEWAYS_SCROLL), "the offer page scrolls sideways on a phone"
    await page.goto("/offers?sort=match")
    await expect(page.locator(".match-badge").first).to_be_visible()
    assert await page.evaluate(NO_SIDEWAYS_SCROLL), "the offers list scrolls sideways on a phone"
    assert await accessibility_problems(page) == []
    assert js_errors == []
