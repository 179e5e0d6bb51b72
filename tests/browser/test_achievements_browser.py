"""The achievements bank in a real Chromium, clicked like a person (press, ~150 ms, release):
a new achievement written through the form, linked to an experience of the CV; marked complete
with its task missing, the page comes back with the message, the field marked and everything
typed kept; completed and saved, it is in the list with its experience. Screenshots of the
list and the form; no JavaScript error."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Locator, Page, expect
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Achievement
from tests.browser.flows import screenshot, sign_up_with_offers, unique_email

pytestmark = pytest.mark.browser

CLICK_DELAY_MS = 150


async def press(control: Locator) -> None:
    await expect(control).to_be_visible()
    await control.click(delay=CLICK_DELAY_MS)


async def test_write_an_achievement_through_the_form(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    page = browser_page
    source_id, _ = await sign_up_with_offers(
        page, db, "Alex Martin", unique_email("bank"), ["Platform Engineer"]
    )
    await page.goto("/")
    await press(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Achievements")
    )
    await expect(page).to_have_url(re.compile(r"/achievements$"))
    await press(page.get_by_role("link", name="New achievement"))

    await page.get_by_label("Title", exact=True).fill("Faster payment batch")
    await page.get_by_label("Situation", exact=True).fill("The nightly payment batch took 6 hours.")
    await page.get_by_label("Action", exact=True).fill("I moved the batch to Kubernetes jobs.")
    await page.get_by_label("Result", exact=True).fill("I cut the batch run time to 40 minutes.")
    await page.get_by_label(re.compile("^Skills shown")).fill("Kubernetes, Python")
    await page.get_by_label("Experience it belongs to").select_option(
        label="Software Developer — Beta Bank (2017-09 – 2021-02)"
    )
    await press(page.get_by_role("radio", name=re.compile("^Complete")))
    await press(page.get_by_role("button", name="Add the achievement"))

    # Refused: the task is missing. Back on the form with the message, nothing typed lost.
    await expect(page).to_have_url(re.compile(r"/achievements/new$"))
    await expect(page.get_by_role("alert")).to_contain_text("“Task” is empty")
    task = page.get_by_label("Task", exact=True)
    await expect(task).to_have_attribute("aria-invalid", "true")
    await expect(task).to_be_focused()
    await expect(page.get_by_label("Result", exact=True)).to_have_value(
        "I cut the batch run time to 40 minutes."
    )
    await expect(page.get_by_label("Experience it belongs to")).to_have_value(
        re.compile(rf"^{source_id}\|exp_beta$")
    )
    await task.fill("I had to finish it before the branches opened.")
    await screenshot(page, "achievement-form.png")
    await press(page.get_by_role("button", name="Add the achievement"))

    await expect(page.get_by_role("status")).to_contain_text("Saved.")
    await expect(page).to_have_url(re.compile(r"/achievements/[^/?]+\?saved=1$"))
    await press(page.get_by_role("link", name="Achievements").first)
    row = page.locator("#achievements li").filter(has_text="Faster payment batch")
    await expect(row).to_contain_text("complete")
    await expect(row).to_contain_text("Software Developer — Beta Bank")
    await screenshot(page, "achievements.png")

    stored = (await db.scalars(select(Achievement))).all()
    assert [(a.title, a.status, a.experience_id, a.skills) for a in stored] == [
        ("Faster payment batch", "complete", "exp_beta", ["Kubernetes", "Python"])
    ]
    assert js_errors == []
