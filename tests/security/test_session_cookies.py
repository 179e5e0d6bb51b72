"""Session and CSRF cookie flags, and sign-out that really ends the session on the server.

Rotation of the session id at sign-in (fixation) is tested in
``tests/integration/test_accounts.py::test_sign_in_rotates_the_session_id``.
"""

from __future__ import annotations

from dataclasses import replace
from http.cookies import SimpleCookie
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis

from app.config import Settings
from tests.conftest import csrf_token

Client = AsyncTestClient[Litestar]


def _cookies(response: Any) -> dict[str, Any]:
    jar: SimpleCookie = SimpleCookie()
    for header in response.headers.get_list("set-cookie"):
        jar.load(header)
    return {name: jar[name] for name in jar}


async def _sign_up(client: Client, email: str) -> Any:
    token = await csrf_token(client)
    response = await client.post(
        "/api/auth/register",
        json={"email": email, "password": "long enough pw"},
        headers={"x-csrftoken": token},
    )
    assert response.status_code == 201, response.text
    return response


@pytest.mark.parametrize("https", [False, True], ids=["http", "https"])
async def test_cookie_flags(settings: Settings, session_factory: Any, https: bool) -> None:
    from app.asgi import create_app

    app = create_app(replace(settings, secure_cookies=https))
    base_url = "https://testserver.local" if https else "http://testserver.local"
    async with AsyncTestClient(app=app, base_url=base_url) as client:
        csrf_cookie = _cookies(await client.get("/health"))["csrftoken"]
        session = _cookies(await _sign_up(client, "flags@example.com"))["session"]
    assert session["httponly"] is True  # scripts (and injected ones) never read it
    assert session["samesite"].lower() in ("lax", "strict")
    assert session["path"] == "/"
    assert bool(session["secure"]) is https
    # The CSRF cookie is readable by design (scripts echo it in x-csrftoken), but same-site.
    assert csrf_cookie["samesite"].lower() in ("lax", "strict")
    assert csrf_cookie["path"] == "/"
    assert bool(csrf_cookie["secure"]) is https


async def test_secure_cookies_is_off_by_default_and_set_by_the_environment() -> None:
    from app.config import build_settings

    assert build_settings({"SECRET_KEY": "x"}).secure_cookies is False  # plain http on loopback
    on = build_settings({"SECRET_KEY": "x", "CVTAILOR_SECURE_COOKIES": "true"})
    assert on.secure_cookies is True


@pytest.mark.parametrize("logout", ["/api/auth/logout", "/logout"])
async def test_sign_out_deletes_the_session_on_the_server(
    client: Client, another_client: Any, redis: Redis, logout: str
) -> None:
    await _sign_up(client, "leaving@example.com")
    old_session = client.cookies["session"]
    assert await redis.keys(f"*{old_session}*"), "sessions are stored server-side, in Redis"
    token = await csrf_token(client)
    signed_out = await client.post(logout, headers={"x-csrftoken": token}, follow_redirects=False)
    assert signed_out.status_code in (200, 302, 303)
    assert not await redis.keys(f"*{old_session}*"), "the session is still stored"
    # A copy of the old cookie (stolen, or kept by another tab) no longer signs anyone in.
    async with another_client() as thief:
        thief.cookies.set("session", old_session, domain="testserver.local")
        assert (await thief.get("/api/auth/me")).status_code == 401
        page = await thief.get("/account", follow_redirects=False)
        assert page.headers["location"].startswith("/login")


async def test_callers_without_a_session_get_none_created(client: Client, redis: Redis) -> None:
    """A thousand anonymous GETs (static files, the health check, an API-token script) used to
    leave a thousand empty 14-day sessions in Redis."""
    from app.lib.sessions import RotatingSessionConfig

    before = await redis.dbsize()
    for path in ("/health", "/static/css/app.css", "/login", "/api/auth/me") * 10:
        client.cookies.clear()
        response = await client.get(path)
        assert RotatingSessionConfig.key not in _cookies(response), path
    assert await redis.dbsize() <= before + 2  # the per-IP counters, not one key per request
    # Signing up still creates one, as before.
    assert RotatingSessionConfig.key in _cookies(await _sign_up(client, "fresh@example.com"))
