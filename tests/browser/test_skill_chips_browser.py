"""The CV editor's skills as chips in a real Chromium (static/js/skill_chips.js): Enter adds a
chip, a chip's remove button (pressed like a person: down, ~150 ms, up, or from the keyboard)
and Backspace remove one, Save keeps them; 31 skills take a compact block, not a card each."""

from __future__ import annotations

import pytest
from playwright.async_api import Locator, Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from tests.browser.flows import (
    accessibility_problems,
    register_with_form,
    screenshot,
    unique_email,
)
from tests.integration.test_cv_editor_skills import store_cv
from tests.integration.test_cv_import_pages import content

pytestmark = pytest.mark.browser

HELD_MS = 150
CATEGORIES = ("Languages", "Tools", "")
SKILLS = [
    {"name": f"Skill {i:02d}", "category": CATEGORIES[i % 3], "level": "Expert" if i == 0 else ""}
    for i in range(31)
]


async def press(page: Page, target: Locator) -> None:
    await target.scroll_into_view_if_needed()  # the mouse only reaches what is on screen
    box = await target.bounding_box()
    assert box is not None
    await page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    await page.mouse.down()
    await page.wait_for_timeout(HELD_MS)
    await page.mouse.up()


async def test_skill_chips_add_remove_and_save(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    page = browser_page
    email = unique_email("chips")
    await register_with_form(page, "Chip Tester", email)
    # The CV is filed straight into the database (its import is tested elsewhere).
    cv_id = await store_cv(db, email, {"header": {"name": "Chip Tester"}, "skills": SKILLS})
    await page.goto(f"/cvs/{cv_id}")
    section = page.locator("#section-skills")
    chips = section.locator(".chip")
    await expect(chips).to_have_count(31)
    await screenshot(page, "skill-chips.png")
    box = await section.bounding_box()
    assert box is not None and box["height"] < 800, box  # one card per skill was ~5 000 px

    first = section.get_by_role("textbox", name="Add a skill").first
    group = section.locator(".skill-group").first
    await press(page, first)
    await page.keyboard.type("Elixir")
    await page.keyboard.press("Enter")  # adds a chip; does not save the section
    await page.keyboard.type("Zig")
    await page.keyboard.press("Enter")
    await expect(group.locator(".chip-name")).to_have_count(13)
    await expect(group.locator(".chip-name").last).to_have_text("Zig")
    await expect(section.locator("[data-saved]")).to_have_count(0)
    await page.keyboard.press("Backspace")  # empty input: the last chip goes
    await expect(group.locator(".chip-name").last).to_have_text("Elixir")
    await expect(first).to_be_focused()

    await press(page, section.get_by_role("button", name="Remove Skill 03"))
    await expect(section.get_by_text("Skill 03", exact=True)).to_have_count(0)
    remove = section.get_by_role("button", name="Remove Skill 06")
    await remove.focus()  # a real button: reachable and usable from the keyboard
    await page.keyboard.press("Enter")
    await expect(section.get_by_text("Skill 06", exact=True)).to_have_count(0)
    assert await accessibility_problems(page) == []

    await press(page, section.get_by_role("button", name="Save", exact=True))
    note = page.locator("#section-skills .saved-note[role=status]")
    await expect(note).to_have_text("Saved as a new version.")
    await expect(note).to_be_focused()  # beside the Save button, not at the section's top
    saved = (await content(db, cv_id))["skills"]
    names = [s["name"] for s in saved]
    assert "Skill 03" not in names and "Skill 06" not in names and "Zig" not in names
    assert {"name": "Elixir", "category": "Languages", "level": ""} in saved
    assert saved[0] == {"name": "Skill 00", "category": "Languages", "level": "Expert"}
    assert len(saved) == 30
    await expect(page.locator("#section-skills .chip")).to_have_count(30)  # enhanced again
    assert js_errors == []
