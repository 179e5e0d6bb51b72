"""The entry point other features call: ``render_cv_pdf_bytes`` (in the worker only)."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
from pathlib import Path

from app.lib.cv_content import CvContent
from app.lib.pdf_render.cache import RenderCache, cache_key
from app.lib.pdf_render.designs import check_design, cv_locale
from app.lib.pdf_render.limits import RENDER_MEMORY_LIMIT_BYTES, RENDER_TIMEOUT_SECONDS
from app.lib.pdf_render.result import RenderResult
from app.lib.pdf_render.sandbox import RenderJob, run_sandboxed


async def render_cv_pdf_bytes(
    content: CvContent,
    *,
    design: str,
    locale: str,
    page_budget: int,
    relevance: dict[str, float] | None = None,
    photo: bytes | None = None,
    cache_dir: Path | None = None,
    timeout_seconds: float = RENDER_TIMEOUT_SECONDS,
    memory_limit: int = RENDER_MEMORY_LIMIT_BYTES,
) -> RenderResult:
    """Render ``content`` to a PDF of at most ``page_budget`` pages (trimming bullets, skills
    and interests).

    ``relevance`` maps the keys of ``budget.bullet_key`` / ``skill_key`` / ``interest_key`` to a
    score; the lowest go first (see ``budget.trim_candidates``). ``photo`` (a JPEG made by
    app/lib/photo/clean.py) is shown in the header; its height counts in the budget. With
    ``cache_dir`` (``renders_dir(settings)``), an identical earlier render is returned as is.
    Raises ``RenderTimeout`` / ``RenderMemoryExceeded`` / ``RenderCrashed`` / ``RenderError``:
    the pipeline lets them fail the offer's recompose step so its retries apply.
    """
    design, locale = check_design(design), cv_locale(locale)
    content_json = content.to_json()
    key = cache_key(
        content_json,
        design=design,
        locale=locale,
        page_budget=page_budget,
        relevance=relevance,
        photo=photo,
    )
    cache = RenderCache(cache_dir) if cache_dir is not None else None
    if cache is not None and (hit := await asyncio.to_thread(cache.get, key)) is not None:
        return hit
    result = await run_sandboxed(
        RenderJob(
            content_json,
            design,
            locale,
            page_budget,
            relevance,
            photo=base64.b64encode(photo).decode() if photo else None,
        ),
        timeout_seconds=timeout_seconds,
        memory_limit=memory_limit,
    )
    result = dataclasses.replace(result, cache_key=key)
    if cache is not None:
        await asyncio.to_thread(cache.put, key, result)
    return result
