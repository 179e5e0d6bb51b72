"""Every main page on a 390 px wide phone, in a real Chromium, with realistic data: several offers
with long titles, two source CVs, a finished generation (tailored CVs, credit ledger rows), a
cover letter, a saved search with a long name and its inbox item; then, signed out, the landing
page, sign-in and sign-up.

No page may scroll sideways, every control of a table (status, open, delete, revoke, grant)
must lie within the viewport, and the basic accessibility checks of flows.py still hold.
Each page is screenshotted as ``phone-<page>.png`` (see flows.py).
"""

from __future__ import annotations

import re

import pytest
from arq.worker import Worker
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from app.lib.llm import StructuredMode, mode_cache
from app.settings.service import update_setting
from tests import factories
from tests.browser.flows import (
    PHONE,
    accessibility_problems,
    register_with_form,
    screenshot,
    signed_in_user_id,
    unique_email,
)
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fixtures.matching import GARDENER_CV
from tests.integration.inbox_helpers import inbox_item, saved_search

pytestmark = pytest.mark.browser

LONG_TITLES = [
    "Senior Staff Platform Reliability Engineer for Cloud-Native Distributed Infrastructure",
    "Backend Developer (Python/PostgreSQL/Redis) — Parcel Tracking APIs and Event Streaming",
    "Lead Software Engineer, Internationalisation and Accessibility of the Customer Portal",
    "DevOpsEngineerKubernetesTerraformObservabilityWithAVeryLongUnbrokenWordInTheTitle",
]
LONG_SEARCH = "Senior platform reliability and observability roles in Lyon, Grenoble or remote"
LONG_URL = "https://careers.example.com/jobs/2026/senior-staff-platform-reliability-engineer?ref=x"

# The document is no wider than the viewport (one pixel of rounding allowed).
SIDEWAYS_OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"

# Visible controls and status cells of tables that stick out of the viewport, left or right.
TABLE_CONTROLS_OUTSIDE = """
() => {
  const out = [];
  const scrolls = (el) => getComputedStyle(el.closest('table')).overflowX === 'auto'
      || el.closest('.scroll-box') !== null;  // a table in its own scrolling box
  const controls = 'table button, table a[href], table input, table select, table .status';
  const lastCells = 'table td:nth-last-child(-n+2)';  // status and actions, where tables have them
  const elements = [...document.querySelectorAll(controls)]
      .concat([...document.querySelectorAll(lastCells)].filter((el) => !scrolls(el)));
  for (const el of elements) {
    if (!el.checkVisibility()) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0) continue;
    if (box.left < -1 || box.right > window.innerWidth + 1) {
      out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}"`
          + ` at ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
  }
  return out;
}
"""

# What sticks out on the right, outermost first: names the culprit in a failure message.
OVERFLOWING = """
() => [...document.body.querySelectorAll('*')].filter((el) => {
  const box = el.getBoundingClientRect();
  const parent = el.parentElement.getBoundingClientRect();
  const edge = window.innerWidth + 1;
  return el.checkVisibility() && box.right > edge && parent.right <= edge;
}).slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className} right=${
  Math.round(el.getBoundingClientRect().right)}`)
"""


async def check_page(page: Page, path: str, name: str, problems: dict[str, list[str]]) -> None:
    response = await page.goto(path)
    assert response is not None and response.ok, path
    await screenshot(page, f"phone-{name}.png")
    found = []
    overflow = await page.evaluate(SIDEWAYS_OVERFLOW)
    if overflow > 1:
        found.append(f"scrolls sideways by {overflow}px")
        found += await page.evaluate(OVERFLOWING)
    found += await page.evaluate(TABLE_CONTROLS_OUTSIDE)
    found += await accessibility_problems(page)  # stacking must not hide a label or a name
    if found:
        problems[path] = found


