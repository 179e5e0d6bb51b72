"""The pages of a checked PDF as images, for the report's highlights. Drawn in the renderer's
sandbox (app/lib/pdf_read/page_image.py), one at a time per user across web processes (a lock
in Redis, as the CV review's pages: a hostile file costs its 15 CPU-seconds once), cached in
Redis for an hour; a page that cannot be drawn is remembered as such for the hour too.
"""

from __future__ import annotations

from redis.asyncio import Redis

from app.db.models import AtsCheck
from app.lib.errors import TooManyRequests
from app.lib.i18n import N_
from app.lib.pdf_read.page_image import PNG_MAGIC, PageImageError, render_page_png
from app.lib.redis_lock import held

CACHE_SECONDS = 3600
KEY_PREFIX = "ats-page"
LOCK_PREFIX = "ats-page-render"
FAILED = b"failed"
LOCK_SECONDS = 30  # outlives a render (15 s), frees itself if its holder died
WAIT_SECONDS = 10.0


def _key(check: AtsCheck, page: int) -> str:
    return f"{KEY_PREFIX}:{check.id}:{page}"


async def _draw(redis: Redis, check: AtsCheck, page: int, max_pages: int) -> bytes:
    def busy() -> TooManyRequests:
        return TooManyRequests(
            N_("Another page is being drawn; try again in a moment."), code="ats.page_busy"
        )

    key = f"{LOCK_PREFIX}:{check.user_id}"
    async with held(redis, key, seconds=LOCK_SECONDS, wait=WAIT_SECONDS, busy=busy):
        cached = await redis.get(_key(check, page))
        if cached:  # drawn by the request that held the turn
            return bytes(cached)
        try:
            drawn = await render_page_png(check.pdf or b"", page, max_pages=max_pages)
        except PageImageError:
            drawn = FAILED
        await redis.set(_key(check, page), drawn, ex=CACHE_SECONDS)
        return drawn


async def page_png(redis: Redis, check: AtsCheck, page: int, *, max_pages: int) -> bytes | None:
    """Page ``page`` (1-based) as PNG; None when the check has no such page or file."""
    pages = int((check.report or {}).get("pages") or 0)
    if not check.pdf or not 1 <= page <= min(pages, max_pages):
        return None
    cached = await redis.get(_key(check, page))
    drawn = bytes(cached) if cached else await _draw(redis, check, page, max_pages)
    return drawn if drawn.startswith(PNG_MAGIC) else None
