"""CSRF on every state-changing route, and the bearer-token exception to it.

A signed-in browser session sends each POST/PUT/PATCH/DELETE route a request aimed at its own
real objects (so a missing check would really delete or change something) without a valid CSRF
token: every one is refused with 403 (the agent API, which takes a token and never a session:
401 ``auth.token_required``) and the database is byte-for-byte unchanged.
"""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.lib.csrf import BEARER_ONLY, depends_on
from app.lib.current_user import TOKEN_REQUIRED
from tests.conftest import csrf_token, register
from tests.security.objects import Objects, differences, own_objects, snapshot
from tests.security.routes import fillings, swept

Client = AsyncTestClient[Litestar]


async def _signed_in_with_objects(
    client: Client, db: AsyncSession, settings: Settings
) -> tuple[dict[str, Any], Objects]:
    me = await register(client, "csrf@example.com")
    client.headers["x-csrftoken"] = await csrf_token(client)
    objects = await own_objects(client, db, settings, me)
    del client.headers["x-csrftoken"]  # from here on, each request brings its own (or none)
    return me, objects


async def test_no_state_change_without_a_valid_csrf_token(
    app: Litestar,
    client: Client,
    another_client: Any,
    db: AsyncSession,
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    _, objects = await _signed_in_with_objects(client, db, settings)
    async with another_client() as other_browser:
        foreign_token = await csrf_token(other_browser)  # valid, but for another cookie
    attempts: list[tuple[str, dict[str, Any]]] = [
        ("no token", {}),
        ("a forged header", {"headers": {"x-csrftoken": "forged"}}),
        ("a forged form field", {"data": {"_csrf_token": "forged"}}),
        ("another browser's token", {"headers": {"x-csrftoken": foreign_token}}),
    ]
    before = await snapshot(session_factory)
    wrong: list[str] = []
    lost = "the route table lost its state-changing routes"
    for endpoint in swept(app, lambda e: e.changes_state, at_least=40, lost=lost):
        url = endpoint.url(next(fillings(endpoint, objects)))
        for what, extra in attempts:
            response = await client.request(endpoint.method, url, follow_redirects=False, **extra)
            refused = response.status_code == 403 and (
                not endpoint.is_api or response.json()["error"] == "csrf_failed"
            )
            if endpoint.handler.opt.get(BEARER_ONLY):  # the agent API never reads the session
                refused = response.status_code == 401 and (
                    response.json()["error"] == TOKEN_REQUIRED
                )
            if not refused:
                wrong.append(f"{endpoint} with {what}: {response.status_code}")
    assert not wrong, "\n".join(wrong)
    assert not differences(before, await snapshot(session_factory))
    assert (await client.get("/api/auth/me")).status_code == 200, "the session was ended"


async def test_a_bearer_header_skips_csrf_only_with_a_valid_token(
    app: Litestar,
    client: Client,
    db: AsyncSession,
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """The session cookie rides along, as a browser would send it; the token is bogus."""
    _, objects = await _signed_in_with_objects(client, db, settings)
    before = await snapshot(session_factory)
    wrong: list[str] = []
    lost = "the route table lost its state-changing routes"
    for endpoint in swept(app, lambda e: e.changes_state, at_least=40, lost=lost):
        url = endpoint.url(next(fillings(endpoint, objects)))
        response = await client.request(
            endpoint.method,
            url,
            headers={"Authorization": "Bearer cvt_bogus"},
            follow_redirects=False,
        )
        # 401 (on pages: the redirect to the sign-in page): the route authenticates its caller
        # and refused the token before doing anything; 403: a route that does not (sign-in,
        # sign-up...) still wanted its CSRF token.
        to_login = response.headers.get("location", "").startswith("/login?next=")
        if response.status_code not in (401, 403) and not (to_login and not endpoint.is_api):
            wrong.append(f"{endpoint}: {response.status_code}")
    assert not wrong, "\n".join(wrong)
    assert not differences(before, await snapshot(session_factory))
    assert (await client.get("/api/auth/me")).status_code == 200

    # A valid token needs no CSRF token, on the API and on pages alike.
    client.headers["x-csrftoken"] = await csrf_token(client)
    secret = (await client.post("/api/tokens", json={"name": "script"})).json()["token"]
    del client.headers["x-csrftoken"]
    client.cookies.clear()
    bearer = {"Authorization": f"Bearer {secret}"}
    created = await client.post("/api/tokens", json={"name": "from script"}, headers=bearer)
    assert created.status_code == 201, created.text
    offer_id = objects["offer"][0]
    edited = await client.put(f"/api/job-offers/{offer_id}", json={"title": "X"}, headers=bearer)
    assert edited.status_code == 200, edited.text


def test_every_signed_in_write_route_authenticates_its_caller(app: Litestar) -> None:
    """The bypass is decided by the route's dependencies (app/lib/csrf.py): every state-changing
    route that is not public resolves ``user``, directly or through another dependency, so a
    token is accepted wherever a session is and refused (401) before any work when invalid."""
    lost = "the route table lost its state-changing routes"
    routes = swept(app, lambda e: e.changes_state and not e.is_public, at_least=40, lost=lost)
    assert not [str(e) for e in routes if not depends_on(e.handler, "user")]


async def test_a_valid_token_is_accepted_on_every_api_write_route(
    app: Litestar, client: Client, db: AsyncSession, settings: Settings
) -> None:
    """A script holding a token and no cookie reaches each API write route's own checks (its
    answer may be a 400 for the empty body or a 404): never ``csrf_failed``, never a 401."""
    _, objects = await _signed_in_with_objects(client, db, settings)
    client.headers["x-csrftoken"] = await csrf_token(client)
    secret = (await client.post("/api/tokens", json={"name": "script"})).json()["token"]
    del client.headers["x-csrftoken"]
    client.cookies.clear()
    bearer = {"Authorization": f"Bearer {secret}"}
    wrong: list[str] = []
    lost = "the route table lost its API write routes"
    api_writes = swept(
        app, lambda e: e.is_api and e.changes_state and not e.is_public, at_least=30, lost=lost
    )
    # Deleting the account (a wrong password here) and the token itself go last.
    api_writes.sort(key=lambda e: e.path.startswith(("/api/account", "/api/tokens/")))
    for endpoint in api_writes:
        url = endpoint.url(next(fillings(endpoint, objects)))
        body = {"password": "not the password"} if endpoint.path == "/api/account" else {}
        response = await client.request(endpoint.method, url, json=body, headers=bearer)
        refused = response.status_code == 401 or (
            response.status_code == 403 and response.json().get("error") == "csrf_failed"
        )
        if refused:
            wrong.append(f"{endpoint}: {response.status_code} {response.text[:80]}")
    assert not wrong, "\n".join(wrong)
