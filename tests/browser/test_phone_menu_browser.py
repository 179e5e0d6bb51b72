"""A phone's first screen (390 px, real Chromium): the sections sit behind a "Menu" button that
opens by keyboard and without JavaScript (templates/base.html), the admin's per-phase statistics
stack into cards whose figures all lie on screen, and the CV page starts folded, except the
section the address points at (static/js/section_fold.js)."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser, Page, expect
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvGenerationSubtask, CvGenerationTask, User
from tests import factories
from tests.browser.flows import PHONE, register_with_form, signed_in_user_id, unique_email

pytestmark = pytest.mark.browser

TOPBAR_HEIGHT = "document.querySelector('.topbar').getBoundingClientRect().height"
# Cells of the statistics table whose box sticks out of the viewport, or a box scrolled sideways.
STATS_OUTSIDE = """
() => {
  const cells = [...document.querySelectorAll('[data-testid="phase-stats"] td')];
  const out = cells.filter((td) => td.getBoundingClientRect().right > window.innerWidth + 1);
  const box = document.querySelector('#stats .scroll-box');
  return out.map((td) => td.textContent).concat(
    box.scrollWidth > box.clientWidth + 1 ? ['the box scrolls sideways'] : []);
}
"""
FOLDS = "[...document.querySelectorAll('.cv-section > .section-fold')].map((d) => d.open)"


async def _seed_stats(db: AsyncSession, user_id: str) -> None:
    task = CvGenerationTask(user_id=user_id, status="completed")
    db.add(task)
    await db.flush()
    for phase in ("classify", "experiences", "summary"):
        db.add(
            CvGenerationSubtask(
                task_id=task.id, type=phase, status="completed", prompt_tokens=123456,
                completion_tokens=65432, duration_ms=4321, model_used="a-long-model-name-v2",
            )
        )  # fmt: skip
    await db.commit()


async def test_on_a_phone_the_nav_folds_the_stats_stack_and_the_cv_starts_folded(
    browser_page: Page, db: AsyncSession, js_errors: list[str]
) -> None:
    page = browser_page
    await register_with_form(page, "Phone Reader", unique_email("phone-menu"))
    me = await signed_in_user_id(page)
    await db.execute(update(User).where(User.id == me).values(is_admin=True))
    await db.commit()
    await _seed_stats(db, me)
    source = await factories.source_cv(db, me)
    await page.set_viewport_size(PHONE)

    await page.goto("/")
    links = page.locator("#nav-links")
    await expect(links).to_be_hidden()
    assert await page.evaluate(TOPBAR_HEIGHT) < 120  # was about 340 px: four lines of links
    for _ in range(6):  # the keyboard reaches "Menu" and Space opens it
        await page.keyboard.press("Tab")
        if await page.evaluate("document.activeElement.id") == "nav-menu":
            break
    assert await page.evaluate("document.activeElement.id") == "nav-menu"
    await page.keyboard.press("Space")
    await expect(links).to_be_visible()
    await links.get_by_role("link", name="Admin").click()

    await expect(page.locator("#stats")).to_be_visible()
    assert await page.evaluate(STATS_OUTSIDE) == []
    await expect(
        page.locator('[data-testid="phase-stats"] td[data-label="Calls"]').first
    ).to_be_visible()

    await page.goto(f"/cvs/{source.id}")
    folds = await page.evaluate(FOLDS)
    assert len(folds) > 5 and not any(folds)
    await page.goto(f"/cvs/{source.id}#section-experience")
    await page.reload()
    assert await page.locator("#section-experience > .section-fold").evaluate("d => d.open")
    assert sum(await page.evaluate(FOLDS)) == 1

    await page.set_viewport_size({"width": 1280, "height": 800})  # wider: no menu button
    await page.goto("/")
    await expect(page.locator(".nav-menu-button")).to_be_hidden()
    await expect(links).to_be_visible()
    assert js_errors == []


async def test_without_javascript_the_menu_opens_and_the_cv_shows_every_section(
    chromium: Browser, live_server: str, db: AsyncSession
) -> None:
    context = await chromium.new_context(
        base_url=live_server, viewport=PHONE, locale="en-US", java_script_enabled=False
    )
    try:
        page = await context.new_page()
        email = unique_email("phone-nojs")
        await register_with_form(page, "No Script", email)
        user = await db.scalar(select(User).where(User.email == email))
        assert user is not None
        source = await factories.source_cv(db, user.id)
        await expect(page.locator("#nav-links")).to_be_hidden()
        await page.locator(".nav-menu-button").click()
        await expect(page.locator("#nav-links")).to_be_visible()
        await page.locator("#nav-links").get_by_role("link", name="CVs", exact=True).click()
        await page.goto(f"/cvs/{source.id}")
        folds = page.locator(".cv-section > .section-fold")
        assert await folds.count() > 5
        assert all(await folds.evaluate_all("ds => ds.map((d) => d.open)"))
    finally:
        await context.close()
