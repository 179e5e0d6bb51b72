"""Accounts over HTTP: sessions in Redis, CSRF, API tokens, admin, rate limit, user scoping."""

from __future__ import annotations

import asyncio
from typing import Any

from litestar import Litestar, Request, get
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.domain.accounts.services import register as register_user
from app.lib.errors import NotFound
from app.lib.session_keys import SESSION_USER_KEY
from app.tasks.lifecycle import create_task, get_task
from tests.conftest import csrf_token, register
from tests.fixtures.live import browser, serve
from tests.prg import came_back


async def test_first_user_is_admin_and_gets_welcome_credits(
    client: AsyncTestClient[Litestar], another_client: Any, settings: Settings
) -> None:
    first = await register(client, "First@Example.com ")
    assert first["email"] == "first@example.com"
    assert first["isAdmin"] is True
    assert first["creditBalance"] == settings.credits_new_user
    credits = (await client.get("/api/credits")).json()
    assert credits["balance"] == settings.credits_new_user
    assert [t["type"] for t in credits["transactions"]] == ["grant"]

    async with another_client() as other:
        second = await register(other, "second@example.com")
        assert second["isAdmin"] is False


async def test_register_rejects_bad_input_with_clear_codes(
    client: AsyncTestClient[Litestar],
) -> None:
    token = await csrf_token(client)
    headers = {"x-csrftoken": token}
    bad = [
        ({"email": "not-an-email", "password": "long enough"}, "auth.invalid_email"),
        ({"email": "a@b.co", "password": "short"}, "auth.password_too_short"),
        ({"email": "a@b.co", "password": "x" * 5000}, "auth.password_too_long"),
    ]
    for body, code in bad:
        response = await client.post("/api/auth/register", json=body, headers=headers)
        assert response.status_code == 422, response.text
        assert response.json()["error"] == code
    wrong_type = await client.post("/api/auth/register", json={"email": 3}, headers=headers)
    assert wrong_type.status_code in (400, 422)
    assert set(wrong_type.json()) >= {"error", "detail"}
    await register(client, "dup@example.com")
    again = await client.post(
        "/api/auth/register",
        json={"email": "DUP@example.com", "password": "long enough"},
        headers={"x-csrftoken": await csrf_token(client)},
    )
    assert again.status_code == 409 and again.json()["error"] == "auth.email_taken"


async def test_state_changing_requests_need_the_csrf_token(
    client: AsyncTestClient[Litestar],
) -> None:
    await csrf_token(client)
    response = await client.post(
        "/api/auth/register", json={"email": "x@example.com", "password": "long enough"}
    )
    assert response.status_code == 403
    assert response.json()["error"] == "csrf_failed"
    form = await client.post("/login", data={"email": "x@example.com", "password": "whatever1"})
    assert form.status_code == 403
    forged = await client.post("/api/auth/logout", headers={"x-csrftoken": "forged-value"})
    assert forged.status_code == 403


async def test_login_logout_and_session_cookie(client: AsyncTestClient[Litestar]) -> None:
    await register(client, "login@example.com", "my password")
    token = await csrf_token(client)
    assert (
        await client.post("/api/auth/logout", headers={"x-csrftoken": token})
    ).status_code == 200
    assert (await client.get("/api/auth/me")).status_code == 401
    token = await csrf_token(client)  # the sign-out changed the session, and so its token
    bad = await client.post(
        "/api/auth/login",
        json={"email": "login@example.com", "password": "nope nope"},
        headers={"x-csrftoken": token},
    )
    assert bad.status_code == 401 and bad.json()["error"] == "auth.invalid_credentials"
    good = await client.post(
        "/api/auth/login",
        json={"email": "LOGIN@example.com", "password": "my password"},
        headers={"x-csrftoken": token},
    )
    assert good.status_code == 200
    cookie = next(c for c in client.cookies.jar if c.name == "session")
    assert cookie.has_nonstandard_attr("HttpOnly") or cookie._rest.get("HttpOnly") is not None
    assert (await client.get("/api/auth/me")).json()["email"] == "login@example.com"


async def test_login_page_form_flow(client: AsyncTestClient[Litestar]) -> None:
    page = await client.get("/login")
    assert page.status_code == 200 and 'name="_csrf_token"' in page.text
    token = await csrf_token(client)
    created = await client.post(
        "/register",
        data={"email": "form@example.com", "password": "form password", "_csrf_token": token},
        follow_redirects=False,
    )
    assert created.status_code in (301, 302, 303), created.text
    home = await client.get("/")
    assert home.status_code == 200 and "data-engine=" in home.text
    token = await csrf_token(client)  # the sign-up's session has its own token
    await client.post("/logout", data={"_csrf_token": token})
    token = await csrf_token(client)
    landing = await client.get("/", follow_redirects=False)  # signed out: the landing page
    assert landing.status_code == 200 and 'action="/login"' in landing.text
    assert "data-engine=" not in landing.text
    wrong = await client.post(
        "/login",
        data={"email": "form@example.com", "password": "wrong pass", "_csrf_token": token},
        headers={"Accept-Language": "en"},
    )
    # The page answers 200 with the form and its error (the JSON API keeps 401).
    assert wrong.status_code == 200 and "Wrong email or password" in wrong.text
    assert 'data-error-code="auth.invalid_credentials"' in wrong.text
    token = await csrf_token(client)  # the refusal's flash began a session: its own token
    evil_next = await client.post(
        "/login",
        data={
            "email": "form@example.com",
            "password": "form password",
            "next": "//evil.example/",
            "_csrf_token": token,
        },
        follow_redirects=False,
    )
    assert evil_next.headers["location"] == "/"


