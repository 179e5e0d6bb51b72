"""A password change ends the user's other sessions (and, if asked, their API tokens); an SSE
stream stops once its session is signed out or ended that way (app/lib/sessions.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from app.lib import sse as event_stream
from tests.conftest import csrf_token, register
from tests.fixtures.live import browser

Client = AsyncTestClient[Litestar]
OLD, NEW = "old password", "brand new password"


async def _sign_in(client: Client, password: str = OLD) -> int:
    response = await client.post(
        "/api/auth/login",
        json={"email": "owner@example.com", "password": password},
        headers={"x-csrftoken": await csrf_token(client)},
    )
    return response.status_code


async def _change_password(client: Client, current: str, new: str, *, revoke: bool) -> str:
    form = {
        "current_password": current,
        "new_password": new,
        "_csrf_token": await csrf_token(client),
    }
    if revoke:
        form["revoke_tokens"] = "on"
    response = await client.post("/account/password", data=form, headers={"Accept-Language": "en"})
    assert response.status_code == 200, response.text
    return response.text


async def _me(client: Client, token: str | None = None) -> int:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return (await client.get("/api/auth/me", headers=headers)).status_code


async def test_a_password_change_signs_out_every_other_session(
    client: Client, another_client: Callable[[], Client]
) -> None:
    await register(client, "owner@example.com", OLD)
    async with another_client() as laptop, another_client() as phone:
        assert await _sign_in(laptop) == 200
        assert await _sign_in(phone) == 200
        page = await _change_password(client, OLD, NEW, revoke=False)
        assert "other sessions were signed out" in page
        assert await _me(client) == 200  # the session that made the change carries on
        assert await _me(laptop) == 401
        assert await _me(phone) == 401
        account = await phone.get("/account", follow_redirects=False)
        assert account.status_code in (302, 303) and account.headers["location"].startswith(
            "/login"
        )
        assert await _sign_in(phone, OLD) == 401
        assert await _sign_in(phone, NEW) == 200
        assert await _me(phone) == 200


async def test_api_tokens_are_revoked_only_when_asked(client: Client) -> None:
    await register(client, "owner@example.com", OLD)
    created = await client.post(
        "/api/tokens/", json={"name": "script"}, headers={"x-csrftoken": await csrf_token(client)}
    )
    token = created.json()["token"]
    await _change_password(client, OLD, NEW, revoke=False)
    assert await _me(client, token) == 200
    page = await _change_password(client, NEW, OLD, revoke=True)
    assert "API tokens revoked" in page
    refused = await client.get("/api/auth/me", headers={"authorization": f"Bearer {token}"})
    assert refused.status_code == 401 and refused.json()["error"] == "auth.invalid_token"


@pytest.fixture
def quick_keepalive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_stream, "KEEPALIVE_SECONDS", 0.2)


async def _sign_out(tab: httpx.AsyncClient, _other: httpx.AsyncClient) -> None:
    response = await tab.post("/api/auth/logout", headers={"x-csrftoken": tab.cookies["csrftoken"]})
    assert response.status_code == 200


async def _password_changed_elsewhere(_tab: httpx.AsyncClient, other: httpx.AsyncClient) -> None:
    response = await other.post(
        "/account/password",
        data={
            "current_password": OLD,
            "new_password": NEW,
            "_csrf_token": other.cookies["csrftoken"],
        },
    )
    assert response.status_code == 303 and response.headers["location"] == "/account"


async def _ends(lines: AsyncIterator[str]) -> list[str]:
    return [line async for line in lines]


@pytest.mark.parametrize("path", ["/api/events", "/events/feed"])
@pytest.mark.parametrize(
    "end_session", [_sign_out, _password_changed_elsewhere], ids=["sign-out", "password-change"]
)
async def test_an_open_event_stream_stops_when_its_session_ends(
    live_server: str,
    quick_keepalive: None,
    path: str,
    end_session: Callable[[httpx.AsyncClient, httpx.AsyncClient], Awaitable[Any]],
) -> None:
    tab = await browser(live_server, "owner@example.com", OLD)
    other = httpx.AsyncClient(base_url=live_server, timeout=30)
    try:
        await other.get("/health")
        signed_in = await other.post(
            "/api/auth/login",
            json={"email": "owner@example.com", "password": OLD},
            headers={"x-csrftoken": other.cookies["csrftoken"]},
        )
        assert signed_in.status_code == 200
        async with tab.stream("GET", path) as response:
            assert response.status_code == 200
            lines = response.aiter_lines()
            assert (await anext(lines)).startswith("event:")  # subscribed and streaming
            await end_session(tab, other)
            # Keep-alives every 0.2 s here: the stream must end at the next one, not run on.
            await asyncio.wait_for(_ends(lines), timeout=30)
    finally:
        await tab.aclose()
        await other.aclose()
