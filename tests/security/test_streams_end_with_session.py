"""Every event stream ends within seconds of the end of the session that opened it
(app/lib/stream_guard.py): the coach's and the generation page's too, which once kept sending
the account's messages, task list and credits after sign-out. Real uvicorn, Redis, database;
the guard's own period (no test speed-up)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CoachConversation, CvGenerationTask
from app.lib.stream_guard import CHECK_SECONDS
from tests.fixtures.live import browser

OLD, NEW = "old password", "brand new password"
EMAIL = "streams@example.com"


async def _sign_out(tab: httpx.AsyncClient, _other: httpx.AsyncClient) -> None:
    response = await tab.post("/api/auth/logout", headers={"x-csrftoken": tab.cookies["csrftoken"]})
    assert response.status_code == 200


async def _password_changed_elsewhere(_tab: httpx.AsyncClient, other: httpx.AsyncClient) -> None:
    form = {"current_password": OLD, "new_password": NEW, "_csrf_token": other.cookies["csrftoken"]}
    response = await other.post("/account/password", data=form)
    assert response.status_code == 303


async def _stream_path(db: AsyncSession, user_id: str, kind: str) -> str:
    if kind == "events":
        return "/events/feed"
    if kind == "coach":
        conversation = CoachConversation(user_id=user_id, engine="offline")
        db.add(conversation)
        await db.commit()
        return f"/coach/{conversation.id}/stream"
    task = CvGenerationTask(user_id=user_id, status="completed")
    db.add(task)
    await db.commit()
    return f"/generations/{task.id}/stream"


async def _drain(lines: AsyncIterator[str]) -> None:
    async for _ in lines:
        pass


# The browser streams this test ends, by route (the route-guarantee test reads it: a new event
# stream fails there until it is covered here or by tests/security/test_token_streams.py).
COVERED = {
    "/events/feed": "events",
    "/coach/{conversation_id:str}/stream": "coach",
    "/generations/{task_id:str}/stream": "generation",
}


@pytest.mark.parametrize("kind", sorted(COVERED.values()))
@pytest.mark.parametrize(
    "end_session", [_sign_out, _password_changed_elsewhere], ids=["sign-out", "password-change"]
)
async def test_a_stream_ends_within_seconds_of_its_session(
    live_server: str,
    db: AsyncSession,
    kind: str,
    end_session: Callable[[httpx.AsyncClient, httpx.AsyncClient], Awaitable[Any]],
) -> None:
    tab = await browser(live_server, EMAIL, OLD)
    other = httpx.AsyncClient(base_url=live_server, timeout=30)
    try:
        user_id = (await tab.get("/api/auth/me")).json()["id"]
        path = await _stream_path(db, user_id, kind)
        await other.get("/health")
        signed_in = await other.post(
            "/api/auth/login",
            json={"email": EMAIL, "password": OLD},
            headers={"x-csrftoken": other.cookies["csrftoken"]},
        )
        assert signed_in.status_code == 200
        async with tab.stream("GET", path) as response:
            assert response.status_code == 200, path
            lines = response.aiter_lines()
            assert (await anext(lines)).startswith("event:")  # subscribed and streaming
            await end_session(tab, other)
            ended = asyncio.get_running_loop().time()
            await asyncio.wait_for(_drain(lines), timeout=CHECK_SECONDS + 5)
            assert asyncio.get_running_loop().time() - ended < CHECK_SECONDS + 5
    finally:
        await tab.aclose()
        await other.aclose()
