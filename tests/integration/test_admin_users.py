"""Admin page: promote and demote administrators (never the last one), the private offer URLs
switch, and a control for every stored setting."""

from __future__ import annotations

import re
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import Setting, User
from app.settings.registry import AI_MODELS_STRUCTURE, setting_definitions
from tests.conftest import post_form, register

Client = AsyncTestClient[Litestar]
EN = {"accept-language": "en"}
FR = {"accept-language": "fr"}


async def _is_admin(db: AsyncSession, email: str) -> bool:
    value = await db.scalar(select(User.is_admin).where(User.email == email))
    await db.rollback()
    return bool(value)


async def test_the_last_admin_cannot_step_down_and_can_after_promoting_someone(
    client: Client, another_client: Any, db: AsyncSession
) -> None:
    admin = await register(client, "roles-admin@example.com")
    refused = await post_form(client, f"/admin/users/{admin['id']}/role", {"admin": "0"})
    assert refused.status_code == 303
    assert refused.headers["location"] == "/admin?error=admin.last_admin#users"
    page = await client.get(refused.headers["location"], headers=EN)
    assert 'data-error-code="admin.last_admin"' in page.text
    assert "You are the only administrator" in page.text
    french = await client.get(refused.headers["location"], headers=FR)
    assert "seul administrateur" in french.text
    assert await _is_admin(db, "roles-admin@example.com")

    async with another_client() as member_browser:
        member = await register(member_browser, "roles-member@example.com")
        assert (await member_browser.get("/admin")).status_code == 403
        promoted = await post_form(client, f"/admin/users/{member['id']}/role", {"admin": "1"})
        assert promoted.headers["location"] == "/admin?saved=role#users"
        assert await _is_admin(db, "roles-member@example.com")
        assert (await member_browser.get("/admin")).status_code == 200  # at its next request
        # Now the first admin may step down; the page they land on is no admin page.
        stepped = await post_form(client, f"/admin/users/{admin['id']}/role", {"admin": "0"})
        assert stepped.headers["location"] == "/"
        assert not await _is_admin(db, "roles-admin@example.com")
        assert (await client.get("/admin")).status_code == 403
        # The one admin left cannot be demoted by a member, nor step down.
        denied = await post_form(client, f"/admin/users/{member['id']}/role", {"admin": "0"})
        assert denied.status_code == 403
        last = await post_form(member_browser, f"/admin/users/{member['id']}/role", {"admin": "0"})
        assert last.headers["location"] == "/admin?error=admin.last_admin#users"
        assert await _is_admin(db, "roles-member@example.com")


async def test_an_unknown_error_code_in_the_address_shows_nothing(client: Client) -> None:
    await register(client, "codes-admin@example.com")
    page = await client.get("/admin?error=<script>alert(1)</script>", headers=EN)
    assert page.status_code == 200 and "data-error-code" not in page.text
    assert "<script>alert(1)" not in page.text


async def test_private_offer_urls_are_switched_on_the_page(
    client: Client, db: AsyncSession
) -> None:
    await register(client, "urls-admin@example.com")

    async def stored() -> str | None:
        value = await db.scalar(
            select(Setting.value).where(Setting.setting_name == "allow_private_offer_urls")
        )
        await db.rollback()
        return value

    page = await client.get("/admin", headers=EN)
    assert 'name="allow_private_offer_urls"' in page.text
    box = re.search(r'<input type="checkbox" id="allow_private_offer_urls"[^>]*>', page.text)
    assert box is not None and "checked" not in box.group(0)
    on = await post_form(client, "/admin/offer-urls", {"allow_private_offer_urls": "true"})
    assert on.status_code == 303 and on.headers["location"].endswith("#offer-urls")
    assert await stored() == "true"
    page = await client.get("/admin", headers=EN)
    box = re.search(r'<input type="checkbox" id="allow_private_offer_urls"[^>]*>', page.text)
    assert box is not None and "checked" in box.group(0)
    off = await post_form(client, "/admin/offer-urls", {})  # an unticked box is not sent
    assert off.status_code == 303
    assert await stored() == "false"


async def test_every_stored_setting_has_a_control_on_the_admin_page(
    client: Client, settings: Settings
) -> None:
    await register(client, "controls-admin@example.com")
    page = (await client.get("/admin", headers=EN)).text
    names = {definition.name for definition in setting_definitions(settings)}
    assert {n for group in AI_MODELS_STRUCTURE.values() for n in group} <= names
    missing = sorted(name for name in names if f'name="{name}"' not in page)
    assert missing == []
