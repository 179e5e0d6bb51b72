"""The review of a tailored CV in a real Chromium: on the changes view, put a reworded bullet
back in the user's own words and bring back an experience the tailoring removed; htmx swaps the
view in place (no page load) and each change is saved as a new version."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Page, expect
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, CvVersion
from app.lib.cv_content import CvContent
from tests import factories
from tests.browser.flows import (
    PHONE,
    accessibility_problems,
    screenshot,
    sign_up_with_offers,
    signed_in_user_id,
    unique_email,
)

pytestmark = pytest.mark.browser

REWORDED = "Built Python and PostgreSQL services tracking 2 million parcels a day end to end"
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"
CLICK_DELAY_MS = 120  # press and release like a person, not in the same instant


async def tailored_cv(db: AsyncSession, user_id: str, source_id: str, offer_id: str) -> str:
    """A tailored CV as a generation leaves one: the first bullet reworded, the café job removed
    (with its reason code), saved with its first version."""
    source = CvContent.from_json(factories.EN_CV)
    tailored = source.model_copy(deep=True)
    tailored.experience[0].bullets = [REWORDED, *source.experience[0].bullets[1:3]]
    tailored.experience = [e for e in tailored.experience if e.id != "exp_cafe"]
    meta: dict[str, Any] = {
        "source_cv_id": source_id,
        "classification": [
            {"id": e.id, "decision": "REMOVE" if e.id == "exp_cafe" else "KEEP", "reason": ""}
            for e in source.experience
        ],
        "reasons": {"exp_cafe": {"code": "old_unrelated", "params": {"years": 10}}},
    }
    row = CvFile(
        user_id=user_id,
        kind="generated",
        filename="Alex Martin - Python Backend Developer.pdf",
        content=tailored.to_json(),
        extraction_status="completed",
        job_offer_id=offer_id,
        language="en",
        generation_meta=meta,
    )
    db.add(row)
    await db.flush()
    db.add(CvVersion(cv_file_id=row.id, version=1, content=row.content, created_by="tailoring"))
    await db.commit()
    return row.id


async def test_revert_a_bullet_and_restore_an_experience_from_the_changes_view(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    page = browser_page
    source_id, (offer_id,) = await sign_up_with_offers(
        page, db, "Alex Martin", unique_email("review"), ["Python Backend Developer"]
    )
    cv_id = await tailored_cv(db, await signed_in_user_id(page), source_id, offer_id)

    await page.goto(f"/cvs/{cv_id}/changes")
    acme = page.locator('article[data-item="exp_acme"]')
    cafe = page.locator('article[data-item="exp_cafe"]')
    await expect(acme.locator('tr[data-status="rewritten"]')).to_contain_text(REWORDED)
    await expect(cafe).to_have_attribute("data-decision", "REMOVE")
    await expect(cafe).to_contain_text("Ended over 10 years ago")
    await expect(page.locator('[data-testid="match-panel"]')).to_contain_text(REWORDED)
    await page.evaluate("window.__samePage = true")  # gone if the browser loaded a new page

    await acme.get_by_role("button", name="Use my wording").click(delay=CLICK_DELAY_MS)
    await expect(page.locator('[data-testid="review-saved"]')).to_contain_text("version 2")
    await expect(acme.locator('tr[data-status="rewritten"]')).to_have_count(0)
    await expect(acme.locator("tbody tr").first).to_contain_text(
        "Built Python and PostgreSQL services handling 2 million parcels a day"
    )
    await expect(acme).not_to_contain_text(REWORDED)
    # The match panel below was swapped too: its evidence quotes the CV as it is now.
    await expect(page.locator('[data-testid="match-panel"]')).not_to_contain_text(REWORDED)

    await cafe.get_by_role("button", name="Put it back").click(delay=CLICK_DELAY_MS)
    await expect(page.locator('[data-testid="review-saved"]')).to_contain_text("version 3")
    await expect(cafe).to_have_attribute("data-decision", "KEEP")
    await expect(cafe).to_contain_text("Your choice")
    choices = page.locator('[data-testid="review-overrides"] li')
    await expect(choices).to_have_count(2)
    await expect(choices.first).to_contain_text("“Barista” put back")
    assert await page.evaluate("window.__samePage === true")
    await screenshot(page, "changes-review.png")
    assert await accessibility_problems(page) == []
    await page.set_viewport_size(PHONE)
    await screenshot(page, "changes-review-phone.png")
    assert await page.evaluate(NO_SIDEWAYS_SCROLL), "the changes view scrolls sideways on a phone"

    saved = await db.scalar(select(func.count()).where(CvVersion.cv_file_id == cv_id))
    assert saved == 3
    await db.commit()  # end the read: the next one sees the web process's writes
    row = await db.get(CvFile, cv_id)
    assert row is not None
    await db.refresh(row)
    content = CvContent.from_json(row.content)
    assert [e.id for e in content.experience] == ["exp_acme", "exp_beta", "exp_cafe", "exp_side"]
    assert content.experience[0].bullets[0] == factories.EN_CV["experience"][0]["bullets"][0]
    assert js_errors == []
