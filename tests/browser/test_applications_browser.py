"""The applications board in a real Chromium, clicked like a person: a card dragged to another
column (press, ~150 ms, move, release) and another moved with the keyboard (its status select,
then Move) are both saved, and a second tab of the same session sees each move without a
reload. Board, list and detail are screenshotted on a desktop and on a phone (where the page
must not scroll sideways)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from playwright.async_api import Browser, ConsoleMessage, Locator, Page, expect
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Application, ApplicationStatusChange
from tests import factories
from tests.browser.conftest import DESKTOP, SSE_PROBE, _is_favicon_404
from tests.browser.flows import (
    PHONE,
    accessibility_problems,
    register_with_form,
    screenshot,
    signed_in_user_id,
    unique_email,
)

pytestmark = pytest.mark.browser

HELD_MS = 150  # how long a person holds the mouse button down before moving
SIDEWAYS_OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture
async def two_tabs(
    chromium: Browser, live_server: str, js_errors: list[str]
) -> AsyncIterator[tuple[Page, Page]]:
    """One session (one context), two tabs; their JavaScript errors land in ``js_errors``."""
    context = await chromium.new_context(
        base_url=live_server, viewport=DESKTOP, locale="en-US", timezone_id="UTC"
    )
    await context.add_init_script(SSE_PROBE)
    context.on("weberror", lambda error: js_errors.append(f"pageerror: {error.error}"))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and not _is_favicon_404(message):
            js_errors.append(f"console.error: {message.text}")

    try:
        tabs = await context.new_page(), await context.new_page()
        for tab in tabs:
            tab.on("console", on_console)
        yield tabs
    finally:
        await context.close()


async def track(page: Page, offer_id: str, **changes: Any) -> str:
    """Track the offer through the API, as the page's own session; the application's id."""
    created: dict[str, Any] = await page.evaluate(
        """async ([offer, changes]) => {
            const token = document.cookie.split('; ').find(c => c.startsWith('csrftoken='))
                .split('=')[1];
            const headers = {'content-type': 'application/json', 'x-csrftoken': token};
            const r = await fetch('/api/applications', {method: 'POST', headers,
                body: JSON.stringify({jobOfferId: offer})});
            const application = await r.json();
            if (Object.keys(changes).length) {
                await fetch('/api/applications/' + application.id, {method: 'PATCH', headers,
                    body: JSON.stringify(changes)});
            }
            return application;
        }""",
        [offer_id, changes],
    )
    return str(created["id"])


async def drag_like_a_person(page: Page, card: Locator, column: Locator) -> None:
    source, target = await card.bounding_box(), await column.bounding_box()
    assert source is not None and target is not None
    await page.mouse.move(source["x"] + 20, source["y"] + 10)
    await page.mouse.down()
    await page.wait_for_timeout(HELD_MS)
    x, y = target["x"] + target["width"] / 2, target["y"] + target["height"] / 2
    await page.mouse.move(x, y, steps=12)
    await page.wait_for_timeout(HELD_MS)
    await page.mouse.up()


async def last_device(db: AsyncSession, application_id: str) -> str | None:
    device = await db.scalar(
        select(ApplicationStatusChange.device_id)
        .where(ApplicationStatusChange.application_id == application_id)
        .order_by(ApplicationStatusChange.at.desc(), ApplicationStatusChange.id.desc())
        .limit(1)
    )
    await db.rollback()
    return device


async def status_now(db: AsyncSession, application_id: str) -> str:
    status = await db.scalar(select(Application.status).where(Application.id == application_id))
    await db.rollback()
    return str(status)


async def test_drag_keyboard_and_the_other_tab(
    two_tabs: tuple[Page, Page], db: AsyncSession, js_errors: list[str]
) -> None:
    page, other = two_tabs
    await register_with_form(page, "Robin Tracker", unique_email("board"))
    me = await signed_in_user_id(page)
    await factories.source_cv(db, me)
    offers = [
        await factories.job_offer(db, me, title=title, company=company)
        for title, company in (
            ("Platform Engineer", "Acme Logistics"),
            ("Data Analyst", "Beta Bank"),
            ("Backend Developer", "Gamma Health"),
        )
    ]
    dragged = await track(page, offers[0].id)
    keyed = await track(page, offers[1].id, followUpAt="2020-01-02")
    await track(page, offers[2].id, status="interview", rating=4, followUpAt="2099-05-01")

    await other.goto("/applications")
    await other.wait_for_function("() => window.__sseOpen === true", timeout=30_000)
    await page.goto("/applications")
    await expect(page.locator(f"#card-{dragged}")).to_be_visible()
    assert await accessibility_problems(page) == []
    await screenshot(page, "applications-board.png")

    # Drag and drop: the card lands in "Applied", is saved, and the other tab follows.
    await drag_like_a_person(
        page, page.locator(f"#card-{dragged}"), page.locator('.board-cards[data-status="applied"]')
    )
    await expect(
        page.locator(f'.board-cards[data-status="applied"] #card-{dragged}')
    ).to_be_visible()
    await expect(
        other.locator(f'.board-cards[data-status="applied"] #card-{dragged}')
    ).to_be_visible()
    assert await status_now(db, dragged) == "applied"
    # The drop says which browser and which tab it came from.
    tab_device = await last_device(db, dragged)
    assert re.fullmatch(r"ua:Chrome/Linux tab:[0-9a-f]{8}", tab_device or ""), tab_device

    # Keyboard: the card's status select, then Tab to Move and Enter.
    # The drag's live update may still re-render the board here: a person who sees the choice
    # undone (a new card under the focus) makes it again; Enter only once it has held.
    select = page.locator(f"#move-{keyed}")
    move = page.locator(f"#card-{keyed} button", has_text="Move")
    for _ in range(3):
        await select.focus()
        await select.select_option("interview")
        await page.keyboard.press("Tab")
        await page.wait_for_timeout(300)  # what a person takes to look at the screen
        if await select.input_value() == "interview" and await move.evaluate(
            "button => button === document.activeElement"
        ):
            break
    await page.keyboard.press("Enter")
    await expect(
        page.locator(f'.board-cards[data-status="interview"] #card-{keyed}')
    ).to_be_visible()
    await expect(
        other.locator(f'.board-cards[data-status="interview"] #card-{keyed}')
    ).to_be_visible()
    assert await status_now(db, keyed) == "interview"
    assert await last_device(db, keyed) == tab_device  # the plain form: the same tab

    await page.goto("/applications/list?sort=follow_up")
    await expect(page.locator(f'tr[data-application-id="{keyed}"]')).to_be_visible()
    await screenshot(page, "applications-list.png")
    await page.goto(f"/applications/{keyed}")
    await page.fill("#note-body", "Phoned the recruiter; second interview next week.")
    await page.get_by_role("button", name="Add the note").click()
    await expect(page.locator("#notes")).to_contain_text("second interview")
    await expect(page.locator("#history")).to_contain_text("To apply → Interview")
    await expect(page.locator("#history")).to_contain_text("Chrome on Linux, tab ")
    await expect(page.locator("#offer")).to_contain_text("parcel tracking APIs")  # its text
    await page.get_by_role("button", name="Mark as sent").click()
    await expect(page.locator("#documents")).to_contain_text("Preview")
    assert await accessibility_problems(page) == []
    await screenshot(page, "applications-detail.png")

    await page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"]})
    for path, name in (
        ("/applications", "phone-applications-board.png"),
        ("/applications/list", "phone-applications-list.png"),
        (f"/applications/{keyed}", "phone-applications-detail.png"),
    ):
        await page.goto(path)
        assert await page.evaluate(SIDEWAYS_OVERFLOW) <= 1, path
        await screenshot(page, name)
    assert js_errors == []


# The stream's application changes, as the board hears them (static/js/page.js).
BOARD_MESSAGES = """() => {
    window.__boardMessages = 0;
    document.body.addEventListener('live:application', () => { window.__boardMessages += 1; });
}"""


async def test_updates_keep_the_focus_and_a_change_during_a_drag_shows_after_the_drop(
    two_tabs: tuple[Page, Page], db: AsyncSession, js_errors: list[str]
) -> None:
    page, other = two_tabs
    await register_with_form(page, "Sam Morph", unique_email("morph"))
    me = await signed_in_user_id(page)
    offers = [
        await factories.job_offer(db, me, title=title, company=company)
        for title, company in (
            ("Site Reliability Engineer", "Delta Air"),
            ("QA Engineer", "Epsilon Games"),
            ("Product Designer", "Zeta Studio"),
        )
    ]
    dragged = await track(page, offers[0].id)  # alone in "To apply"
    moved_meanwhile = await track(page, offers[1].id, status="applied")
    focused = await track(page, offers[2].id, status="interview")

    await other.goto("/applications")
    await page.goto("/applications")
    await page.wait_for_function("() => window.__sseOpen === true", timeout=30_000)
    await page.evaluate(BOARD_MESSAGES)

    # Another tab's change morphs the board: the select being used keeps its node and focus.
    select = page.locator(f"#move-{focused}")
    await select.focus()
    await select.evaluate("el => { el.__kept = true; }")
    await track(other, offers[1].id, status="offer")
    await expect(
        page.locator(f'.board-cards[data-status="offer"] #card-{moved_meanwhile}')
    ).to_be_visible()
    assert await page.evaluate("document.activeElement.id") == f"move-{focused}"
    assert await page.evaluate("document.activeElement.__kept === true")

    # A change announced while a card is dragged shows once the card is dropped (here back
    # where it was: no move of its own, so nothing else would reload the board).
    seen = await page.evaluate("window.__boardMessages")
    card = await page.locator(f"#card-{dragged}").bounding_box()
    applied = await page.locator('.board-cards[data-status="applied"]').bounding_box()
    assert card is not None and applied is not None
    await page.mouse.move(card["x"] + 20, card["y"] + 10)
    await page.mouse.down()
    await page.wait_for_timeout(HELD_MS)
    await page.mouse.move(
        applied["x"] + applied["width"] / 2, applied["y"] + applied["height"] / 2, steps=12
    )
    await expect(page.locator("#board")).to_have_attribute("data-dragging", "")
    await track(other, offers[1].id, status="hired")
    await page.wait_for_function(f"() => window.__boardMessages > {seen}", polling=100)
    await page.mouse.move(card["x"] + 20, card["y"] + 10, steps=12)
    await page.wait_for_timeout(HELD_MS)
    await page.mouse.up()
    await expect(
        page.locator(f'.board-cards[data-status="hired"] #card-{moved_meanwhile}')
    ).to_be_visible()
    await expect(
        page.locator(f'.board-cards[data-status="to_apply"] #card-{dragged}')
    ).to_be_visible()
    assert await status_now(db, dragged) == "to_apply"
    assert js_errors == []
