"""One default pitch per user and at most ``MAX_ACHIEVEMENTS`` achievements hold under parallel
requests, on SQLite and PostgreSQL. The database enforces the first (a partial unique index,
migration 0017) and the requests take the owner's account row before changing it (app/db/
session.py lock_owner), so they neither fail on the index nor all count the same number."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import Achievement, Pitch
from app.domain.achievements.checks import MAX_ACHIEVEMENTS
from tests.fixtures.live import browser

PARALLEL = 30
STORY = {
    "title": "Faster month-end close",
    "situation": "The month-end close took 9 days.",
    "task": "I had to shorten it.",
    "action": "I automated the reconciliation.",
    "result": "I cut it to 4 days.",
    "status": "complete",
    "language": "en",
}


async def _signed_up(live_server: str, email: str) -> tuple[httpx.AsyncClient, str]:
    http = await browser(live_server, email)
    http.timeout = httpx.Timeout(120)
    http.headers["x-csrftoken"] = http.cookies["csrftoken"]
    me = await http.get("/api/auth/me")
    return http, str(me.json()["id"])


def _pitch(user_id: str, n: int) -> Pitch:
    return Pitch(
        user_id=user_id, status="completed", engine="offline", text=f"Pitch {n}.", kind="30s"
    )


async def test_parallel_defaults_leave_one_default_pitch(
    backend: str, live_server: str, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    http, user_id = await _signed_up(live_server, "pitcher@example.com")
    async with session_factory() as db:
        pitches = [_pitch(user_id, n) for n in range(PARALLEL)]
        db.add_all(pitches)
        await db.commit()

    async def make_default(pitch: Pitch) -> httpx.Response:
        return await http.put(f"/api/pitches/{pitch.id}/default", json={"isDefault": True})

    try:
        answers = await asyncio.gather(*(make_default(p) for p in pitches))
    finally:
        await http.aclose()
    assert Counter(a.status_code for a in answers) == {200: PARALLEL}
    async with session_factory() as db:
        defaults = await db.scalar(
            select(func.count()).select_from(Pitch).where(Pitch.is_default.is_(True))
        )
    assert defaults == 1


async def test_the_database_refuses_a_second_default_pitch(
    backend: str, live_server: str, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """Whatever code writes the rows: the index, not only the service, holds the rule."""
    http, user_id = await _signed_up(live_server, "indexed@example.com")
    await http.aclose()
    async with session_factory() as db:
        first, second = _pitch(user_id, 1), _pitch(user_id, 2)
        first.is_default = second.is_default = True
        db.add_all([first, second])
        try:
            await db.commit()
        except IntegrityError:
            await db.rollback()
        else:
            raise AssertionError("two default pitches were stored")
        db.add_all([_pitch(user_id, 3), _pitch(user_id, 4)])  # not defaults: any number
        await db.commit()


async def test_parallel_creates_never_pass_the_bank_limit(
    backend: str, live_server: str, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    http, user_id = await _signed_up(live_server, "banker@example.com")
    room = 10
    async with session_factory() as db:
        db.add_all(
            Achievement(user_id=user_id, title=f"Story {n}") for n in range(MAX_ACHIEVEMENTS - room)
        )
        await db.commit()

    async def create() -> httpx.Response:
        return await http.post("/api/achievements", json=STORY)

    try:
        answers = await asyncio.gather(*(create() for _ in range(PARALLEL)))
    finally:
        await http.aclose()
    codes = Counter(a.status_code for a in answers)
    assert codes == {201: room, 409: PARALLEL - room}, codes
    refused = {a.json()["error"] for a in answers if a.status_code == 409}
    assert refused == {"achievement.bank_full"}
    async with session_factory() as db:
        stored = await db.scalar(select(func.count()).select_from(Achievement))
    assert stored == MAX_ACHIEVEMENTS
