"""The pages of a CV's uploaded PDF as images, for the review page: the source beside what was
read (a pasted CV shows its text there instead, ``source_text``). Rendered in a sandbox
(app/lib/pdf_read/page_image.py), cached in Redis for an hour under the file's own hash (a new
import of other bytes never shows old pages), and forgotten with the CV and with the account."""

from __future__ import annotations

import hashlib

from redis.asyncio import Redis

from app.db.models import CvFile
from app.lib.pdf_read.page_image import PageImageError, render_page_png
from app.lib.pdf_text import looks_like_pdf

CACHE_SECONDS = 3600
KEY_PREFIX = "cv-page"


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


def _key(cv: CvFile, page: int) -> str:
    digest = hashlib.sha256(cv.original_bytes or b"").hexdigest()[:20]
    return f"{KEY_PREFIX}:{cv.id}:{digest}:{page}"


async def page_png(redis: Redis, cv: CvFile, page: int, *, max_pages: int) -> bytes | None:
    """Page ``page`` (1-based) as PNG; None when the CV has no such page (no PDF, past its
    end) or the file cannot be drawn."""
    if not has_pages(cv):
        return None
    key = _key(cv, page)
    cached = await redis.get(key)
    if cached:
        return bytes(cached)
    try:
        png = await render_page_png(cv.original_bytes or b"", page, max_pages=max_pages)
    except PageImageError:
        return None
    await redis.set(key, png, ex=CACHE_SECONDS)
    return png


async def forget_pages(redis: Redis, cv_ids: list[str]) -> None:
    """Drop the cached pages of these CVs (deleted, or their account is)."""
    for cv_id in cv_ids:
        keys = [key async for key in redis.scan_iter(match=f"{KEY_PREFIX}:{cv_id}:*", count=200)]
        if keys:
            await redis.delete(*keys)
