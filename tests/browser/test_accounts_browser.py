"""Accounts, language and live events through a real Chromium against the real app (uvicorn).

Every step goes through the pages a person uses: plain HTML forms, redirects, cookies, htmx and
its SSE extension. Screenshots: see tests/browser/flows.py.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
import pytest
from arq import create_pool
from arq.jobs import Job
from arq.worker import Worker
from babel.messages.pofile import read_po
from playwright.async_api import Page, expect
from redis.asyncio import Redis

from app.config import Settings
from app.lib.events import user_channel
from app.lib.redis import arq_settings
from tests.browser.flows import (
    path_of,
    register_with_form,
    screenshot,
    sign_in_with_form,
    streams_subscribed,
    unique_email,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FRENCH_CATALOGUE = ROOT / "app" / "locales" / "fr" / "LC_MESSAGES" / "messages.po"

# English strings of the signed-in dashboard (nav and page), with their placeholder values.
DASHBOARD_STRINGS: dict[str, dict[str, object]] = {
    "Dashboard": {},
    "Account": {},
    "Sign out": {},
    "Credits": {},
    "Activity": {},
    "Source CVs": {},
    "Job offers": {},
    "Offline engine active": {},
    "Hello %(name)s": {"name": "Marie"},
    "%(n)s credits": {"n": "{balance}"},
}


async def sign_out(page: Page) -> None:
    await page.locator('form[action="/logout"] button').click()
    await expect(page).to_have_url(re.compile(r"/login$"))


async def worker_ready(settings: Settings) -> None:
    """Returns once the worker has run a job (so it is polling the queue)."""
    pool = await create_pool(arq_settings(settings.effective_redis_url))
    try:
        job = await pool.enqueue_job("ping", "warm-up", 0.0)
        assert job is not None
        await job.result(timeout=20, poll_delay=0.05)
    finally:
        await pool.aclose()


def french_translations() -> dict[str, str]:
    """msgid → French for the translated, non-fuzzy singular entries (empty if no catalogue)."""
    if not FRENCH_CATALOGUE.exists():
        return {}
    with FRENCH_CATALOGUE.open("rb") as fh:
        catalogue = read_po(fh, locale="fr")
    return {
        m.id: m.string
        for m in catalogue
        if isinstance(m.id, str)
        and isinstance(m.string, str)
        and m.id
        and m.string
        and m.string != m.id
        and not m.fuzzy
    }


# ---------------------------------------------------------------- scenarios


async def test_register_sign_out_and_sign_in_with_the_forms(
    browser_page: Page, js_errors: list[str]
) -> None:
    page = browser_page
    email = unique_email("ada")
    await register_with_form(page, "Ada Lovelace", email, shot=True)

    await expect(page.locator("h1")).to_have_text("Hello Ada Lovelace")
    await expect(page.locator('[data-engine="offline"]')).to_be_visible()
    balance = (await page.locator(".stat .big-number").first.inner_text()).strip()
    assert balance.isdigit(), balance
    await expect(page.locator("nav .credits")).to_have_text(f"{balance} credits")

    await sign_out(page)
    await expect(page.locator("nav .credits")).to_have_count(0)
    await screenshot(page, "login.png")

    # Wrong password: the form comes back with the error, still on /login.
    await sign_in_with_form(page, email, "not the password")
    await expect(page.get_by_role("alert")).to_have_text("Wrong email or password.")
    assert path_of(page) == "/login"
    await expect(page.locator("#email")).to_have_value(email)
    # The form is re-rendered with a 200 (a 401 page would log a console error).
    assert js_errors == []

    # The re-rendered form still works (fresh CSRF input, next preserved).
    await sign_in_with_form(page, email)
    await expect(page).to_have_url(re.compile(r"/$"))
    await expect(page.locator("h1")).to_have_text("Hello Ada Lovelace")
    assert js_errors == []


async def test_account_requires_sign_in_and_returns_there_afterwards(
    browser_page: Page, js_errors: list[str]
) -> None:
    page = browser_page
    email = unique_email("grace")
    await register_with_form(page, "Grace Hopper", email)
    await sign_out(page)

    await page.goto("/account")
    assert path_of(page) == "/login?next=/account"
    await expect(page.locator('main input[name="next"]')).to_have_value("/account")
    await sign_in_with_form(page, email)
    await expect(page).to_have_url(re.compile(r"/account$"))
    await expect(page.locator("h1")).to_have_text("Account")
    assert js_errors == []


async def test_api_token_created_used_and_revoked(
    browser_page: Page, js_errors: list[str], live_server: str
) -> None:
    page = browser_page
    email = unique_email("linus")
    await register_with_form(page, "Linus", email)
    await page.goto("/account")
    await page.fill("#token_name", "ci script")
    await page.get_by_role("button", name="Create token").click()

    shown = page.get_by_test_id("new-token")
    await expect(shown).to_be_visible()
    token = (await shown.inner_text()).strip()
    assert len(token) >= 20, token
    await expect(page.locator("#api-tokens tbody tr")).to_have_count(1)
    await screenshot(page, "account.png")

    async with httpx.AsyncClient(base_url=live_server, timeout=10) as api:
        headers = {"Authorization": f"Bearer {token}"}
        response = await api.get("/api/auth/me", headers=headers)
        assert response.status_code == 200, response.text
        assert response.json()["email"] == email

        # Shown once: a reload lists the token but never displays it again.
        await page.goto("/account")
        await expect(page.get_by_test_id("new-token")).to_have_count(0)
        assert token not in await page.content()
        row = page.locator("#api-tokens tbody tr", has_text="ci script")
        await expect(row).to_have_count(1)

        await row.get_by_role("button", name="Revoke").click()
        await expect(page).to_have_url(re.compile(r"/account#api-tokens$"))
        await expect(page.locator("#api-tokens tbody tr")).to_have_count(0)

        response = await api.get("/api/auth/me", headers=headers)
        assert response.status_code == 401, response.text
    assert js_errors == []


async def test_language_switch_in_the_nav(browser_page: Page, js_errors: list[str]) -> None:
    page = browser_page
    await register_with_form(page, "Marie", unique_email("marie"))
    balance = (await page.locator(".stat .big-number").first.inner_text()).strip()

    def shown(template: str, variables: dict[str, object]) -> str:
        values = {k: str(v).format(balance=balance) for k, v in variables.items()}
        return template % values if values else template

    body = page.locator("body")
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    for english, variables in DASHBOARD_STRINGS.items():
        await expect(body).to_contain_text(shown(english, variables))

    await page.locator('nav form[action="/locale"] button').click()
    await expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert path_of(page) == "/"
    await expect(page.locator('nav form[action="/locale"] button')).to_have_text("EN")
    french = french_translations()
    translated = [msgid for msgid in DASHBOARD_STRINGS if msgid in french]
    for msgid in translated:
        await expect(body).to_contain_text(shown(french[msgid], DASHBOARD_STRINGS[msgid]))
    if "Sign out" in french:
        await expect(page.locator('form[action="/logout"] button')).to_have_text(french["Sign out"])
    print(f"French strings checked: {len(translated)}/{len(DASHBOARD_STRINGS)}")

    # The choice sticks across pages, and switching back restores English.
    await page.goto("/account")
    await expect(page.locator("html")).to_have_attribute("lang", "fr")
    await expect(page.locator("#locale")).to_have_value("fr")
    await page.locator('nav form[action="/locale"] button').click()
    await expect(page).to_have_url(re.compile(r"/account$"))
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await expect(page.locator("h1")).to_have_text("Account")
    await expect(page.locator('nav form[action="/locale"] button')).to_have_text("FR")
    assert js_errors == []


async def test_worker_event_reaches_the_dashboard_through_sse(
    browser_page: Page, js_errors: list[str], worker: Worker, redis: Redis, settings: Settings
) -> None:
    page = browser_page
    # The worker takes a second or two to start (it pre-imports WeasyPrint) before it polls;
    # a warm-up job, run meanwhile, keeps that out of the wait for the event below.
    warm_up = asyncio.create_task(worker_ready(settings))
    await register_with_form(page, "Alan Turing", unique_email("alan"))
    panel = page.locator("#live-events")
    await expect(panel).to_be_visible()
    await expect(panel.locator('[data-event="system:pong"]')).to_have_count(0)

    # Wait until htmx's EventSource is open *and* the server has subscribed to the user's
    # channel: pub/sub keeps no history, so a ping published earlier would be lost.
    await page.wait_for_function("() => window.__sseOpen === true", timeout=30_000)
    me = await page.evaluate("fetch('/api/auth/me').then((r) => r.json())")
    await streams_subscribed(redis, me["id"])
    channel = user_channel(me["id"])

    await warm_up
    result = await page.evaluate(
        """async () => {
            const csrf = document.cookie.split("; ")
                .find((c) => c.startsWith("csrftoken="))?.split("=")[1];
            const response = await fetch("/api/system/ping-worker", {
                method: "POST", headers: {"x-csrftoken": csrf},
            });
            return {status: response.status, body: await response.json()};
        }"""
    )
    assert result["status"] == 202, result
    assert result["body"]["queued"] is True, result

    event = panel.locator('[data-event="system:pong"]')
    try:
        await expect(event).to_have_count(1, timeout=30_000)
    except AssertionError as exc:
        job = Job(result["body"]["jobId"], redis)
        raise AssertionError(
            f"no system:pong in 30 s; job {job.job_id} is {await job.status()}, this worker "
            f"completed {worker.jobs_complete} job(s), failed {worker.jobs_failed}, "
            f"subscribers on {channel}: {await redis.pubsub_numsub(channel)}"
        ) from exc
    await expect(event).to_contain_text("pong")
    await screenshot(page, "dashboard-new-account.png")
    assert js_errors == []
