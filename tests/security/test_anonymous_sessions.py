"""Only people who sign in get a server session: a visitor's language, a refused sign-in or
sign-up form and a stale or made-up session cookie write nothing into Redis. A bot posting the
language form in a loop would otherwise fill Redis with 14-day sessions.

The visitor's language lives in a cookie (app/lib/visitor_cookies.py), a refused form's message
in a signed one-time cookie (app/lib/form_flash.py); CSRF stays the cookie's double submit."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis

from tests.conftest import csrf_token, register

Client = AsyncTestClient[Litestar]
SESSIONS = "cvtailor:sessions:*"  # the session store's namespace (app/asgi.py)
ENDED = b"cvtailor:sessions:ended:"  # a signed-out id's mark (app/lib/sessions.py), not a session
BOTS = 500


async def _sessions(redis: Redis) -> int:
    return len([key async for key in redis.scan_iter(SESSIONS) if not key.startswith(ENDED)])


async def _post(client: Client, path: str, data: dict[str, str]) -> str:
    token = await csrf_token(client)
    answer = await client.post(path, data={**data, "_csrf_token": token}, follow_redirects=False)
    assert answer.status_code == 303, answer.text[:300]
    assert "session" not in client.cookies
    return str(answer.headers["location"])


async def test_anonymous_language_choices_make_no_session(client: Client, redis: Redis) -> None:
    before = await _sessions(redis)
    client.headers["accept-language"] = "en"
    for _ in range(BOTS):
        for name in ("session", "locale"):  # a bot that keeps no cookie, the CSRF one aside
            client.cookies.delete(name)
        await _post(client, "/locale", {"locale": "fr", "next": "/login"})
    assert await _sessions(redis) == before
    # The choice still applies to the next page of the visitor who keeps the cookie.
    page = await client.get("/login")
    assert page.status_code == 200
    assert '<html lang="fr">' in page.text
    assert await _sessions(redis) == before


async def test_a_made_up_language_is_not_kept(client: Client) -> None:
    client.headers["accept-language"] = "en"
    await _post(client, "/locale", {"locale": "xx", "next": "/login"})
    client.cookies.set("locale", "../../etc")
    page = await client.get("/login")
    assert '<html lang="en">' in page.text


async def test_refused_sign_in_and_sign_up_make_no_session(client: Client, redis: Redis) -> None:
    await register(client, "first@example.com")  # the first account: sign-up is then a form
    client.cookies.clear()
    client.headers["accept-language"] = "en"
    before = await _sessions(redis)
    refusals = [
        ("/login", {"email": "first@example.com", "password": "not it"}),
        ("/register", {"email": "second@example.com", "password": "short"}),
        ("/register", {"email": "not an address", "password": "long enough"}),
    ]
    for path, form in refusals:
        location = await _post(client, path, form)
        page = await client.get(location)
        assert page.status_code == 200
        assert 'role="alert"' in page.text, path  # the message is still shown, once
        assert form["email"] in page.text  # and what was typed
        again = await client.get(location)
        assert 'role="alert"' not in again.text
    assert await _sessions(redis) == before


async def test_a_stale_session_cookie_stores_nothing(client: Client, redis: Redis) -> None:
    before = await _sessions(redis)
    for value in ("null", "0123456789abcdef", "made-up"):
        client.cookies.clear()
        client.cookies.set("session", value, domain="testserver.local")
        await client.get("/login")
        await _post(client, "/locale", {"locale": "en", "next": "/"})
        await _post(client, "/logout", {})
    assert await _sessions(redis) == before


async def test_sign_out_keeps_the_language_without_a_session(client: Client, redis: Redis) -> None:
    await register(client, "leaving@example.com")
    await _post_signed_in(client, "/locale", {"locale": "fr", "next": "/"})
    before = await _sessions(redis)
    await _post_signed_in(client, "/logout", {})
    assert "session" not in client.cookies
    assert await _sessions(redis) == before - 1  # the signed-in one, gone
    page = await client.get("/login", headers={"accept-language": "en"})
    assert '<html lang="fr">' in page.text
    assert await _sessions(redis) == before - 1


async def _post_signed_in(client: Client, path: str, data: dict[str, str]) -> None:
    token = await csrf_token(client)
    answer = await client.post(path, data={**data, "_csrf_token": token}, follow_redirects=False)
    assert answer.status_code == 303, answer.text[:300]


async def test_a_visitors_session_from_before_becomes_a_cookie(
    client: Client, redis: Redis
) -> None:
    """Sessions stored for visitors before this rule (their language only) are dropped at their
    next request, the language kept in the cookie; a choice made in that request wins."""
    for chosen, expected in ((None, "fr"), ("en", "en")):
        old_id = "a1" * 32
        await redis.set(f"cvtailor:sessions:{old_id}", b'{"locale":"fr"}', ex=3600)
        client.cookies.clear()
        client.cookies.set("session", old_id, domain="testserver.local")
        client.headers["accept-language"] = "en"
        if chosen:
            await _post(client, "/locale", {"locale": chosen, "next": "/login"})
        else:
            page = await client.get("/login")
            assert '<html lang="fr">' in page.text
        assert not await redis.exists(f"cvtailor:sessions:{old_id}")
        assert "session" not in client.cookies and client.cookies.get("locale") == expected
        page = await client.get("/login")
        assert f'<html lang="{expected}">' in page.text
