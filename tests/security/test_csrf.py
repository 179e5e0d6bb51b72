"""CSRF on every state-changing route, and the bearer-token exception to it.

A signed-in browser session sends each POST/PUT/PATCH/DELETE route a request aimed at its own
real objects (so a missing check would really delete or change something) without a valid CSRF
token: every one is refused with 403 and the database is byte-for-byte unchanged.
"""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
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
