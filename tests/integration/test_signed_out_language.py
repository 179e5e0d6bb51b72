"""Signing out keeps the reader's language: the sign-in page and its "signed out" notice that
follow are in the language the user was reading, not the default one — after a sign-out, a
"sign out everywhere" (this tab and another one), and an account deletion. The session itself
is gone: its id is retired and it signs nobody in."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import httpx
import pytest

PASSWORD = "correct horse"


async def _english_tab(live_server: str, email: str, *, register: bool) -> httpx.AsyncClient:
    """A tab whose reader chose English; the browser says nothing (the default is French)."""
    tab = httpx.AsyncClient(base_url=live_server, timeout=30)
    await tab.get("/health")
    path = "/api/auth/register" if register else "/api/auth/login"
    signed_in = await tab.post(
        path,
        json={"email": email, "password": PASSWORD},
        headers={"x-csrftoken": tab.cookies["csrftoken"]},
    )
    assert signed_in.status_code in (200, 201), signed_in.text
    chosen = await tab.post(
        "/locale", data={"locale": "en", "next": "/", "_csrf_token": tab.cookies["csrftoken"]}
    )
    assert chosen.status_code in (200, 302, 303)
    return tab


def _language(page: httpx.Response) -> str:
    found = re.search(r'<html lang="(\w+)"', page.text)
    assert found is not None, page.text[:200]
    return found.group(1)


async def _sign_out(tab: httpx.AsyncClient) -> httpx.Response:
    return await tab.post("/logout", data={"_csrf_token": tab.cookies["csrftoken"]})


async def _everywhere(tab: httpx.AsyncClient) -> httpx.Response:
    return await tab.post(
        "/account/sessions/logout", data={"_csrf_token": tab.cookies["csrftoken"]}
    )


async def _delete(tab: httpx.AsyncClient) -> httpx.Response:
    return await tab.request(
        "DELETE",
        "/api/account",
        json={"password": PASSWORD},
        headers={"x-csrftoken": tab.cookies["csrftoken"]},
    )


Ending = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]


@pytest.mark.parametrize(
    ("end", "notice"),
    [
        (_sign_out, None),
        (_everywhere, "You were signed out on every device"),
        (_delete, "Your account and all its data were deleted."),
    ],
    ids=["sign-out", "everywhere", "account-deleted"],
)
async def test_the_pages_after_a_sign_out_keep_the_readers_language(
    live_server: str, end: Ending, notice: str | None
) -> None:
    tab = await _english_tab(live_server, "out-language@example.com", register=True)
    assert tab.cookies.get("session")
    try:
        ended = await end(tab)
        assert ended.status_code in (200, 302, 303), ended.text
        target = ended.headers.get("location") or "/login"
        if notice == "Your account and all its data were deleted.":
            target = "/login?signed_out=deleted"
        page = await tab.get(target)
        assert _language(page) == "en"
        if notice:
            assert notice in page.text.replace("&#39;", "'")
        assert (await tab.get("/api/auth/me")).status_code == 401
        # The old id is retired, and no session replaces it: the language is a cookie now.
        assert tab.cookies.get("session") is None and tab.cookies.get("locale") == "en"
    finally:
        await tab.aclose()


async def test_a_tab_signed_out_from_another_device_keeps_its_language(live_server: str) -> None:
    laptop = await _english_tab(live_server, "elsewhere@example.com", register=True)
    phone = await _english_tab(live_server, "elsewhere@example.com", register=False)
    try:
        assert (await _everywhere(phone)).status_code in (302, 303)
        refused = await laptop.get("/account")  # its session was ended elsewhere
        assert refused.status_code in (302, 303)
        page = await laptop.get(refused.headers["location"])
        assert _language(page) == "en"
    finally:
        await laptop.aclose()
        await phone.aclose()
