"""The pitch coach in a real Chromium, clicked like a person (press, ~150 ms, release): a
30-second pitch for an offer written by the real worker (the offline engine: no AI service set)
from the CV and the complete achievements, the page turning from "being written" to the pitch on
its own, with its word count and speaking time; made the default, edited; then a 3-minute pitch
for a context typed in the form, taking the default over. Screenshotted on a desktop and on a
390 px phone, where it must not scroll sideways; no JavaScript error anywhere."""

from __future__ import annotations

import re

import pytest
from arq.worker import Worker
from playwright.async_api import Locator, Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Achievement
from app.lib.speech import word_count
from tests.browser.flows import (
    PHONE,
    accessibility_problems,
    path_of,
    screenshot,
    sign_up_with_offers,
    signed_in_user_id,
    unique_email,
)
from tests.pitch_stories import EN_STORIES

pytestmark = pytest.mark.browser

CLICK_DELAY_MS = 150
WRITING_TIMEOUT_MS = 120_000  # the worker writes and the stream reports it; order, not speed
SIDEWAYS_OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
EDITED = "Hello, I am Alex Martin. I build parcel tracking services that stay fast."


async def press(control: Locator) -> None:
    await expect(control).to_be_visible()
    await control.click(delay=CLICK_DELAY_MS)


async def written(page: Page) -> str:
    """Wait on the pitch's page until the pitch shows (no action of ours); its path."""
    await expect(page).to_have_url(re.compile(r"/pitches/[^/]+$"))
    text = page.locator("#pitch-text")
    await expect(page.locator("#pitch-status").or_(text)).to_be_visible()
    await expect(text).to_be_visible(timeout=WRITING_TIMEOUT_MS)
    return path_of(page)


async def test_write_a_pitch_make_it_default_edit_it_then_a_longer_one(
    browser_page: Page, js_errors: list[str], db: AsyncSession, worker: Worker
) -> None:
    page = browser_page
    await sign_up_with_offers(
        page, db, "Alex Martin", unique_email("pitch"), ["Python Backend Developer"]
    )
    me = await signed_in_user_id(page)
    db.add_all(Achievement(user_id=me, status="complete", **row) for row in EN_STORIES)
    await db.commit()

    # The form: the source CV, 30 seconds (the default), for the offer (the first target).
    await page.goto("/pitches")
    form = page.get_by_test_id("pitch-form")
    await expect(form.get_by_label("For")).to_have_value(re.compile(r".+"))
    await press(form.get_by_role("button", name="Write the pitch"))
    first_path = await written(page)

    body = page.get_by_test_id("pitch-body")
    await expect(body).to_contain_text("Alex Martin")
    await expect(body).to_contain_text("Python Backend Developer")
    await expect(body).to_contain_text("35%")  # the achievement's result, said
    words = int(await page.get_by_test_id("pitch-words").inner_text())
    assert 55 <= words <= 90
    seconds = round(words * 60 / 140)
    await expect(page.get_by_test_id("pitch-duration")).to_have_text(
        f"{seconds // 60}:{seconds % 60:02d}"
    )
    await expect(page.get_by_text("Speaking time at 140 words a minute.")).to_be_visible()
    await expect(page.get_by_test_id("claims-dropped")).to_have_text("0")
    await screenshot(page, "pitch.png")

    # The default, then an edit kept as typed.
    await press(page.get_by_role("button", name="Make it my default pitch"))
    await expect(page.get_by_test_id("default-badge")).to_be_visible()
    await page.get_by_label("Text (a blank line between paragraphs)").fill(EDITED)
    await press(page.get_by_role("button", name="Save", exact=True))
    await expect(body).to_have_text(EDITED)
    await expect(page.get_by_test_id("pitch-words")).to_have_text(str(word_count(EDITED)))
    await expect(page.get_by_text("Shorter than aimed")).to_have_count(0)  # the user's choice

    # A 3-minute pitch for a context of one's own: it becomes the default.
    await page.goto("/pitches")
    form = page.get_by_test_id("pitch-form")
    await press(form.get_by_label("3-minute pitch"))
    await form.get_by_label("For").select_option("context")
    await form.get_by_label("Context").fill("the Lyon Python meetup")
    await press(form.get_by_role("button", name="Write the pitch"))
    long_path = await written(page)
    assert long_path != first_path
    await expect(page.get_by_test_id("pitch-body")).to_contain_text("the Lyon Python meetup")
    assert int(await page.get_by_test_id("pitch-words").inner_text()) > words
    await press(page.get_by_role("button", name="Make it my default pitch"))
    await page.goto("/pitches")
    rows = page.locator("[data-testid=pitch-list] tbody tr")
    await expect(rows).to_have_count(2)
    await expect(rows.first).to_contain_text("3-minute pitch")
    await expect(rows.first.get_by_test_id("default-badge")).to_be_visible()
    await expect(rows.nth(1).get_by_test_id("default-badge")).to_have_count(0)

    # A refused form comes back with the reason and what was typed.
    form = page.get_by_test_id("pitch-form")
    await form.get_by_label("For").select_option("context")
    await form.get_by_label("Context").fill("")
    await press(form.get_by_role("button", name="Write the pitch"))
    await expect(page).to_have_url(re.compile(r"/pitches$"))
    await expect(page.get_by_role("alert")).to_contain_text("Choose the target of the pitch")

    # On a phone: nothing sideways, every control labelled and named.
    await page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"]})
    for path in (long_path, "/pitches"):
        await page.goto(path)
        wide = await page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
            " > window.innerWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + '#'"
            " + e.id + ':' + Math.round(e.getBoundingClientRect().right))"
        )
        assert await page.evaluate(SIDEWAYS_OVERFLOW) <= 1, (path, wide)
        assert await accessibility_problems(page) == [], path
    await screenshot(page, "phone-pitches.png")
    assert js_errors == []
