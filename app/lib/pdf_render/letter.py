"""The entry point for cover letters: ``render_letter_pdf_bytes`` (in the worker, like CVs).

Same sandbox as the CVs (``sandbox.py``: a fork of the warmed-up render server with memory and
wall-clock limits, the safe URL fetcher), same cache with the document kind in its key. The
request's shape is declared here, not in ``letter_fit.py``: this side never imports WeasyPrint.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.lib.cv_content import Header
from app.lib.letter_content import LetterContent
from app.lib.pdf_render.cached import cached_render
from app.lib.pdf_render.designs import check_design, cv_locale
from app.lib.pdf_render.errors import LetterTooLong
from app.lib.pdf_render.limits import RENDER_MEMORY_LIMIT_BYTES, RENDER_TIMEOUT_SECONDS
from app.lib.pdf_render.result import RenderResult
from app.lib.pdf_render.sandbox import RenderJob

LETTER_KIND = "letter"
LETTER_PAGES = 1


def letter_payload(letter: LetterContent, header: Header) -> dict[str, Any]:
    """What the sandbox request carries as ``content`` for a letter (JSON only)."""
    return {"letter": letter.to_json(), "header": header.model_dump(mode="json")}


async def render_letter_pdf_bytes(
    letter: LetterContent,
    header: Header,
    *,
    design: str,
    locale: str,
    cache_dir: Path | None = None,
    timeout_seconds: float = RENDER_TIMEOUT_SECONDS,
    memory_limit: int = RENDER_MEMORY_LIMIT_BYTES,
) -> RenderResult:
    """Render ``letter`` under the CV's ``header`` in ``design`` on exactly one A4 page.

    Raises ``LetterTooLong`` (code ``render.letter_too_long``) when the text overflows one page
    even at the smallest step, and like ``render_cv_pdf_bytes`` ``RenderTimeout`` /
    ``RenderMemoryExceeded`` / ``RenderCrashed`` / ``RenderError`` otherwise; ``UnknownDesign``
    for a design not in ``DESIGNS``. With ``cache_dir`` an identical earlier render is reused.
    """
    design, locale = check_design(design), cv_locale(locale)
    payload = letter_payload(letter, header)
    result = await cached_render(
        RenderJob(payload, design, locale, LETTER_PAGES, None, kind=LETTER_KIND),
        cache_dir,
        timeout_seconds=timeout_seconds,
        memory_limit=memory_limit,
        keep=lambda render: render.fits,  # an overflowing letter is refused, never kept
    )
    if not result.fits:
        raise LetterTooLong(result.page_count)
    return result
