"""Getting back into an account, in a real Chromium, clicked like a person (press, ~150 ms,
release): by a one-time link an admin makes on the admin page, and by email through
"Forgot your password?" against a real SMTP server run by the test (French account, French
mail). Each link works once, ends the account's sessions, and a second use or an expired link
is refused with no form."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.async_api import Browser, BrowserContext, Page, expect
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import PasswordReset
from app.db.models.base import utcnow
from tests.browser.flows import (
    PASSWORD,
    path_of,
    register_with_form,
    screenshot,
    sign_in_with_form,
    switch_language,
    unique_email,
)
from tests.fixtures.mailbox import PUBLIC_URL, Mailbox, body_of, mail_settings, mailbox

pytestmark = pytest.mark.browser

HELD_MS = 150  # how long a person holds the mouse button down
NEW_PASSWORD = "a fresh passphrase 2026"
LINK = re.compile(r"https?://[^/\s]+(/password/reset\?token=[\w-]+)")

__all__ = ["mailbox"]  # the fixture, used by name


async def _context(chromium: Browser, live_server: str) -> BrowserContext:
    return await chromium.new_context(
        base_url=live_server,
        locale="en-US",
        timezone_id="UTC",
        viewport={"width": 1280, "height": 800},
    )


async def _set_new_password(page: Page, path: str, password: str = NEW_PASSWORD) -> None:
    await page.goto(path)
    await page.fill("#password", password)
    await page.locator('form[action="/password/reset"] button[type="submit"]').click(delay=HELD_MS)
    await expect(page).to_have_url(re.compile(r"/login\?signed_out=password-reset$"))
    await expect(page.locator("[data-notice]")).to_be_visible()


async def test_an_admin_link_gets_a_member_back_in_once(
    browser_page: Page, chromium: Browser, live_server: str, js_errors: list[str]
) -> None:
    admin = browser_page  # its JavaScript errors are collected
    member_ctx = await _context(chromium, live_server)
    locked_out_ctx = await _context(chromium, live_server)
    try:
        member = await member_ctx.new_page()
        await register_with_form(admin, "Admin Person", unique_email("reset-admin"))
        member_email = unique_email("reset-member")
        await register_with_form(member, "Member Person", member_email)

        await admin.goto("/admin")
        row = admin.locator(f'tr[data-user="{member_email}"]')
        await row.get_by_role("button", name="Make a reset link").click(delay=HELD_MS)
        await expect(admin).to_have_url(re.compile(r"/admin\?saved=reset-link#users$"))
        shown = admin.get_by_test_id("new-reset-link")
        await expect(shown).to_be_visible()
        link = (await shown.inner_text()).strip()
        match = LINK.fullmatch(link)
        assert match is not None, link
        await admin.reload()  # shown once
        await expect(admin.get_by_test_id("new-reset-link")).to_have_count(0)

        # The member, on another computer, opens the link and chooses a new password.
        locked_out = await locked_out_ctx.new_page()
        await _set_new_password(locked_out, match.group(1))
        await sign_in_with_form(locked_out, member_email, NEW_PASSWORD)
        await expect(locked_out.locator("h1")).to_have_text("Hello Member Person")

        # The member's older session was ended by the reset.
        await member.goto("/account")
        await expect(member).to_have_url(re.compile(r"/login"))
        # A second use of the link is refused, with no form to fill in.
        await member.goto(match.group(1))
        alert = member.get_by_role("alert")
        await expect(alert).to_have_text(re.compile("already used"))
        await expect(member.locator("#password")).to_have_count(0)
        # The old password opens nothing any more.
        await member.goto("/login")
        await sign_in_with_form(member, member_email, PASSWORD)
        await expect(member.get_by_role("alert")).to_contain_text("Wrong email or password")
    finally:
        for context in (member_ctx, locked_out_ctx):
            await context.close()
    assert js_errors == []


@pytest.fixture
def settings(settings: Settings, mailbox: tuple[Mailbox, int]) -> Settings:
    return mail_settings(settings, mailbox[1])


async def test_forgot_password_by_email_in_french(
    browser_page: Page,
    chromium: Browser,
    live_server: str,
    mailbox: tuple[Mailbox, int],
    db: AsyncSession,
    js_errors: list[str],
) -> None:
    box, _ = mailbox
    admin_ctx = await _context(chromium, live_server)
    try:
        await register_with_form(await admin_ctx.new_page(), "Admin", unique_email("mail-admin"))
        page = browser_page  # its JavaScript errors are collected
        await page.goto("/register")
        await switch_language(page, "fr")
        email = "camille.martin@rh.intranet.local"  # an intranet install's own domain
        await page.fill("#display_name", "Camille Martin")
        await page.fill("#email", email)
        await page.fill("#password", PASSWORD)
        await page.get_by_role("button", name="Créer mon compte").click(delay=HELD_MS)
        await expect(page).to_have_url(re.compile(r"/$"))
        await page.locator('form[action="/logout"] button').click(delay=HELD_MS)
        await expect(page).to_have_url(re.compile(r"/login"))

        # Forgot: the page says the same for an unknown address and for the account's.
        await page.get_by_role("link", name="Mot de passe oublié ?").click(delay=HELD_MS)
        await expect(page.locator("h1")).to_have_text("Mot de passe oublié ?")
        answers = []
        for address in ("personne@rh.intranet.local", email):
            await page.fill("#email", address)
            await page.get_by_role("button", name="M'envoyer un lien").click(delay=HELD_MS)
            notice = page.locator("[data-reset-requested]")
            await expect(notice).to_be_visible()
            answers.append((path_of(page), await notice.inner_text()))
        assert answers[0] == answers[1]
        assert answers[0][1].startswith("Si un compte utilise cette adresse")
        await screenshot(page, "forgot-password-fr.png")

        [mail] = await box.wait_for(1)
        assert (
            mail["To"] == email and mail["Subject"] == "Réinitialisez votre mot de passe CV Tailor"
        )
        body = body_of(mail)
        assert body.startswith("Bonjour Camille Martin,")
        assert f"{PUBLIC_URL}/password/reset?token=" in body  # the configured address, not Host
        match = LINK.search(body)
        assert match is not None
        await page.goto(match.group(1))
        await expect(page.locator("h1")).to_have_text("Choisir un nouveau mot de passe")
        await screenshot(page, "reset-password-fr.png")
        await page.fill("#password", NEW_PASSWORD)
        await page.get_by_role("button", name="Enregistrer le nouveau mot de passe").click(
            delay=HELD_MS
        )
        await expect(page.locator("[data-notice]")).to_contain_text(
            "Votre mot de passe a été changé"
        )
        await sign_in_with_form_fr(page, email, NEW_PASSWORD)
        await expect(page.locator("h1")).to_have_text("Bonjour Camille Martin")

        # Used once: the same link is refused.
        await page.goto(match.group(1))
        await expect(page.get_by_role("alert")).to_have_text(re.compile("a déjà servi"))
        await expect(page.locator("#password")).to_have_count(0)

        # A new link, past its hour, is refused too.
        await page.locator('form[action="/logout"] button').click(delay=HELD_MS)
        await page.goto("/password/forgot")
        await page.fill("#email", email)
        await page.get_by_role("button", name="M'envoyer un lien").click(delay=HELD_MS)
        messages = await box.wait_for(2)
        late = LINK.search(body_of(messages[1]))
        assert late is not None and late.group(1) != match.group(1)
        await db.execute(
            update(PasswordReset)
            .where(PasswordReset.used_at.is_(None))
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
        await db.commit()
        await page.goto(late.group(1))
        await expect(page.get_by_role("alert")).to_have_text(re.compile("a expiré"))
        await expect(page.locator("#password")).to_have_count(0)
        assert len(box.received()) == 2  # the unknown address never got one
    finally:
        await admin_ctx.close()
    assert js_errors == []


async def sign_in_with_form_fr(page: Page, email: str, password: str) -> None:
    await page.fill("#email", email)
    await page.fill("#password", password)
    await page.get_by_role("button", name="Se connecter").click(delay=HELD_MS)
