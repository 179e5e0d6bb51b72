"""A printable sheet laid out and written to PDF. Runs inside the render sandbox (``server.py``);
the worker's side, the sheet's HTML and its cache, is ``sheet.py``."""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from app.lib.pdf_render.designs import cv_locale
from app.lib.pdf_render.fetcher import SafeURLFetcher
from app.lib.pdf_render.glyphs import strip_characters, write_pdf
from app.lib.pdf_render.layout import layout
from app.lib.pdf_render.result import RenderResult
from app.lib.pdf_render.sheet import MAX_SHEET_PAGES, SHEET_DESIGN, render_sheet_html


def render_sheet_to_pdf(payload: dict[str, Any], *, locale: str) -> RenderResult:
    """Inside the render sandbox (``server.py``): lay the sheet out and write its PDF."""
    started = time.perf_counter()
    result, missing = _render_once(payload, locale=locale, started=started)
    if not missing:
        return result
    # A character no font has breaks the text layer (``glyphs.py``): lay out again without it.
    result, _ = _render_once(strip_characters(payload, missing), locale=locale, started=started)
    return dataclasses.replace(result, extra={**result.extra, "droppedCharacters": sorted(missing)})


def _render_once(
    payload: dict[str, Any], *, locale: str, started: float
) -> tuple[RenderResult, frozenset[str]]:
    html = render_sheet_html(payload, locale=locale)
    fetcher = SafeURLFetcher()
    document = layout(html, fetcher)
    fits = len(document.pages) <= MAX_SHEET_PAGES
    pdf, missing = write_pdf(document) if fits else (b"", frozenset[str]())
    result = RenderResult(
        pdf=pdf,
        page_count=len(document.pages),
        trimmed=[],
        html=html,
        design=SHEET_DESIGN,
        locale=cv_locale(locale),
        page_budget=MAX_SHEET_PAGES,
        fits=fits,
        layout_passes=1,
        render_ms=(time.perf_counter() - started) * 1000,
        extra={"blockedUrls": fetcher.blocked[:20]},
    )
    return result, missing
