"""The pages of a CV's uploaded PDF as images, for the review page: the source beside what was
read (a pasted CV shows its text there instead, ``source_text``). Rendered in a sandbox
(app/lib/pdf_read/page_image.py), cached in Redis for an hour under the file's own hash (a new
import of other bytes never shows old pages), and forgotten with the CV and with the account.

A render costs up to the sandbox's 15 CPU-seconds, so a hostile file must cost them once: a
failure is cached too — for the whole file when the file is at fault (damaged, too many pages,
killed by a limit), for the page when only that page is missing — and one user's renders run
one at a time, across web processes (a lock in Redis); a request that cannot get its turn
within ``RENDER_WAIT_SECONDS`` is answered "busy" (429)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.db.models import CvFile
from app.lib.errors import TooManyRequests
from app.lib.i18n import N_
from app.lib.pdf_read.page_image import PNG_MAGIC, PageImageError, render_page_png
from app.lib.pdf_text import looks_like_pdf
from app.lib.redis_lock import held

CACHE_SECONDS = 3600
KEY_PREFIX = "cv-page"
LOCK_PREFIX = "cv-page-render"  # not under KEY_PREFIX: forgetting a CV's pages leaves it be
log = logging.getLogger(__name__)
FAILED = b"failed"  # cached in place of a PNG (which starts with PNG_MAGIC)
RENDER_LOCK_SECONDS = 30  # outlives a render (15 s), frees itself if its holder died
RENDER_WAIT_SECONDS = 10.0


def page_count(cv: CvFile) -> int:
    """Pages the review page shows: those the import read (0 for pasted text or JSON)."""
    if not has_pages(cv):
        return 0
    stored = cv.import_report if isinstance(cv.import_report, dict) else {}
    pages = stored.get("pages")
    return int(pages) if isinstance(pages, int) and pages > 0 else 1


MAX_SOURCE_TEXT = 60_000  # characters shown beside a pasted CV; a CV is far shorter


def source_text(cv: CvFile) -> str:
    """The text a pasted CV was read from ("" for a PDF or a JSON Resume)."""
    if cv.original_mime != "text/plain" or not cv.original_bytes:
        return ""
    return cv.original_bytes.decode("utf-8", errors="replace")[:MAX_SOURCE_TEXT]


def has_pages(cv: CvFile) -> bool:
    return cv.original_mime == "application/pdf" and looks_like_pdf(cv.original_bytes or b"")


def _file_key(cv: CvFile) -> str:
    digest = hashlib.sha256(cv.original_bytes or b"").hexdigest()[:20]
    return f"{KEY_PREFIX}:{cv.id}:{digest}"


def _key(cv: CvFile, page: int) -> str:
    return f"{_file_key(cv)}:{page}"


def _failed_key(cv: CvFile) -> str:
    return f"{_file_key(cv)}:failed"


async def _known(redis: Redis, cv: CvFile, page: int) -> bytes | None:
    """The cached page (PNG), ``FAILED`` when it or its file could not be drawn, else None."""
    page_answer, file_answer = await redis.mget(_key(cv, page), _failed_key(cv))
    if page_answer:
        return bytes(page_answer)
    return FAILED if file_answer else None


@asynccontextmanager
async def one_render_per_user(redis: Redis, user_id: str) -> AsyncIterator[None]:
    """Hold ``cv-page-render:<user>`` (SET NX with a TTL, released only by its holder); raise
    ``TooManyRequests`` after ``RENDER_WAIT_SECONDS`` of waiting for it."""

    def busy() -> TooManyRequests:
        return TooManyRequests(
            N_("Another page of your CV is being drawn; try again in a moment."),
            code="cv.page_busy",
        )

    key = f"{LOCK_PREFIX}:{user_id}"
    async with held(redis, key, seconds=RENDER_LOCK_SECONDS, wait=RENDER_WAIT_SECONDS, busy=busy):
        yield


async def _cache(redis: Redis, key: str, value: bytes) -> None:
    """Best effort: a full Redis (it never evicts, app/lib/embedded_redis.py) refuses the write,
    and the page is then drawn again next time rather than not shown now."""
    try:
        await redis.set(key, value, ex=CACHE_SECONDS)
    except RedisError:
        log.warning("page image not cached: Redis refused the write", exc_info=True)


async def _remember_failure(redis: Redis, cv: CvFile, page: int, code: str) -> None:
    key = _key(cv, page) if code == "no_page" else _failed_key(cv)
    await _cache(redis, key, FAILED)


async def page_png(redis: Redis, cv: CvFile, page: int, *, max_pages: int) -> bytes | None:
    """Page ``page`` (1-based) as PNG; None when the CV has no such page (no PDF, past its
    end) or the file cannot be drawn. ``TooManyRequests`` when another render of the same user
    holds the turn for too long."""
    if not has_pages(cv) or not 1 <= page <= max_pages:
        return None
    known = await _known(redis, cv, page)
    if known is None:
        async with one_render_per_user(redis, cv.user_id):
            # The request that held the turn may have drawn, or failed on, this very file.
            known = await _known(redis, cv, page)
            if known is None:
                try:
                    known = await render_page_png(
                        cv.original_bytes or b"", page, max_pages=max_pages
                    )
                except PageImageError as exc:
                    await _remember_failure(redis, cv, page, exc.code)
                    return None
                await _cache(redis, _key(cv, page), known)
    return known if known.startswith(PNG_MAGIC) else None


async def forget_pages(redis: Redis, cv_ids: list[str]) -> None:
    """Drop the cached pages of these CVs (deleted, or their account is)."""
    for cv_id in cv_ids:
        keys = [key async for key in redis.scan_iter(match=f"{KEY_PREFIX}:{cv_id}:*", count=200)]
        if keys:
            await redis.delete(*keys)
