""" "Sign out everywhere" on the account page: every session of the user ends, this one too,
their event streams stop, and the API tokens go as well when asked."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from app.lib import sse as event_stream
from tests.conftest import csrf_token, register
from tests.fixtures.live import browser

Client = AsyncTestClient[Litestar]
PASSWORD = "correct horse"


async def _sign_in(client: Client) -> None:
    response = await client.post(
        "/api/auth/login",
        json={"email": "owner@example.com", "password": PASSWORD},
        headers={"x-csrftoken": await csrf_token(client)},
    )
    assert response.status_code == 200, response.text


async def _sign_out_everywhere(client: Client, *, revoke: bool) -> Any:
    form = {"_csrf_token": await csrf_token(client)}
    if revoke:
        form["revoke_tokens"] = "on"
    return await client.post("/account/sessions/logout", data=form, follow_redirects=False)


async def _me(client: Client, token: str | None = None) -> int:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return (await client.get("/api/auth/me", headers=headers)).status_code


async def _new_token(client: Client) -> str:
    created = await client.post(
        "/api/tokens/", json={"name": "script"}, headers={"x-csrftoken": await csrf_token(client)}
    )
    assert created.status_code == 201, created.text
    return str(created.json()["token"])


@pytest.mark.parametrize("revoke", [False, True], ids=["keep-tokens", "revoke-tokens"])
async def test_every_session_ends_this_one_included(
    client: Client, another_client: Callable[[], Client], revoke: bool
) -> None:
    await register(client, "owner@example.com", PASSWORD)
    token = await _new_token(client)
    page = await client.get("/account")
    assert 'action="/account/sessions/logout"' in page.text
    async with another_client() as laptop, another_client() as phone:
        await _sign_in(laptop)
        await _sign_in(phone)
        answer = await _sign_out_everywhere(phone, revoke=revoke)
        assert answer.status_code in (302, 303)
        notice = answer.headers["location"]
        assert notice.startswith("/login?signed_out=")
        assert [await _me(c) for c in (client, laptop, phone)] == [401, 401, 401]
        shown = await phone.get(notice, headers={"Accept-Language": "en"})
        assert "signed out on every device" in shown.text
        assert ("API tokens revoked" in shown.text) is revoke
        assert await _me(client, token) == (401 if revoke else 200)
        await _sign_in(laptop)  # the password still works: a new session is fine
        assert await _me(laptop) == 200


async def test_the_notice_is_never_text_from_the_query(client: Client) -> None:
    page = await client.get("/login?signed_out=<script>alert(1)</script>")
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "data-notice" not in page.text


@pytest.fixture
def quick_keepalive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_stream, "KEEPALIVE_SECONDS", 0.2)


async def _ends(lines: AsyncIterator[str]) -> list[str]:
    return [line async for line in lines]


@pytest.mark.parametrize("path", ["/api/events", "/events/feed"])
async def test_open_event_streams_stop_here_and_elsewhere(
    live_server: str, quick_keepalive: None, path: str
) -> None:
    tab = await browser(live_server, "owner@example.com", PASSWORD)
    other = httpx.AsyncClient(base_url=live_server, timeout=30)
    try:
        await other.get("/health")
        signed_in = await other.post(
            "/api/auth/login",
            json={"email": "owner@example.com", "password": PASSWORD},
            headers={"x-csrftoken": other.cookies["csrftoken"]},
        )
        assert signed_in.status_code == 200
        async with tab.stream("GET", path) as mine, other.stream("GET", path) as theirs:
            streams = [mine.aiter_lines(), theirs.aiter_lines()]
            for lines in streams:
                assert (await anext(lines)).startswith("event:")  # subscribed and streaming
            ended = await tab.post(
                "/account/sessions/logout", data={"_csrf_token": tab.cookies["csrftoken"]}
            )
            assert ended.status_code in (302, 303)
            # Keep-alives every 0.2 s here: both streams end at the next one, not run on.
            await asyncio.wait_for(asyncio.gather(*(_ends(s) for s in streams)), timeout=10)
    finally:
        await tab.aclose()
        await other.aclose()
