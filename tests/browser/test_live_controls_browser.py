"""Cancel at human speed while live updates stream, in a real Chromium: the generation page's
panel and the task centre's list are morphed by their SSE fragments (static/js/live.js), so a
press that spans an update still clicks, the keyboard focus stays on the button, and the
button shows its pending state until the answer.

Every press here is held across at least one live update (observed from the page's own
``htmx:sseMessage`` events, not from a timer), which is what lost clicks before.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from arq.worker import Worker
from playwright.async_api import Locator, Page, Response, expect
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import BackgroundTask, CvGenerationTask
from app.tasks.lifecycle import create_task, save_and_publish
from tests.browser.flows import (
    sign_up_with_offers,
    signed_in_user_id,
    start_generation,
    unique_email,
)
from tests.browser.test_task_centre_browser import (
    generation_status,
    llm_in_use,
    open_centre,
    stream_open,
)
from tests.fakes import pipeline_llm

pytestmark = pytest.mark.browser

# Counts the live updates of each region, notes where the focus is after each one, and which
# buttons ever showed aria-busy (the pending state).
LIVE_PROBE = """
window.__updates = {};
window.__focusAfter = [];
window.__busy = [];
// The update counts at the last mouse down: a press must outlast an update that came after it.
window.__atDown = {};
document.addEventListener("mousedown", () => { window.__atDown = {...window.__updates}; }, true);
function updated(id) {
  window.__updates[id] = (window.__updates[id] || 0) + 1;
  const active = document.activeElement;
  window.__focusAfter.push((active && active.id) || (active && active.tagName) || "");
}
// Fragments swapped straight from the stream, and lists refetched when the stream says so.
document.addEventListener("htmx:sseMessage", (e) => updated(e.target.id));
document.addEventListener("htmx:afterSwap", (e) => {
  if (e.detail && e.detail.requestConfig && e.detail.target) { updated(e.detail.target.id); }
});
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target.tagName === "BUTTON" && r.target.getAttribute("aria-busy") === "true") {
      window.__busy.push(r.target.id);
    }
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["aria-busy"]});
"""
HELD_MS = 150  # how long a person holds the mouse button down
LLM_LATENCY_MS = 500  # one generation streams updates for seconds, even on a busy machine
UPDATE_WAIT_MS = 30_000


async def updates(page: Page, region: str) -> int:
    return int(await page.evaluate(f"window.__updates['{region}'] || 0"))


async def next_updates(page: Page, region: str, count: int = 1) -> None:
    """Wait until ``region`` has received ``count`` more live updates than now."""
    seen = await updates(page, region)
    await page.wait_for_function(
        f"() => (window.__updates['{region}'] || 0) >= {seen + count}", timeout=UPDATE_WAIT_MS
    )


def _is_cancel_post(response: Response) -> bool:
    return response.request.method == "POST" and response.url.endswith("/cancel")


async def press_like_a_person(page: Page, button: Locator, region: str) -> None:
    """Mouse down on the button, hold it across a live update (and ~150 ms), mouse up."""
    box = await button.bounding_box()
    assert box is not None
    await page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    await page.mouse.down()
    await page.wait_for_timeout(HELD_MS)
    # The press must span an update: that is when a replaced button lost the click.
    await page.wait_for_function(
        f"() => (window.__updates['{region}'] || 0) > (window.__atDown['{region}'] || 0)",
        timeout=UPDATE_WAIT_MS,
    )
    await page.mouse.up()


async def keyboard_press(page: Page, button: Locator, button_id: str, region: str) -> None:
    """Focus the button, let updates land, check the focus stayed, press Enter."""
    await button.focus()
    start = len(await page.evaluate("window.__focusAfter"))
    await next_updates(page, region, 2)
    after: list[str] = (await page.evaluate("window.__focusAfter"))[start:]
    assert len(after) >= 2 and set(after) == {button_id}, after
    await expect(button).to_be_focused()
    await page.keyboard.press("Enter")


async def test_cancel_on_the_generation_page_lands_at_human_speed(
    browser_page: Page,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
    js_errors: list[str],
) -> None:
    page = browser_page
    await page.context.add_init_script(LIVE_PROBE)
    source_id, offers = await sign_up_with_offers(
        page, db, "Human Speed", unique_email("live-gen"), ["Role A", "Role B"]
    )
    region = "generation-panel"
    async with llm_in_use(db, latency_ms=LLM_LATENCY_MS) as llm:
        # The second offer is slow: each run is still at work when a press ends.
        llm.script("Role B", reply=pipeline_llm.honest, latency_ms=3000)
        for attempt in ("mouse", "mouse", "keyboard"):
            task_id = await start_generation(page, source_id, offers)
            await stream_open(page)
            panel = page.locator(".generation")
            await expect(panel).to_have_attribute("data-status", re.compile("pending|running"))
            await next_updates(page, region, 2)  # progress is streaming
            button = page.locator("#generation-cancel")
            async with page.expect_response(_is_cancel_post) as answer:
                if attempt == "mouse":
                    await press_like_a_person(page, button, region)
                else:
                    await keyboard_press(page, button, "generation-cancel", region)
            assert (await answer.value).ok, attempt
            await expect(panel).to_have_attribute("data-status", "cancelled")
            # The focused Cancel is gone: the focus went to its live region, not to <body>.
            await expect(page.locator(f"#{region}")).to_be_focused()
            assert await generation_status(session_factory, task_id) == "cancelled", attempt
            # The button showed its pending state (aria-busy) before the answer removed it.
            assert "generation-cancel" in await page.evaluate("window.__busy"), attempt
            # A plain page: the htmx post never navigated away.
            assert page.url.endswith(f"/generations/{task_id}")
    assert js_errors == []


@asynccontextmanager
async def ticking_import(
    sessions: async_sessionmaker[AsyncSession], redis: Redis, user_id: str
) -> AsyncIterator[None]:
    """Another background task of the user whose progress moves all the time: each step is a
    real ``task:updated`` event, so the task centre re-renders many times a second (a
    generation alone announces itself once per offer)."""
    async with sessions() as session:
        task = await create_task(session, user_id, "cv_import", "Import: ticking.pdf", cap=100)
        await session.commit()

    async def tick() -> None:
        step = 0
        while True:
            step += 1
            # A session per step: one kept open would hold SQLite's write lock between steps.
            async with sessions() as session:
                row = await session.get(BackgroundTask, task.id)
                assert row is not None
                await save_and_publish(
                    session, redis, row, status="running", progress={"percent": step % 100}
                )
            await asyncio.sleep(0.2)

    ticker = asyncio.create_task(tick())
    try:
        yield
    finally:
        ticker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ticker


async def background_id_of(sessions: async_sessionmaker[AsyncSession], task_id: str) -> str:
    async with sessions() as session:
        task = await session.get(CvGenerationTask, task_id)
        assert task is not None
        return str(task.background_task_id)


async def test_cancel_in_the_task_centre_lands_at_human_speed(
    browser_page: Page,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    redis: Redis,
    worker: Worker,
    js_errors: list[str],
) -> None:
    page = browser_page
    await page.context.add_init_script(LIVE_PROBE)
    source_id, offers = await sign_up_with_offers(
        page, db, "Human Centre", unique_email("live-centre"), ["Role C", "Role D"]
    )
    me = await signed_in_user_id(page)
    # A slow model keeps each generation running while the ticking import streams updates.
    async with (
        llm_in_use(db, latency_ms=4 * LLM_LATENCY_MS),
        ticking_import(session_factory, redis, me),
    ):
        # The nav's panel (on the dashboard), then the full /tasks page's list.
        for attempt, region in (
            ("mouse", "task-centre-list"),
            ("mouse", "task-centre-list"),
            ("keyboard", "task-centre-list"),
            ("mouse", "task-page-list"),
        ):
            task_id = await start_generation(page, source_id, offers)
            background_id = await background_id_of(session_factory, task_id)
            if region == "task-centre-list":
                await page.goto("/")
                await stream_open(page)
                centre = await open_centre(page)
            else:
                await page.goto("/tasks")
                await stream_open(page)
                centre = page.locator(f"#{region}")
            item = centre.locator(f'.task-item[data-task-id="{background_id}"]')
            await expect(item).to_have_attribute("data-status", re.compile("queued|running"))
            await next_updates(page, region, 2)  # the list is being re-rendered live
            button_id = f"{region.removesuffix('-list')}-cancel-{background_id}"
            button = page.locator(f"#{button_id}")
            async with page.expect_response(_is_cancel_post) as answer:
                if attempt == "mouse":
                    await press_like_a_person(page, button, region)
                else:
                    await keyboard_press(page, button, button_id, region)
            assert (await answer.value).ok, attempt
            await expect(item).to_have_attribute("data-status", "cancelled")
            # Its Cancel gave way to Delete: the focus went to the list, not to <body>.
            await expect(page.locator(f"#{region}")).to_be_focused()
            assert await generation_status(session_factory, task_id) == "cancelled", attempt
            assert button_id in await page.evaluate("window.__busy"), attempt
    assert js_errors == []
