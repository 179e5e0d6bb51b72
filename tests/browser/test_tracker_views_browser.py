"""The tracker's insights and calendar in a real Chromium, for an account holding the six
applications of tests/fixtures/tracker_history.py, in English then in French, on a desktop and
at phone width (375 px: no sideways scroll): the charts are images with a name and a
description beside tables of the same numbers; the calendar marks today, is moved to the next
month with the keyboard alone (Tab to the link, Enter), and each event opens its application."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from babel.dates import format_date
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.applications.insights import week_start
from tests.browser.flows import (
    accessibility_problems,
    register_with_form,
    screenshot,
    signed_in_user_id,
    switch_language,
    unique_email,
)
from tests.browser.test_axe_browser import RULES, RUN_AXE, _axe_source
from tests.fixtures.tracker_history import save

pytestmark = pytest.mark.browser

PHONE_375 = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
SIDEWAYS_OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
MAX_TABS = 80


async def tab_to(page: Page, selector: str) -> None:
    """Press Tab from the top of the page until ``selector`` has the focus."""
    await page.locator("body").focus()
    for _ in range(MAX_TABS):
        await page.keyboard.press("Tab")
        if await page.evaluate(f"document.activeElement?.matches({selector!r}) ?? false"):
            return
    raise AssertionError(f"Tab never reached {selector}")


async def axe_violations(page: Page, paths: list[str]) -> dict[str, list[str]]:
    """axe-core's WCAG 2.2 A/AA and best-practice violations of each page (as
    test_axe_browser.py runs it on the main pages, here with events on the calendar)."""
    found = {}
    for path in paths:
        await page.goto(path)
        violations: list[str] = await page.evaluate(RUN_AXE, RULES)
        if violations:
            found[f"{path} at {page.viewport_size}"] = violations
    return found


async def no_sideways_scroll(page: Page, path: str) -> None:
    await page.set_viewport_size(PHONE_375)
    await page.goto(path)
    assert await page.evaluate(SIDEWAYS_OVERFLOW) <= 0, path
    await page.set_viewport_size(DESKTOP)


async def test_insights_and_calendar_in_english_and_french_by_keyboard_and_on_a_phone(
    browser_page: Page, db: AsyncSession, js_errors: list[str]
) -> None:
    page = browser_page
    await register_with_form(page, "Robin Insights", unique_email("insights"))
    today = datetime.now(UTC).date()
    monday = week_start(today)
    ids = await save(db, await signed_in_user_id(page), monday)
    await page.context.add_init_script(path=str(_axe_source()))

    # Insights, reached from the board.
    await page.goto("/applications")
    await page.get_by_role("link", name="Insights", exact=True).click()
    await expect(page).to_have_url(re.compile(r"/applications/insights$"))
    await expect(page.locator('[data-figure="tracked"]')).to_have_text("6")
    await expect(page.locator('[data-figure="response-rate"]')).to_contain_text("80")
    charts = page.get_by_role("img")
    await expect(page.get_by_role("img", name="Applications sent per week")).to_be_visible()
    assert await charts.count() == 3
    for chart in await page.locator("svg.chart").all():
        assert await chart.locator("title").count() == 1
        assert await chart.locator("desc").count() == 1
    await expect(page.locator("#insights-sent tbody tr")).to_have_count(3)
    assert await accessibility_problems(page) == []
    await screenshot(page, "applications-insights.png")
    await page.set_viewport_size(PHONE_375)
    assert await page.evaluate(SIDEWAYS_OVERFLOW) <= 0
    await screenshot(page, "phone-applications-insights.png")
    await page.set_viewport_size(DESKTOP)

    # The calendar: this month, today marked; the keyboard moves it to the next month.
    await page.get_by_role("link", name="Calendar", exact=True).click()
    await expect(page).to_have_url(re.compile(r"/applications/calendar$"))
    this_month = format_date(today, "LLLL y", locale="en")
    await expect(page.locator("#calendar-title")).to_have_text(this_month)
    marked = page.locator('td[aria-current="date"]')
    await expect(marked).to_have_count(1)
    await expect(marked).to_have_attribute("data-day", today.isoformat())
    await expect(marked).to_contain_text("Today")
    assert await accessibility_problems(page) == []
    await screenshot(page, "applications-calendar.png")
    await tab_to(page, '[data-testid="calendar-next"]')
    await page.keyboard.press("Enter")
    following = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    await expect(page).to_have_url(re.compile(rf"\?month={following:%Y-%m}$"))
    await expect(page.locator("#calendar-title")).to_have_text(
        format_date(following, "LLLL y", locale="en")
    )
    await expect(page.locator('td[aria-current="date"]')).to_have_count(0)

    # The week after this one, then an event opens its application.
    await page.goto(f"/applications/calendar?week={monday + timedelta(days=7)}")
    deadline = page.locator(".calendar-event.deadline a")
    await expect(deadline).to_contain_text("Deadline: SRE — Delta")
    await deadline.click()
    await expect(page).to_have_url(re.compile(rf"/applications/{ids['D']}$"))

    # Phone width: no sideways scroll; the month's events are listed under the grid.
    await page.set_viewport_size(PHONE_375)
    await page.goto(f"/applications/calendar?month={monday - timedelta(days=7):%Y-%m}")
    assert await page.evaluate(SIDEWAYS_OVERFLOW) <= 0
    await expect(page.locator(".calendar-agenda")).to_be_visible()
    await expect(page.locator(".calendar-month .calendar-events").first).to_be_hidden()
    await expect(
        page.locator(f'.calendar-agenda a[href="/applications/{ids["A"]}"]')
    ).to_be_visible()
    await screenshot(page, "phone-applications-calendar.png")
    await page.goto(f"/applications/calendar?week={monday}")
    assert await page.evaluate(SIDEWAYS_OVERFLOW) <= 0
    await page.set_viewport_size(DESKTOP)

    # French: dates, weekdays and statuses in French, and the same keyboard move.
    await page.goto("/applications/calendar")
    await switch_language(page, "fr")
    await expect(page.locator("#calendar-title")).to_have_text(
        format_date(today, "LLLL y", locale="fr").capitalize()
    )
    await expect(page.locator(".calendar-month thead abbr").first).to_have_attribute(
        "title", "Lundi"
    )
    await tab_to(page, '[data-testid="calendar-next"]')
    await page.keyboard.press("Enter")
    await expect(page.locator("#calendar-title")).to_have_text(
        format_date(following, "LLLL y", locale="fr").capitalize()
    )
    assert await accessibility_problems(page) == []
    await no_sideways_scroll(page, "/applications/calendar")
    await no_sideways_scroll(page, f"/applications/calendar?week={monday}")
    await page.goto("/applications/insights")
    await expect(page.locator("#insights-stages")).to_contain_text("Entretien")
    await expect(page.locator("#insights-weeks tbody")).to_contain_text(
        format_date(monday, "d MMMM y", locale="fr")
    )
    assert await accessibility_problems(page) == []
    await no_sideways_scroll(page, "/applications/insights")

    # axe-core, with events on the calendar, on a desktop and on a phone.
    checked = [
        "/applications/insights",
        f"/applications/calendar?month={monday - timedelta(days=7):%Y-%m}",
        f"/applications/calendar?week={monday - timedelta(days=7)}",
    ]
    found = await axe_violations(page, checked)
    await page.set_viewport_size(PHONE_375)
    found |= await axe_violations(page, checked)
    assert found == {}, found
    assert js_errors == []
