"""A printable sheet laid out and written to PDF. Runs inside the render sandbox (``server.py``);
the worker's side, the sheet's HTML and its cache, is ``sheet.py``."""

from __future__ import annotations

import time
from functools import partial
from typing import Any

from app.lib.pdf_render.designs import cv_locale
from app.lib.pdf_render.fetcher import SafeURLFetcher
from app.lib.pdf_render.glyphs import render_covered, written_uncut
from app.lib.pdf_render.layout import layout
from app.lib.pdf_render.result import RenderResult
from app.lib.pdf_render.sheet import MAX_SHEET_PAGES, SHEET_DESIGN, render_sheet_html


def render_sheet_to_pdf(payload: dict[str, Any], *, locale: str) -> RenderResult:
    """Inside the render sandbox (``server.py``): lay the sheet out and write its PDF."""
    return render_covered(partial(_render_once, locale=locale), payload)


def _render_once(payload: dict[str, Any], *, locale: str) -> tuple[RenderResult, frozenset[str]]:
    started = time.perf_counter()
    html = render_sheet_html(payload, locale=locale)
    fetcher = SafeURLFetcher()
    document = layout(html, fetcher)
    return written_uncut(
        document,
        html,
        design=SHEET_DESIGN,
        locale=cv_locale(locale),
        page_budget=MAX_SHEET_PAGES,
        layout_passes=1,
        started=started,
        extra={"blockedUrls": fetcher.blocked[:20]},
    )
