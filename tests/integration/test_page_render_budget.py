"""The review page's page images cost a hostile PDF its render once, one at a time per user
(app/domain/cvs/source_pages.py): a failed render is cached like a drawn page, and one user's
renders wait for each other (a Redis lock, across web processes) or are answered "busy" —
another user's are not held up. The sandbox itself is real; a wrapper counts its runs."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis
from redis.exceptions import OutOfMemoryError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

import app.domain.cvs.source_pages as source_pages
from app.db.models import CvFile, User
from tests.fixtures import pdfs
from tests.fixtures.live import browser

PNG = b"\x89PNG\r\n\x1a\n"


class CountedRenders:
    """``render_page_png`` as the app calls it, counting the runs and how many overlap."""

    def __init__(self) -> None:
        self.runs = 0
        self.running = 0
        self.most_at_once = 0
        self.real = source_pages.render_page_png

    async def __call__(self, *args: Any, **kwargs: Any) -> bytes:
        self.runs += 1
        self.running += 1
        self.most_at_once = max(self.most_at_once, self.running)
        try:
            await asyncio.sleep(0.2)  # a render is never instant: let another one overlap
            return await self.real(*args, **kwargs)
        finally:
            self.running -= 1


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> CountedRenders:
    counted = CountedRenders()
    monkeypatch.setattr(source_pages, "render_page_png", counted)
    return counted


async def owner_with_pdf(
    live_server: str, db: AsyncSession, email: str, pdf: bytes
) -> tuple[httpx.AsyncClient, str, str]:
    """A signed-in user and a CV of theirs whose uploaded file is ``pdf``."""
    client = await browser(live_server, email)
    user_id = await db.scalar(select(User.id).where(User.email == email))
    assert user_id is not None
    cv = CvFile(
        user_id=user_id,
        filename="cv.pdf",
        original_bytes=pdf,
        original_mime="application/pdf",
        extraction_status="completed",
        import_report={"pages": 2},
    )
    db.add(cv)
    await db.commit()
    return client, user_id, cv.id


async def test_a_failed_render_is_cached_and_not_run_again(
    live_server: str, db: AsyncSession, renders: CountedRenders
) -> None:
    hostile = b"%PDF-1.7\n" + b"0 0 obj << /Kids [1 0 R] >> endobj\n" * 50
    client, _, cv_id = await owner_with_pdf(live_server, db, "hostile@example.com", hostile)
    for page in (1, 1, 2):
        answer = await client.get(f"/cvs/{cv_id}/pages/{page}")
        assert answer.status_code == 404
    assert renders.runs == 1  # the file failed once: no page of it is drawn again


async def test_one_users_renders_run_one_at_a_time(
    live_server: str, db: AsyncSession, renders: CountedRenders
) -> None:
    client, _, cv_id = await owner_with_pdf(
        live_server, db, "two-pages@example.com", pdfs.two_page_cv_pdf()
    )
    first, second = await asyncio.gather(
        client.get(f"/cvs/{cv_id}/pages/1"), client.get(f"/cvs/{cv_id}/pages/2")
    )
    assert first.status_code == second.status_code == 200
    assert first.content.startswith(PNG) and second.content.startswith(PNG)
    assert first.content != second.content
    assert renders.runs == 2 and renders.most_at_once == 1


async def test_a_render_that_cannot_get_its_turn_is_answered_busy(
    live_server: str,
    db: AsyncSession,
    redis: Redis,
    renders: CountedRenders,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(source_pages, "RENDER_WAIT_SECONDS", 0.3)
    pdf = pdfs.two_page_cv_pdf()
    busy, busy_id, busy_cv = await owner_with_pdf(live_server, db, "busy@example.com", pdf)
    other, _, other_cv = await owner_with_pdf(live_server, db, "free@example.com", pdf)
    # Another web process is drawing a page for this user (its lock, as it holds it).
    await redis.set(f"{source_pages.LOCK_PREFIX}:{busy_id}", "elsewhere", ex=30)
    refused = await busy.get(f"/cvs/{busy_cv}/pages/1")
    assert refused.status_code == 429 and renders.runs == 0
    drawn = await other.get(f"/cvs/{other_cv}/pages/1")  # another user is not held up
    assert drawn.status_code == 200 and drawn.content.startswith(PNG)
    await redis.delete(f"{source_pages.LOCK_PREFIX}:{busy_id}")
    assert (await busy.get(f"/cvs/{busy_cv}/pages/1")).status_code == 200


async def test_a_full_redis_still_shows_the_page(
    live_server: str, db: AsyncSession, renders: CountedRenders, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Redis never evicts (app/lib/embedded_redis.py): full, it refuses the cache's write; the
    page is drawn and shown all the same, and drawn again next time."""
    real_set = Redis.set

    async def refuse() -> None:
        raise OutOfMemoryError("command not allowed when used memory > 'maxmemory'")

    def refusing_set(self: Redis, name: Any, *args: Any, **kwargs: Any) -> Any:
        # Not a coroutine function: a pipeline's ``set`` (the same method) returns the pipeline.
        if str(name).startswith(f"{source_pages.KEY_PREFIX}:"):
            return refuse()
        return real_set(self, name, *args, **kwargs)

    monkeypatch.setattr(Redis, "set", refusing_set)
    client, _, cv_id = await owner_with_pdf(
        live_server, db, "full-redis@example.com", pdfs.two_page_cv_pdf()
    )
    for _ in range(2):
        answer = await client.get(f"/cvs/{cv_id}/pages/1")
        assert answer.status_code == 200 and answer.content.startswith(PNG)
    assert renders.runs == 2
