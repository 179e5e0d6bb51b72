"""The entry point other features call: ``render_cv_pdf_bytes`` (in the worker only)."""

from __future__ import annotations

import base64
from pathlib import Path

from app.lib.cv_content import CvContent
from app.lib.pdf_render.cached import cached_render
from app.lib.pdf_render.designs import check_design, cv_locale
from app.lib.pdf_render.limits import RENDER_MEMORY_LIMIT_BYTES, RENDER_TIMEOUT_SECONDS
from app.lib.pdf_render.result import RenderResult
from app.lib.pdf_render.sandbox import RenderJob


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
    photo_text = base64.b64encode(photo).decode() if photo else None
    job = RenderJob(content.to_json(), design, locale, page_budget, relevance, photo=photo_text)
    return await cached_render(
        job, cache_dir, timeout_seconds=timeout_seconds, memory_limit=memory_limit
    )
