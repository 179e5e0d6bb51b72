"""Password reset by an admin's one-time link (app/domain/accounts/password_reset.py): the link
works once, expires, ends the account's sessions and API tokens; the forms redirect after POST;
only the token's hash is stored."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import PasswordReset
from app.db.models.base import utcnow
from tests.conftest import csrf_token, post_form, register

Client = AsyncTestClient[Litestar]
EN = {"accept-language": "en"}
NEW_PASSWORD = "a brand new passphrase"


async def _reset_link_for(admin: Client, user_id: str) -> str:
    made = await post_form(admin, f"/admin/users/{user_id}/reset-link", {})
    assert made.status_code == 303 and made.headers["location"] == "/admin?saved=reset-link#users"
    page = await admin.get("/admin", headers=EN)
    assert page.headers["cache-control"] == "private, no-store"
    start = page.text.index('data-testid="new-reset-link">') + len('data-testid="new-reset-link">')
    link = page.text[start : page.text.index("</code>", start)]
    again = await admin.get("/admin", headers=EN)
    assert 'data-testid="new-reset-link"' not in again.text  # shown once
    return link


def _token(link: str) -> str:
    return parse_qs(urlsplit(link).query)["token"][0]


async def _sign_in(client: Client, email: str, password: str) -> int:
    response = await client.post(
        "/api/auth/login",
        json={"email": email, "password": password},
        headers={"x-csrftoken": await csrf_token(client)},
    )
    return response.status_code


async def test_an_admin_link_sets_a_new_password_once_and_ends_sessions_and_tokens(
    client: Client, another_client: Any, db: AsyncSession, backend: str
) -> None:
    await register(client, "reset-admin@example.com")  # the first account: admin
    async with another_client() as member_browser, another_client() as stranger:
        member = await register(member_browser, "reset-member@example.com")
        token_made = await member_browser.post(
            "/api/tokens",
            json={"name": "script"},
            headers={"x-csrftoken": await csrf_token(member_browser)},
        )
        assert token_made.status_code == 201, token_made.text
        api_token = token_made.json()["token"]
        link = await _reset_link_for(client, member["id"])
        assert link.startswith("http") and "/password/reset?token=" in link
        row = await db.scalar(select(PasswordReset))
        assert row is not None and _token(link) not in row.token_hash  # only the hash is kept
        await db.rollback()

        page = await stranger.get(urlsplit(link).path + "?" + urlsplit(link).query, headers=EN)
        assert page.status_code == 200 and 'name="password"' in page.text
        assert page.headers["referrer-policy"] == "no-referrer"
        short = await post_form(
            stranger, "/password/reset", {"token": _token(link), "password": "x"}
        )
        assert (
            short.status_code == 303
            and "error=auth.password_too_short" in short.headers["location"]
        )
        shown = await stranger.get(short.headers["location"], headers=EN)
        assert "The password must be at least 8 characters." in shown.text
        done = await post_form(
            stranger, "/password/reset", {"token": _token(link), "password": NEW_PASSWORD}
        )
        assert done.status_code == 303
        assert done.headers["location"] == "/login?signed_out=password-reset"

        # Signed out everywhere, its API token revoked; the new password opens the account.
        assert (await member_browser.get("/api/auth/me")).status_code == 401
        bearer = {"Authorization": f"Bearer {api_token}"}
        assert (await stranger.get("/api/auth/me", headers=bearer)).status_code == 401
        assert await _sign_in(stranger, "reset-member@example.com", "correct horse") == 401
        assert await _sign_in(stranger, "reset-member@example.com", NEW_PASSWORD) == 200

        # A second use is refused, with no form.
        second = await post_form(
            member_browser, "/password/reset", {"token": _token(link), "password": "another one!"}
        )
        assert second.status_code == 303
        refused = await member_browser.get(second.headers["location"], headers=EN)
        assert 'data-error-code="auth.reset_used"' in refused.text
        assert 'name="password"' not in refused.text
        assert await _sign_in(member_browser, "reset-member@example.com", NEW_PASSWORD) == 200


async def test_an_expired_or_unknown_link_is_refused(
    client: Client, another_client: Any, db: AsyncSession
) -> None:
    await register(client, "expiry-admin@example.com")
    async with another_client() as member_browser:
        member = await register(member_browser, "expiry-member@example.com")
        link = await _reset_link_for(client, member["id"])
        await db.execute(update(PasswordReset).values(expires_at=utcnow() - timedelta(seconds=1)))
        await db.commit()
        used = await post_form(
            member_browser, "/password/reset", {"token": _token(link), "password": NEW_PASSWORD}
        )
        assert used.status_code == 303
        page = await member_browser.get(used.headers["location"], headers=EN)
        assert 'data-error-code="auth.reset_expired"' in page.text
        assert await _sign_in(member_browser, "expiry-member@example.com", NEW_PASSWORD) == 401
        unknown = await member_browser.get("/password/reset?token=nope", headers=EN)
        assert 'data-error-code="auth.reset_unknown"' in unknown.text


async def test_a_new_link_ends_the_older_ones_when_used(
    client: Client, another_client: Any
) -> None:
    await register(client, "two-links-admin@example.com")
    async with another_client() as member_browser:
        member = await register(member_browser, "two-links@example.com")
        first = await _reset_link_for(client, member["id"])
        second = await _reset_link_for(client, member["id"])
        taken = await post_form(
            member_browser, "/password/reset", {"token": _token(second), "password": NEW_PASSWORD}
        )
        assert taken.headers["location"] == "/login?signed_out=password-reset"
        page = await member_browser.get(f"/password/reset?token={_token(first)}", headers=EN)
        assert 'data-error-code="auth.reset_used"' in page.text


async def test_only_admins_make_links_and_no_mail_server_means_ask_the_admin(
    client: Client, another_client: Any
) -> None:
    admin = await register(client, "links-admin@example.com")
    async with another_client() as member_browser:
        await register(member_browser, "links-member@example.com")
        denied = await post_form(member_browser, f"/admin/users/{admin['id']}/reset-link", {})
        assert denied.status_code == 403
        forgot = await member_browser.get("/password/forgot", headers=EN)
        assert (
            "data-reset-by-admin" in forgot.text and 'action="/password/forgot"' not in forgot.text
        )
    async with another_client() as signed_out:
        login = await signed_out.get("/login", headers=EN)
        assert 'href="/password/forgot"' in login.text and "Forgot your password?" in login.text
