"""An event stream opened with an API token ends, like a browser's, once its caller may no longer
read it: the token revoked (alone, or by "sign out everywhere"), or the account deleted. It runs
on while the token is valid."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest

from app.lib import sse
from tests.fixtures.live import Browser, browser

PASSWORD = "correct horse"


# The streams this test ends with their token (read by tests/security/test_route_guarantees.py).
COVERED = frozenset({"/api/events"})


@pytest.fixture
def quick_keepalive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sse, "KEEPALIVE_SECONDS", 0.2)


async def _new_token(tab: Browser) -> tuple[str, str]:
    created = await tab.post(
        "/api/tokens/", json={"name": "script"}, headers={"x-csrftoken": tab.cookies["csrftoken"]}
    )
    assert created.status_code == 201, created.text
    return str(created.json()["id"]), str(created.json()["token"])


async def _revoke(tab: Browser, token_id: str) -> httpx.Response:
    return await tab.delete(
        f"/api/tokens/{token_id}", headers={"x-csrftoken": tab.cookies["csrftoken"]}
    )


async def _sign_out_everywhere(tab: Browser, _: str) -> httpx.Response:
    return await tab.post(
        "/account/sessions/logout",
        data={"_csrf_token": tab.cookies["csrftoken"], "revoke_tokens": "on"},
    )


async def _delete_account(tab: Browser, _: str) -> httpx.Response:
    return await tab.request(
        "DELETE",
        "/api/account",
        json={"password": PASSWORD},
        headers={"x-csrftoken": tab.cookies["csrftoken"]},
    )


async def _until_keepalive(lines: AsyncIterator[str]) -> None:
    async for line in lines:
        if line.startswith(":"):
            return
    raise AssertionError("the stream ended while its token was valid")


async def _ends(lines: AsyncIterator[str]) -> None:
    async for _ in lines:
        pass


Ending = Callable[[Browser, str], Awaitable[httpx.Response]]


@pytest.mark.parametrize(
    "end",
    [_revoke, _sign_out_everywhere, _delete_account],
    ids=["token-revoked", "sign-out-everywhere", "account-deleted"],
)
async def test_a_token_stream_ends_with_its_token(
    live_server: str, quick_keepalive: None, end: Ending
) -> None:
    tab = await browser(live_server, "script-owner@example.com", PASSWORD)
    token_id, token = await _new_token(tab)
    script = httpx.AsyncClient(
        base_url=live_server, timeout=30, headers={"authorization": f"Bearer {token}"}
    )
    try:
        async with script.stream("GET", "/api/events") as stream:
            assert stream.status_code == 200
            lines = stream.aiter_lines()
            assert (await anext(lines)).startswith("event:")  # subscribed and streaming
            # Checked at each keep-alive, a valid token keeps the stream open.
            await asyncio.wait_for(_until_keepalive(lines), timeout=10)
            await asyncio.wait_for(_until_keepalive(lines), timeout=10)
            ended = await end(tab, token_id)
            assert ended.status_code in (200, 204, 302, 303), ended.text
            # Keep-alives every 0.2 s: the stream ends at the next one, not runs on.
            await asyncio.wait_for(_ends(lines), timeout=10)
    finally:
        await script.aclose()
        await tab.aclose()
