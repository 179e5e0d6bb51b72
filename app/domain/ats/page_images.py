"""The pages of a checked PDF as images, for the report's highlights. Drawn in the renderer's
sandbox (app/lib/pdf_read/page_image.py), one at a time per user across web processes (a lock
in Redis, as the CV review's pages: a hostile file costs its 15 CPU-seconds once), cached in
Redis for an hour; a page that cannot be drawn is remembered as such for the hour too.
"""

from __future__ import annotations

import asyncio
import secrets

from redis.asyncio import Redis

from app.db.models import AtsCheck
from app.lib.errors import TooManyRequests
from app.lib.i18n import N_
from app.lib.pdf_read.page_image import PNG_MAGIC, PageImageError, render_page_png

CACHE_SECONDS = 3600
KEY_PREFIX = "ats-page"
LOCK_PREFIX = "ats-page-render"
FAILED = b"failed"
LOCK_SECONDS = 30  # outlives a render (15 s), frees itself if its holder died
WAIT_SECONDS = 10.0
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""


def _key(check: AtsCheck, page: int) -> str:
    return f"{KEY_PREFIX}:{check.id}:{page}"


async def _draw(redis: Redis, check: AtsCheck, page: int, max_pages: int) -> bytes:
    key = f"{LOCK_PREFIX}:{check.user_id}"
    token = secrets.token_hex(16)
    deadline = asyncio.get_running_loop().time() + WAIT_SECONDS
    while not await redis.set(key, token, nx=True, ex=LOCK_SECONDS):
        if asyncio.get_running_loop().time() > deadline:
            raise TooManyRequests(
                N_("Another page is being drawn; try again in a moment."), code="ats.page_busy"
            )
        await asyncio.sleep(0.05)
    try:
        cached = await redis.get(_key(check, page))
        if cached:  # drawn by the request that held the turn
            return bytes(cached)
        try:
            drawn = await render_page_png(check.pdf or b"", page, max_pages=max_pages)
        except PageImageError:
            drawn = FAILED
        await redis.set(_key(check, page), drawn, ex=CACHE_SECONDS)
        return drawn
    finally:
        await redis.eval(_RELEASE, 1, key, token)  # type: ignore[misc]


async def page_png(redis: Redis, check: AtsCheck, page: int, *, max_pages: int) -> bytes | None:
    """Page ``page`` (1-based) as PNG; None when the check has no such page or file."""
    pages = int((check.report or {}).get("pages") or 0)
    if not check.pdf or not 1 <= page <= min(pages, max_pages):
        return None
    cached = await redis.get(_key(check, page))
    drawn = bytes(cached) if cached else await _draw(redis, check, page, max_pages)
    return drawn if drawn.startswith(PNG_MAGIC) else None
