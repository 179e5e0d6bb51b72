"""Steps a person takes in the browser, shared by the browser tests.

Screenshots are taken on every run (so a page that fails to render fails the test) but only
written into docs/screenshots/ when ``UPDATE_SCREENSHOTS=1`` (``make screenshots``); otherwise
they go to a temporary folder, so ``make test`` leaves the working tree clean.
"""

from __future__ import annotations

import asyncio
import os
import re
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from playwright.async_api import Page, expect
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.lib.events import user_channel
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}
PASSWORD = "correct horse battery"


def screenshots_dir() -> Path:
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        return DOCS_SCREENSHOTS
    return Path(tempfile.gettempdir()) / "cv-tailor-screenshots"


# Basic accessibility rules every page must meet (a subset of WCAG that code can check):
# one h1, every form control labelled, every image with alt text, every button and link named,
# a lang attribute on <html>.
ACCESSIBILITY_PROBLEMS = """
() => {
  const problems = [];
  const visible = (el) => el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const named = (el) => (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
      || el.getAttribute('title') || el.textContent.trim() || el.querySelector('img[alt]'));
  const h1 = [...document.querySelectorAll('h1')].filter(visible);
  if (h1.length !== 1) problems.push(`${h1.length} visible h1`);
  if (!document.documentElement.getAttribute('lang')) problems.push('no lang on <html>');
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden' || !visible(el)) continue;
    const labelled = (el.id && document.querySelector(`label[for="${el.id}"]`))
      || el.closest('label') || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (!labelled) problems.push(`unlabelled ${el.tagName.toLowerCase()} ${el.name || el.id}`);
  }
  for (const img of document.querySelectorAll('img')) {
    if (!img.hasAttribute('alt')) problems.push(`img without alt: ${img.src}`);
  }
  for (const el of document.querySelectorAll('button, a[href]')) {
    if (visible(el) && !named(el)) problems.push(`unnamed: ${el.outerHTML.slice(0, 80)}`);
  }
  return problems;
}
"""


async def accessibility_problems(page: Page) -> list[str]:
    problems: list[str] = await page.evaluate(ACCESSIBILITY_PROBLEMS)
    return problems


async def screenshot(page: Page, name: str) -> Path:
    """Full-page PNG named ``name``; returns where it went."""
    target = screenshots_dir()
    target.mkdir(parents=True, exist_ok=True)
    path = target / name
    await page.screenshot(path=str(path), full_page=True)
    return path


def unique_email(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}@example.com"


def path_of(page: Page) -> str:
    """The page's path and query, e.g. ``/login?next=/account``."""
    return re.sub(r"^https?://[^/]+", "", page.url)


async def register_with_form(page: Page, name: str, email: str, *, shot: bool = False) -> None:
    await page.goto("/register")
    if shot:
        await screenshot(page, "register.png")
    await page.fill("#display_name", name)
    await page.fill("#email", email)
    await page.fill("#password", PASSWORD)
    await page.get_by_role("button", name="Create my account").click()
    await expect(page).to_have_url(re.compile(r"/$"))


async def signed_in_user_id(page: Page) -> str:
    """The id of the user the page is signed in as."""
    me: dict[str, Any] = await page.evaluate("fetch('/api/auth/me').then(r => r.json())")
    return str(me["id"])


async def sign_up_with_offers(
    page: Page, db: AsyncSession, name: str, email: str, offer_titles: Sequence[str]
) -> tuple[str, list[str]]:
    """Sign up with the form, then file the fictional source CV and one job offer per title
    for the new user straight into the database (their imports are tested elsewhere).
    Returns the source CV's id and the offers' ids."""
    await register_with_form(page, name, email)
    me = await signed_in_user_id(page)
    source = await factories.source_cv(db, me)
    offers = [(await factories.job_offer(db, me, title=title)).id for title in offer_titles]
    return source.id, offers


async def post_generation(page: Page, source_id: str, offer_ids: list[str]) -> str:
    """POST the generation from this page (as the offers page's form does); the task's id."""
    started: dict[str, Any] = await page.evaluate(
        """async ([source, offers]) => {
            const token = document.cookie.split('; ').find(c => c.startsWith('csrftoken='))
                .split('=')[1];
            const r = await fetch('/api/cv/generate-v2', {method: 'POST',
                headers: {'content-type': 'application/json', 'x-csrftoken': token},
                body: JSON.stringify({sourceCvFile: source, jobOfferIds: offers})});
            return r.json();
        }""",
        [source_id, offer_ids],
    )
    return str(started["taskId"])


async def start_generation(page: Page, source_id: str, offer_ids: list[str]) -> str:
    """``post_generation``, then open the generation's page; returns the task's id."""
    task_id = await post_generation(page, source_id, offer_ids)
    await page.goto(f"/generations/{task_id}")
    return task_id


async def sign_in_with_form(page: Page, email: str, password: str = PASSWORD) -> None:
    await page.fill("#email", email)
    await page.fill("#password", password)
    await page.get_by_role("button", name="Sign in").click()


async def switch_language(page: Page, locale: str) -> None:
    """Click the header's language button (``FR`` or ``EN``) like a person; wait for the page
    to come back in that language."""
    await page.get_by_role("button", name=locale.upper(), exact=True).click()
    await expect(page.locator("html")).to_have_attribute("lang", locale)


async def streams_subscribed(redis: Redis, user_id: str, streams: int = 1) -> None:
    """Wait until ``streams`` event streams of the user listen on the user's channel.

    The browser's ``htmx:sseOpen`` fires on the response headers, before the server has
    subscribed, and pub/sub keeps no history: an event published in between is lost.
    """
    channel = user_channel(user_id)
    async with asyncio.timeout(30):  # a poll, generous for a busy machine
        while dict(await redis.pubsub_numsub(channel)).get(channel.encode(), 0) < streams:
            await asyncio.sleep(0.02)
