"""CSRF tokens are bound to the session (app/lib/csrf.py).

A double-submit cookie alone accepts any well-signed token whose cookie comes along, so a token
taken from one session, with its cookie planted in another browser (a sibling subdomain can set
cookies for the whole site), would pass there. Each token is now signed with a random key kept
in the server-side session: it is refused in any other session, and the key changes with the
session id at sign-in and sign-out.
"""

from __future__ import annotations

import re
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import ApiToken
from tests.conftest import csrf_token, register

Client = AsyncTestClient[Litestar]
OTHER_SESSION = "This form was loaded before a sign-in or sign-out; reload the page."
HOST = "testserver.local"


def plant(client: Client, token: str) -> None:
    """Replace the browser's CSRF cookie, as a cookie set from a sibling subdomain would."""
    client.cookies.delete("csrftoken")
    client.cookies.set("csrftoken", token, domain=HOST)


def page_token(html: str) -> str:
    found = re.search(r'name="_csrf_token" value="([0-9a-f]+)"', html)
    assert found, "the page has no CSRF input"
    return found.group(1)


async def tokens_in_db(session_factory: async_sessionmaker[AsyncSession]) -> int:
    async with session_factory() as db:
        return int(await db.scalar(select(func.count()).select_from(ApiToken)) or 0)


async def test_a_token_from_another_users_session_is_refused(
    client: Client, another_client: Any, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await register(client, "alice@example.com")
    alices = await csrf_token(client)
    async with another_client() as bob:
        await register(bob, "bob@example.com")
        plant(bob, alices)
        by_api = await bob.post(
            "/api/tokens", json={"name": "planted"}, headers={"x-csrftoken": alices}
        )
        assert by_api.status_code == 403, by_api.text
        assert by_api.json() == {"error": "csrf_failed", "detail": OTHER_SESSION}
        by_form = await bob.post(
            "/account/tokens",
            data={"name": "planted", "_csrf_token": alices},
            headers={"accept-language": "fr"},
            follow_redirects=False,
        )
        assert by_form.status_code == 403
        assert 'data-error-code="csrf_failed"' in by_form.text
        assert "Ce formulaire date d&#39;avant une connexion" in by_form.text, by_form.text
        assert await tokens_in_db(session_factory) == 0
        assert (await bob.get("/api/auth/me")).json()["email"] == "bob@example.com"

        # Reloading a page is the way out: it sets Bob's own token again.
        account = await bob.get("/account")
        bobs = page_token(account.text)
        assert bobs != alices and bobs == bob.cookies["csrftoken"]
        own = await bob.post("/api/tokens", json={"name": "mine"}, headers={"x-csrftoken": bobs})
        assert own.status_code == 201, own.text
    # Alice's own token still works in her own session.
    again = await client.post("/api/tokens", json={"name": "hers"}, headers={"x-csrftoken": alices})
    assert again.status_code == 201, again.text
    assert await tokens_in_db(session_factory) == 2


async def test_sign_in_changes_the_token_and_the_next_form_post_works(
    client: Client, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await register(client, "carol@example.com", "carol password")
    await client.post("/api/auth/logout", headers={"x-csrftoken": await csrf_token(client)})

    before = page_token((await client.get("/login")).text)
    signed_in = await client.post(
        "/login",
        data={"email": "carol@example.com", "password": "carol password", "_csrf_token": before},
        follow_redirects=False,
    )
    assert signed_in.status_code in (302, 303), signed_in.text
    # The sign-in's own response set the new cookie; the page it leads to carries the same token.
    after = page_token((await client.get(signed_in.headers["location"])).text)
    assert after != before and after == client.cookies["csrftoken"]
    created = await client.post(
        "/account/tokens",
        data={"name": "right after sign-in", "_csrf_token": after},
        follow_redirects=False,
    )
    assert created.status_code == 303, created.text  # saved: Post/Redirect/Get
    assert "right after sign-in" in (await client.get(created.headers["location"])).text

    # The anonymous token (and its cookie) from before the sign-in is worth nothing now.
    plant(client, before)
    stale = await client.post(
        "/account/tokens",
        data={"name": "with the old token", "_csrf_token": before},
        headers={"accept-language": "en"},
        follow_redirects=False,
    )
    assert stale.status_code == 403 and "reload the page" in stale.text
    assert await tokens_in_db(session_factory) == 1


async def test_sign_out_retires_the_signed_in_token(client: Client) -> None:
    await register(client, "dave@example.com", "dave password")
    signed_in = await csrf_token(client)
    out = await client.post("/logout", data={"_csrf_token": signed_in}, follow_redirects=False)
    assert out.status_code in (302, 303)
    assert client.cookies["csrftoken"] != signed_in  # reissued by the sign-out's response
    # Signing in again with the old session's token, cookie planted back: refused.
    plant(client, signed_in)
    again = await client.post(
        "/api/auth/login",
        json={"email": "dave@example.com", "password": "dave password"},
        headers={"x-csrftoken": signed_in},
    )
    assert again.status_code == 403 and again.json()["detail"] == OTHER_SESSION


async def test_pages_loaded_at_once_in_one_session_all_keep_working(client: Client) -> None:
    """Two pages of one session loaded before either had the cookie (two tabs opened together)
    got different tokens; the cookie holds the last one, and the first page's form still posts:
    its token is signed with the session's key, which is what counts once there is a session."""
    await register(client, "erin@example.com")
    client.cookies.delete("csrftoken")
    first = page_token((await client.get("/account")).text)
    client.cookies.delete("csrftoken")
    second = page_token((await client.get("/account")).text)
    assert first != second and client.cookies["csrftoken"] == second
    posted = await client.post(
        "/account/tokens",
        data={"name": "from the first tab", "_csrf_token": first},
        follow_redirects=False,
    )
    assert posted.status_code == 303, posted.text
    assert "from the first tab" in (await client.get(posted.headers["location"])).text
