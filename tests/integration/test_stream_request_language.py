"""The live feed's fragments are in the request's language when the account stored no choice
(the browser's Accept-Language), and a stream whose session was signed out renders nothing
more: no fragment in any language reaches a tab after its session ended."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis

from app.events import CV_LIST_CHANGED
from app.lib import sse
from app.lib.events import publish_event

PASSWORD = "correct horse"


async def _tab(live_server: str, email: str, language: str) -> tuple[httpx.AsyncClient, str]:
    tab = httpx.AsyncClient(base_url=live_server, timeout=30, headers={"Accept-Language": language})
    await tab.get("/health")
    made = await tab.post(
        "/api/auth/register",
        json={"email": email, "password": PASSWORD},
        headers={"x-csrftoken": tab.cookies["csrftoken"]},
    )
    assert made.status_code == 201, made.text
    return tab, str(made.json()["id"])


async def _next(lines: Any, event: str) -> str:
    async for line in lines:
        if line == f"event: {event}":
            return str(await anext(lines))
    raise AssertionError(f"the stream ended before a {event!r} event")


@pytest.mark.parametrize(
    ("language", "said", "not_said"),
    [("en", "CV list updated", "Liste des CV"), ("fr", "Liste des CV", "CV list updated")],
)
async def test_fragments_follow_accept_language_without_a_stored_choice(
    live_server: str, redis: Redis, language: str, said: str, not_said: str
) -> None:
    tab, user_id = await _tab(live_server, f"stream-{language}@example.com", language)
    try:
        async with asyncio.timeout(20), tab.stream("GET", "/events/feed") as stream:
            lines = stream.aiter_lines()
            await _next(lines, "tasks")
            await publish_event(redis, user_id, CV_LIST_CHANGED, {"cvId": "x"})
            message = await _next(lines, "message")
            assert said in message and not_said not in message
    finally:
        await tab.aclose()


async def test_a_signed_out_stream_renders_nothing_more(
    live_server: str, redis: Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sse, "KEEPALIVE_SECONDS", 30.0)  # only the event can wake the stream
    tab, user_id = await _tab(live_server, "stream-out@example.com", "en")
    try:
        async with asyncio.timeout(20), tab.stream("GET", "/events/feed") as stream:
            lines = stream.aiter_lines()
            await _next(lines, "tasks")
            signed_out = await tab.post("/logout", data={"_csrf_token": tab.cookies["csrftoken"]})
            assert signed_out.status_code in (200, 302, 303)
            await publish_event(redis, user_id, CV_LIST_CHANGED, {"cvId": "x"})
            rest = [line async for line in lines]  # the stream ends at that event
            assert not any(line.startswith("event: message") for line in rest), rest
    finally:
        await tab.aclose()
