"""A printable sheet — a title, then sections of headed items, each with labelled lines (the
interview prep prints as one) — to HTML and to a PDF of as many pages as it takes.

Same sandbox as CVs and letters (``sandbox.py``, document kind ``sheet``), same cache with the
kind in its key, the same Jinja environment (autoescape on, strict undefined). Call
``render_sheet_pdf_bytes`` from the worker; ``render_sheet_html`` gives the document alone. The
layout itself is ``sheet_fit.py``, imported only by the render server (WeasyPrint stays out of
the worker and the web app).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.lib.pdf_render.cached import cached_render
from app.lib.pdf_render.designs import cv_locale
from app.lib.pdf_render.html import _environment
from app.lib.pdf_render.limits import RENDER_MEMORY_LIMIT_BYTES, RENDER_TIMEOUT_SECONDS
from app.lib.pdf_render.result import RenderResult
from app.lib.pdf_render.sandbox import RenderJob

SHEET_KIND = "sheet"
SHEET_DESIGN = "sheet"  # one look for every sheet: recorded in results and cache keys
MAX_SHEET_PAGES = 40  # no page budget: a sheet takes the pages it needs


def render_sheet_html(sheet: dict[str, Any], *, locale: str) -> str:
    french = cv_locale(locale) == "fr"
    marks = {"opening": "« ", "closing": " »", "colon": " : "} if french else {
        "opening": "“", "closing": "”", "colon": ": ",
    }  # fmt: skip
    view = {
        "lang": cv_locale(locale),
        "title": str(sheet.get("title") or ""),
        "subtitle": str(sheet.get("subtitle") or ""),
        "sections": [
            {
                "heading": str(s.get("heading") or ""),
                "intro": str(s.get("intro") or ""),
                "items": [
                    {
                        "heading": str(i.get("heading") or ""),
                        "lines": [
                            {
                                "label": str(line.get("label") or ""),
                                "text": str(line.get("text") or ""),
                                "quote": bool(line.get("quote")),
                            }
                            for line in i.get("lines") or []
                        ],
                    }
                    for i in s.get("items") or []
                ],
            }
            for s in sheet.get("sections") or []
        ],
    }
    template = _environment().get_template("cv_designs/_sheet.html")
    return template.render(sheet=view, **marks)


async def render_sheet_pdf_bytes(
    sheet: dict[str, Any],
    *,
    locale: str,
    cache_dir: Path | None = None,
    timeout_seconds: float = RENDER_TIMEOUT_SECONDS,
    memory_limit: int = RENDER_MEMORY_LIMIT_BYTES,
) -> RenderResult:
    """Render ``sheet`` to PDF in the sandbox (errors as ``render_cv_pdf_bytes``'s); with
    ``cache_dir`` an identical earlier render is reused."""
    locale = cv_locale(locale)
    return await cached_render(
        RenderJob(sheet, SHEET_DESIGN, locale, MAX_SHEET_PAGES, None, kind=SHEET_KIND),
        cache_dir,
        timeout_seconds=timeout_seconds,
        memory_limit=memory_limit,
        keep=lambda render: bool(render.pdf),
    )
