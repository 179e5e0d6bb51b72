"""argon2 never runs while the request's session holds a transaction: on SQLite the first
statement takes the write lock (app/db/session.py), so a hash inside one would stall every
other writer. Each password operation is held inside the hasher (tests/security/held_hasher.py)
while another session writes to the same database file: that write must complete first."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
import pytest

from app.config import Settings
from app.db.session import create_engine, create_session_factory
from app.settings.service import update_setting
from tests.fixtures.live import browser
from tests.security.held_hasher import HeldHasher

OLD, NEW = "old password", "brand new password"


async def _change_password(owner: httpx.AsyncClient, _other: httpx.AsyncClient) -> httpx.Response:
    form = {"current_password": OLD, "new_password": NEW}
    return await owner.post(
        "/account/password", data={**form, "_csrf_token": owner.cookies["csrftoken"]}
    )


async def _register(_owner: httpx.AsyncClient, other: httpx.AsyncClient) -> httpx.Response:
    return await other.post(
        "/api/auth/register",
        json={"email": "new@example.com", "password": NEW},
        headers={"x-csrftoken": other.cookies["csrftoken"]},
    )


async def _register_page(_owner: httpx.AsyncClient, other: httpx.AsyncClient) -> httpx.Response:
    form = {"email": "new@example.com", "password": NEW}
    return await other.post("/register", data={**form, "_csrf_token": other.cookies["csrftoken"]})


async def _sign_in(_owner: httpx.AsyncClient, other: httpx.AsyncClient) -> httpx.Response:
    return await other.post(
        "/api/auth/login",
        json={"email": "owner@example.com", "password": OLD},
        headers={"x-csrftoken": other.cookies["csrftoken"]},
    )


Action = Callable[[httpx.AsyncClient, httpx.AsyncClient], Coroutine[Any, Any, httpx.Response]]


async def _write_elsewhere(settings: Settings) -> None:
    """A write from another session (BEGIN IMMEDIATE, as the app and the worker write)."""
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as writer:
            await update_setting(writer, "max_retries", "2")
            await writer.commit()
    finally:
        await engine.dispose()


@pytest.mark.parametrize(
    "action",
    [_change_password, _register, _register_page, _sign_in],
    ids=["password-change", "register-api", "register-page", "sign-in"],
)
async def test_another_write_completes_while_a_password_is_hashed(
    live_server: str, settings: Settings, monkeypatch: pytest.MonkeyPatch, action: Action
) -> None:
    owner = await browser(live_server, "owner@example.com", OLD)  # with the real hasher
    other = httpx.AsyncClient(base_url=live_server, timeout=60, follow_redirects=False)
    try:
        await other.get("/health")
        held = HeldHasher.install(monkeypatch)
        request = asyncio.create_task(action(owner, other))
        try:
            await held.started()
            await _write_elsewhere(settings)  # fails with "database is locked" if it is held
            held.record("other write committed")
        finally:
            held.release()
        response: Any = await request
    finally:
        await owner.aclose()
        await other.aclose()
    assert response.status_code in (200, 201, 302, 303), response.text
    events = held.events
    first_end = next(i for i, event in enumerate(events) if event.endswith(" ended"))
    assert events.index("other write committed") < first_end, events