async def test_login_is_rate_limited(client: AsyncTestClient[Litestar], settings: Settings) -> None:
    await register(client, "victim@example.com", "real password")
    token = await csrf_token(client)
    headers = {"x-csrftoken": token}
    body = {"email": "victim@example.com", "password": "guess guess"}
    codes = [
        (await client.post("/api/auth/login", json=body, headers=headers)).status_code
        for _ in range(settings.login_max_attempts + 1)
    ]
    assert codes[: settings.login_max_attempts] == [401] * settings.login_max_attempts
    assert codes[-1] == 429
    # Even the right password is refused while the window lasts.
    right = await client.post(
        "/api/auth/login",
        json={"email": "victim@example.com", "password": "real password"},
        headers=headers,
    )
    assert right.status_code == 429 and right.json()["error"] == "auth.too_many_attempts"


async def test_api_token_authenticates_without_csrf_and_is_hashed(
    client: AsyncTestClient[Litestar], another_client: Any, db: AsyncSession
) -> None:
    await register(client, "tokens@example.com")
    token = await csrf_token(client)
    created = await client.post(
        "/api/tokens", json={"name": "laptop"}, headers={"x-csrftoken": token}
    )
    assert created.status_code == 201
    secret = created.json()["token"]
    async with another_client() as script:
        bearer = {"Authorization": f"Bearer {secret}"}
        me = await script.get("/api/auth/me", headers=bearer)
        assert me.status_code == 200 and me.json()["email"] == "tokens@example.com"
        # No CSRF header needed with a bearer token
        ping = await script.post("/api/tokens", json={"name": "ci"}, headers=bearer)
        assert ping.status_code == 201
        wrong = await script.get("/api/auth/me", headers={"Authorization": "Bearer cvt_nope"})
        assert wrong.status_code == 401 and wrong.json()["error"] == "auth.invalid_token"
        basic = await script.get("/api/auth/me", headers={"Authorization": "Basic abc"})
        assert basic.status_code == 401
    listed = (await client.get("/api/tokens")).json()
    assert {t["name"] for t in listed} == {"laptop", "ci"}
    assert all(secret not in str(t) for t in listed)
    from sqlalchemy import select

    from app.db.models import ApiToken

    stored = list(await db.scalars(select(ApiToken.token_hash)))
    assert secret not in stored and len(stored[0]) == 64


async def test_a_bearer_request_never_falls_back_to_the_session_cookie(
    client: AsyncTestClient[Litestar],
) -> None:
    """Otherwise the CSRF bypass for token requests would let a cookie ride along."""
    await register(client, "mixed@example.com")
    response = await client.post(
        "/api/tokens", json={"name": "x"}, headers={"Authorization": "Bearer bogus"}
    )
    assert response.status_code == 401


async def test_user_b_gets_404_on_user_a_objects(
    client: AsyncTestClient[Litestar], another_client: Any, db: AsyncSession, settings: Settings
) -> None:
    await register(client, "a@example.com")
    token = await csrf_token(client)
    a_token = (
        await client.post("/api/tokens", json={"name": "a"}, headers={"x-csrftoken": token})
    ).json()
    async with another_client() as b_client:
        await register(b_client, "b@example.com")
        b_csrf = await csrf_token(b_client)
        response = await b_client.delete(
            f"/api/tokens/{a_token['id']}", headers={"x-csrftoken": b_csrf}
        )
        assert response.status_code == 404 and response.json()["error"] == "not_found"
        page = await b_client.post(
            f"/account/tokens/{a_token['id']}/delete", data={"_csrf_token": b_csrf}
        )
        assert page.status_code == 404
    still = (await client.get("/api/tokens")).json()
    assert [t["id"] for t in still] == [a_token["id"]]

    a_user = await register_user(db, settings, "a2@example.com", "long enough pw")
    b_user = await register_user(db, settings, "b2@example.com", "long enough pw")
    task = await create_task(db, a_user.id, "cv_import", "A's import", cap=100)
    await db.commit()
    assert (await get_task(db, a_user.id, task.id)).id == task.id
    try:
        await get_task(db, b_user.id, task.id)
    except NotFound:
        pass
    else:
        raise AssertionError("user B could read user A's task")


async def test_pages_need_a_session_and_api_answers_401_json(
    client: AsyncTestClient[Litestar],
) -> None:
    page = await client.get("/account", follow_redirects=False)
    assert page.status_code in (302, 303) and page.headers["location"].startswith("/login?next=")
    api = await client.get("/api/credits")
    assert api.status_code == 401 and api.json() == {
        "error": "unauthenticated",
        "detail": "Sign in first.",
    }
    htmx = await client.get("/account", headers={"HX-Request": "true"})
    assert htmx.headers.get("HX-Redirect", "").startswith("/login")