async def generate(page: Page, db: AsyncSession, offer_count: int) -> str:
    """Tick the first offers on the offers page, generate through a fake LLM; the task's page."""
    with FakeOpenAIServer(default_reply=pipeline_llm.honest) as llm:
        mode_cache.set(llm.base_url, "gpt-4o-mini", StructuredMode.JSON_SCHEMA)
        await update_setting(db, "llm_base_url", llm.base_url)
        await db.commit()
        try:
            await page.goto("/offers")
            boxes = page.locator('input[name="job_offer_ids"]')
            for index in range(offer_count):
                await boxes.nth(index).check()
            await page.get_by_role("button", name="Generate").click()
            await expect(page).to_have_url(re.compile(r"/generations/[^/]+$"))
            await expect(page.locator(".generation")).to_have_attribute(
                "data-status", "completed", timeout=90_000
            )
        finally:
            mode_cache.clear()
    return re.sub(r"^https?://[^/]+", "", page.url)


async def test_every_main_page_fits_a_phone(
    browser_page: Page, js_errors: list[str], db: AsyncSession, worker: Worker
) -> None:
    page = browser_page
    await register_with_form(page, "Maximiliane Oberhauser-Papadopoulou", unique_email("phone"))
    me = await signed_in_user_id(page)  # the first account: the administrator
    await factories.source_cv(db, me, GARDENER_CV)
    source = await factories.source_cv(db, me)
    offers = [
        await factories.job_offer(db, me, title=title, source_url=LONG_URL) for title in LONG_TITLES
    ]
    generation = await generate(page, db, 2)
    preview = await (
        page.locator('.offer-row[data-offer-index="0"]')
        .get_by_role("link", name="Preview")
        .get_attribute("href")
    )
    assert preview is not None
    tailored = preview.removesuffix("/preview")
    await update_setting(db, "llm_base_url", "")  # the fake LLM is gone: the offline engine
    await db.commit()
    await page.goto(f"/offers/{offers[0].id}")  # a letter, written by the worker
    await page.locator("#cover-letters").get_by_role("button", name="Write a cover letter").click()
    await expect(page).to_have_url(re.compile(r"/cover-letters/[^/]+$"))
    await expect(page.locator("#editor")).to_be_visible(timeout=120_000)
    search = await saved_search(db, me, name=LONG_SEARCH)
    await inbox_item(db, me, 1, title=LONG_TITLES[3], search=search)
    await page.goto("/account")
    await page.fill("#token_name", "Nightly export script on the home server")
    await page.get_by_role("button", name="Create token").click()
    await expect(page.get_by_test_id("new-token")).to_be_visible()
    await page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"]})

    problems: dict[str, list[str]] = {}
    pages = [
        ("/", "dashboard"),
        ("/cvs", "cvs"),
        (f"/cvs/{source.id}", "cv"),
        ("/offers", "offers"),
        ("/offers?sort=match", "offers-by-match"),
        (f"/offers/{offers[0].id}", "offer"),
        (generation, "generation"),
        ("/generations", "generations"),
        (tailored, "tailored-cv"),
        (preview, "preview"),
        (f"{tailored}/changes", "changes"),
        ("/cover-letters", "cover-letters"),
        ("/inbox/searches", "inbox-searches"),
        ("/tasks", "tasks"),
        ("/account", "account"),
        ("/account/letter-template", "letter-template"),
        ("/admin", "admin"),
    ]
    for path, name in pages:
        await check_page(page, path, name, problems)

    # Off the signed-in page first: a request it still has in flight could set the cookie again.
    await page.goto("about:blank")
    await page.context.clear_cookies()
    await check_page(page, "/", "landing", problems)
    await expect(page.locator("#landing-title")).to_be_visible()  # signed out: the landing
    await check_page(page, "/login", "login", problems)
    await check_page(page, "/register", "register", problems)
    report = "\n".join(f"{path}: {'; '.join(found)}" for path, found in problems.items())
    assert not problems, report
    assert js_errors == []
