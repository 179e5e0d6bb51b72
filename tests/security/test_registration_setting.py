"""The ``registration`` admin setting: closed refuses sign-ups, except an empty install's first."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.settings.service import update_setting
from tests.conftest import csrf_token, register
from tests.prg import came_back

Client = AsyncTestClient[Litestar]


async def _set_registration(db: AsyncSession, value: str) -> None:
    await update_setting(db, "registration", value)
    await db.commit()


async def test_closed_registration_still_lets_a_fresh_install_make_its_admin(
    client: Client, db: AsyncSession
) -> None:
    await _set_registration(db, "closed")
    page = await client.get("/register")
    assert page.status_code == 200 and 'action="/register"' in page.text  # empty: form shown
    first = await register(client, "owner@example.com")
    assert first["isAdmin"] is True


async def test_closed_registration_refuses_the_api_and_the_page(
    client: Client, db: AsyncSession
) -> None:
    await register(client, "owner@example.com")
    await _set_registration(db, "closed")

    refused = await client.post(
        "/api/auth/register",
        json={"email": "late@example.com", "password": "long enough"},
        headers={"x-csrftoken": await csrf_token(client)},
    )
    assert refused.status_code == 403
    assert refused.json()["error"] == "auth.registration_closed"

    # Signed out: the sign-up page is for visitors (a signed-in user is sent home).
    await client.post("/api/auth/logout", headers={"x-csrftoken": await csrf_token(client)})
    page = await client.get("/register")
    assert 'data-error-code="auth.registration_closed"' in page.text
    assert 'action="/register"' not in page.text  # no form to fill in for nothing
    form = await client.post(
        "/register",
        data={
            "email": "late@example.com",
            "password": "long enough",
            "_csrf_token": await csrf_token(client),
        },
    )
    assert came_back(form)
    assert 'data-error-code="auth.registration_closed"' in form.text

    await _set_registration(db, "open")
    await register(client, "late@example.com")


async def test_the_admin_page_opens_and_closes_registration(
    client: Client, another_client: Any
) -> None:
    await register(client, "owner@example.com")  # the first account: admin
    token = await csrf_token(client)
    page = await client.get("/admin/")
    assert 'action="/admin/registration"' in page.text

    bogus = await client.post(
        "/admin/registration", data={"registration": "maybe", "_csrf_token": token}
    )
    assert came_back(bogus)
    assert 'data-error-code="admin.registration_invalid"' in bogus.text

    closed = await client.post(
        "/admin/registration", data={"registration": "closed", "_csrf_token": token}
    )
    assert closed.status_code == 200 and 'value="closed" selected' in closed.text
    async with another_client() as stranger:
        refused = await stranger.post(
            "/api/auth/register",
            json={"email": "stranger@example.com", "password": "long enough"},
            headers={"x-csrftoken": await csrf_token(stranger)},
        )
        assert refused.json()["error"] == "auth.registration_closed"
        await client.post(
            "/admin/registration", data={"registration": "open", "_csrf_token": token}
        )
        await register(stranger, "stranger@example.com")
