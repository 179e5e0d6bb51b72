"""Administrators in a real Chromium, clicked like a person (press, ~150 ms, release): the only
admin is told why they cannot step down, promotes a member, who then sees the admin page, and
steps down; the private offer URLs switch; the admin page on a 390 px phone scrolls its
statistics table in its own box, never the page."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Browser, Page, expect

from tests.browser.flows import PHONE, register_with_form, screenshot, unique_email

pytestmark = pytest.mark.browser

HELD_MS = 150  # how long a person holds the mouse button down
SIDEWAYS_OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


async def test_promote_then_step_down_and_the_last_admin_is_refused(
    browser_page: Page, chromium: Browser, live_server: str, js_errors: list[str]
) -> None:
    admin = browser_page
    admin_email = unique_email("roles-admin")
    await register_with_form(admin, "First Admin", admin_email)
    member_ctx = await chromium.new_context(base_url=live_server, locale="en-US")
    try:
        member = await member_ctx.new_page()
        member_email = unique_email("roles-member")
        await register_with_form(member, "Second Person", member_email)
        await expect(member.locator('nav a[href="/admin"]')).to_have_count(0)

        # Alone, the admin cannot step down: the page says why, and nothing changes.
        await admin.goto("/admin")
        mine = admin.locator(f'tr[data-user="{admin_email}"]')
        await mine.get_by_role("button", name="Step down as administrator").click(delay=HELD_MS)
        await expect(admin).to_have_url(re.compile(r"/admin\?error=admin\.last_admin#users$"))
        alert = admin.get_by_role("alert")
        await expect(alert).to_have_text(
            "You are the only administrator: make another account administrator first, then"
            " step down."
        )
        await expect(mine.locator("[data-role]")).to_have_attribute("data-role", "admin")

        # Promote the member: the row says so, and the member now reaches the admin page.
        theirs = admin.locator(f'tr[data-user="{member_email}"]')
        await theirs.get_by_role("button", name="Make administrator").click(delay=HELD_MS)
        await expect(admin).to_have_url(re.compile(r"/admin\?saved=role#users$"))
        await expect(theirs.locator("[data-role]")).to_have_attribute("data-role", "admin")
        await screenshot(admin, "admin-users.png")
        await member.reload()
        await member.locator('nav a[href="/admin"]').click(delay=HELD_MS)
        await expect(member.locator("h1")).to_have_text("Administration")

        # Now the first admin may step down; they land on their dashboard, admin no more.
        await mine.get_by_role("button", name="Step down as administrator").click(delay=HELD_MS)
        await expect(admin).to_have_url(re.compile(r"/$"))
        await expect(admin.locator('nav a[href="/admin"]')).to_have_count(0)

        # The remaining admin is the last one: refused in turn.
        await member.goto("/admin")
        last = member.locator(f'tr[data-user="{member_email}"]')
        await last.get_by_role("button", name="Step down as administrator").click(delay=HELD_MS)
        await expect(member.get_by_role("alert")).to_contain_text("only administrator")
        first = member.locator(f'tr[data-user="{admin_email}"]')
        await expect(first.locator("[data-role]")).to_have_attribute("data-role", "member")
    finally:
        await member_ctx.close()
    assert js_errors == []


async def test_private_offer_urls_switch_and_the_phone_layout(
    browser_page: Page, js_errors: list[str]
) -> None:
    page = browser_page
    await register_with_form(page, "Intranet Admin", unique_email("urls-admin"))
    await page.goto("/admin")
    box = page.get_by_label("Allow offer and feed URLs on private addresses")
    await expect(box).not_to_be_checked()
    await box.click(delay=HELD_MS)
    await page.locator("#offer-urls").get_by_role("button", name="Save").click(delay=HELD_MS)
    await expect(page).to_have_url(re.compile(r"/admin\?saved=offer-urls#offer-urls$"))
    await expect(
        page.get_by_label("Allow offer and feed URLs on private addresses")
    ).to_be_checked()

    # A phone: the page never scrolls sideways; the statistics stack, a card per phase, each
    # figure beside its label, so every column is on screen without scrolling the table.
    await page.set_viewport_size(PHONE)
    await page.goto("/admin#stats")
    assert await page.evaluate(SIDEWAYS_OVERFLOW) <= 1
    scroller = page.locator("#stats .scroll-box")
    widths = await scroller.evaluate("(el) => [el.scrollWidth, el.clientWidth]")
    assert widths[0] <= widths[1] + 1, widths  # nothing hidden to the right
    last_figure = page.locator("#stats tbody tr").first.locator("td").last
    await last_figure.scroll_into_view_if_needed()
    await expect(last_figure).to_be_in_viewport()
    assert await page.evaluate(SIDEWAYS_OVERFLOW) <= 1
    await screenshot(page, "phone-admin-stats.png")
    assert js_errors == []
