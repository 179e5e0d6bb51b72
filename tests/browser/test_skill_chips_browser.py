"""The CV editor's skills as chips in a real Chromium (static/js/skill_chips.js): Enter adds a
chip, a chip's remove button (pressed like a person: down, ~150 ms, up, or from the keyboard)
and Backspace remove one, Save keeps them; 31 skills take a compact block, not a card each; a
save with no change leaves the CV identical, every skill whole (commas inside brackets too)."""

from __future__ import annotations

import pytest
from playwright.async_api import Locator, Page, expect
from sqlalchemy import Text, cast, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile
from tests.browser.flows import (
    accessibility_problems,
    register_with_form,
    screenshot,
    unique_email,
)
from tests.integration.test_cv_editor_skills import store_cv
from tests.integration.test_cv_import_pages import content, versions
from tests.integration.test_skill_values import shaped_cv

pytestmark = pytest.mark.browser

HELD_MS = 150
CATEGORIES = ("Languages", "Tools", "")
SKILLS = [
    {"name": f"Skill {i:02d}", "category": CATEGORIES[i % 3], "level": "Expert" if i == 0 else ""}
    for i in range(31)
]


async def stored_json(db: AsyncSession, cv_id: str) -> str:
    """The CV's content as the database holds it, byte for byte."""
    text = await db.scalar(select(cast(CvFile.content, Text)).where(CvFile.id == cv_id))
    await db.rollback()
    assert text
    return text


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

    await press(page, page.get_by_role("button", name="Save", exact=True))  # the CV's one Save
    note = page.locator("#cv-editor .saved-note[role=status]")
    await expect(note).to_have_text("Saved as a new version.")
    await expect(note).to_be_focused()  # beside the Save button, not at the page's top
    saved = (await content(db, cv_id))["skills"]
    names = [s["name"] for s in saved]
    assert "Skill 03" not in names and "Skill 06" not in names and "Zig" not in names
    assert {"name": "Elixir", "category": "Languages", "level": ""} in saved
    assert saved[0] == {"name": "Skill 00", "category": "Languages", "level": "Expert"}
    assert len(saved) == 30
    await expect(page.locator("#section-skills .chip")).to_have_count(30)  # enhanced again
    assert js_errors == []


async def test_a_skill_level_is_set_and_cleared_beside_its_chips(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    page = browser_page
    email = unique_email("levels")
    await register_with_form(page, "Level Tester", email)
    cv_id = await store_cv(db, email, {"header": {"name": "Level Tester"}, "skills": SKILLS[:4]})
    await page.goto(f"/cvs/{cv_id}")
    section = page.locator("#section-skills")
    group = section.locator(".skill-group").first  # Skill 00 (Expert) and Skill 03
    await press(page, group.locator(".skill-levels summary"))
    expert = group.get_by_role("textbox", name="Skill 00", exact=True)
    await expect(expert).to_have_value("Expert")
    await expert.fill("")  # cleared
    await group.get_by_role("textbox", name="Skill 03", exact=True).fill("Advanced")
    await press(page, page.get_by_role("button", name="Save", exact=True))
    await expect(page.locator("#cv-editor [data-saved]")).to_be_focused()
    levels = {s["name"]: s["level"] for s in (await content(db, cv_id))["skills"]}
    assert levels == {"Skill 00": "", "Skill 01": "", "Skill 02": "", "Skill 03": "Advanced"}

    # A refused save says why beside the Save button, focused there.
    names = page.locator("#section-skills .skill-group").first.locator(".chip-input")
    await names.fill("x" * 1001)
    await press(page, page.get_by_role("button", name="Save", exact=True))
    error = page.locator("#cv-editor [data-save-error]")
    await expect(error).to_be_focused()
    await expect(error).to_contain_text("Nothing was saved: correct the fields marked above.")
    await expect(error.get_by_role("link", name="Skills")).to_have_attribute(
        "href", "#section-skills"
    )
    # The browser logs the refused request itself; no script failed.
    assert [e for e in js_errors if "status of 422" not in e] == []


async def test_save_with_no_change_leaves_the_cv_identical(
    browser_page: Page, js_errors: list[str], db: AsyncSession
) -> None:
    page = browser_page
    email = unique_email("samecv")
    await register_with_form(page, "Same Saver", email)
    data = shaped_cv(3)
    # A name pasted with a tab, where the level fields cut their "name<TAB>level" lines.
    data["skills"].append({"name": "Excel\t(VBA, Power Query)", "category": "", "level": "Good"})
    cv_id = await store_cv(db, email, data)
    raw, before = await stored_json(db, cv_id), await versions(db, cv_id)
    await page.goto(f"/cvs/{cv_id}")
    section = page.locator("#section-skills")
    # One chip per skill, brackets and commas included ("Python (Numpy, Pandas, Seaborn)").
    shown = await section.locator(".chip-name").all_text_contents()
    assert sorted(shown) == sorted(s["name"] for s in data["skills"])
    job = page.locator("#section-experience .chip-name")
    assert await job.all_text_contents() == data["experience"][0]["skills"]
    tabbed = section.locator(".skill-level").filter(has=page.locator("input[value='Good']"))
    await expect(tabbed).to_have_attribute("data-skill", "Excel\t(VBA, Power Query)")

    await press(page, page.get_by_role("button", name="Save", exact=True))
    await expect(page.get_by_text("Nothing had changed: no new version was made.")).to_be_visible()
    assert await stored_json(db, cv_id) == raw and await versions(db, cv_id) == before

    # Typed: a comma inside brackets is part of the name, one outside separates two.
    first = section.get_by_role("textbox", name="Add a skill").first
    await press(page, first)
    await page.keyboard.type("Statistics (R, SAS)")
    await page.keyboard.press("Enter")
    await page.keyboard.type("Rust,Zig,")
    group = section.locator(".skill-group").first
    await expect(group.locator(".chip-name").filter(has_text="Statistics")).to_have_text(
        ["Statistics (R, SAS)"]
    )
    await expect(group.locator(".chip-name").filter(has_text="Zig")).to_have_count(1)
    await press(page, page.get_by_role("button", name="Save", exact=True))
    await expect(page.locator("#cv-editor .saved-note[role=status]")).to_have_text(
        "Saved as a new version."
    )
    names = [s["name"] for s in (await content(db, cv_id))["skills"]]
    assert {"Statistics (R, SAS)", "Rust", "Zig"} <= set(names)
    assert [n for n in names if "SAS" in n] == ["Statistics (R, SAS)"]
    assert set(names) - {"Statistics (R, SAS)", "Rust", "Zig"} == {
        s["name"] for s in data["skills"]
    }
    # Drawn again from what was saved, the new skill is one chip, and saving again changes
    # nothing, byte for byte.
    await expect(section.locator(".chip-name").filter(has_text="SAS")).to_have_text(
        ["Statistics (R, SAS)"]
    )
    raw = await stored_json(db, cv_id)
    await press(page, page.get_by_role("button", name="Save", exact=True))
    await expect(page.get_by_text("Nothing had changed: no new version was made.")).to_be_visible()
    assert await stored_json(db, cv_id) == raw
    assert js_errors == []