async def test_account_page_tokens_and_password(client: AsyncTestClient[Litestar]) -> None:
    await register(client, "page@example.com", "old password")
    token = await csrf_token(client)
    page = await client.post("/account/tokens", data={"name": "phone", "_csrf_token": token})
    assert page.status_code == 201 or page.status_code == 200
    assert 'data-testid="new-token"' in page.text
    wrong = await client.post(
        "/account/password",
        data={"current_password": "nope", "new_password": "new password", "_csrf_token": token},
    )
    assert came_back(wrong) and 'data-error-code="auth.wrong_password"' in wrong.text
    ok = await client.post(
        "/account/password",
        data={
            "current_password": "old password",
            "new_password": "new password",
            "_csrf_token": token,
        },
        headers={"Accept-Language": "en"},
    )
    assert ok.status_code in (200, 201) and "Password changed" in ok.text


async def test_sign_in_rotates_the_session_id(client: AsyncTestClient[Litestar]) -> None:
    """A session id planted before sign-in (fixation) is useless afterwards."""
    await register(client, "fixation@example.com", "my password")
    token = await csrf_token(client)
    await client.post("/api/auth/logout", headers={"x-csrftoken": token})
    token = await csrf_token(client)  # the signed-out browser's token
    planted = "a" * 64
    client.cookies.delete("session")
    client.cookies.set("session", planted, domain="testserver.local")
    await client.post(
        "/api/auth/login",
        json={"email": "fixation@example.com", "password": "my password"},
        headers={"x-csrftoken": token},
    )
    new_id = client.cookies.get("session")
    assert new_id and new_id != planted
    assert (await client.get("/api/auth/me")).status_code == 200
    client.cookies.delete("session")
    client.cookies.set("session", planted, domain="testserver.local")
    assert (await client.get("/api/auth/me")).status_code == 401


async def test_every_page_is_served_as_html(client: AsyncTestClient[Litestar]) -> None:
    """A page sent as JSON would show its source in the browser."""
    for path in ("/login", "/register"):
        response = await client.get(path)
        assert response.headers["content-type"].startswith("text/html"), path
    token = await csrf_token(client)
    wrong = await client.post(
        "/login", data={"email": "x@example.com", "password": "nope nope", "_csrf_token": token}
    )
    assert wrong.headers["content-type"].startswith("text/html")
    await register(client, "html@example.com")
    for path in ("/", "/account", "/generations"):
        response = await client.get(path)
        assert response.status_code == 200 and response.headers["content-type"].startswith(
            "text/html"
        ), path


async def test_a_request_in_flight_at_sign_out_does_not_bring_the_session_back(
    settings: Settings, session_factory: Any
) -> None:
    """A page or htmx request that loaded the session before the sign-out and answers after
    it writes its copy back on the way out (app/lib/sessions.py): the ended session must stay
    ended, for that cookie and for every later request with it."""
    from app.asgi import create_app

    loaded, release = asyncio.Event(), asyncio.Event()

    @get("/held-for-test")
    async def held(request: Request[Any, Any, Any]) -> dict[str, bool]:
        assert request.session.get(SESSION_USER_KEY)
        loaded.set()
        await release.wait()
        return {"answered": True}

    app = create_app(settings)
    app.register(held)
    async for url in serve(settings, app):
        user = await browser(url, "inflight@example.com")
        try:
            session_id = user.cookies["session"]
            in_flight = asyncio.create_task(user.get("/held-for-test"))
            await asyncio.wait_for(loaded.wait(), 10)
            out = await user.post(
                "/api/auth/logout", headers={"x-csrftoken": user.cookies["csrftoken"]}
            )
            assert out.status_code == 200
            release.set()
            assert (await in_flight).status_code == 200
            assert (await user.get("/api/auth/me")).status_code == 401
            user.cookies.clear()
            user.cookies.set("session", session_id)
            assert (await user.get("/api/auth/me")).status_code == 401

            # Signed in again (another tab) while a request of the old session runs: the new
            # session stands, and the old one stays ended.
            user.cookies.clear()
            await user.get("/health")
            login = {"email": "inflight@example.com", "password": "correct horse"}
            csrf = {"x-csrftoken": user.cookies["csrftoken"]}
            assert (await user.post("/api/auth/login", json=login, headers=csrf)).is_success
            old_id = user.cookies["session"]
            loaded.clear()
            release.clear()
            in_flight = asyncio.create_task(user.get("/held-for-test"))
            await asyncio.wait_for(loaded.wait(), 10)
            csrf = {"x-csrftoken": user.cookies["csrftoken"]}
            assert (await user.post("/api/auth/login", json=login, headers=csrf)).is_success
            new_id = user.cookies["session"]
            release.set()
            assert (await in_flight).status_code == 200
            assert user.cookies["session"] == new_id != old_id
            assert (await user.get("/api/auth/me")).status_code == 200
        finally:
            await user.aclose()
