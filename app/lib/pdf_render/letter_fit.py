"""Lay a cover letter out on exactly one page. Runs inside the render sandbox (``server.py``).

A letter is never trimmed (every sentence is the user's or was checked against the CV): it is
laid out at the design's letter size first, then at up to three smaller, tighter steps of
``templates/cv_designs/_letter.css`` (down to 9 pt, still readable). If even the last step spills
onto a second page, the result says ``fits=False`` with no PDF, and ``letter.py`` raises
``LetterTooLong``.
"""

from __future__ import annotations

import time
from functools import partial
from typing import Any

from app.lib.cv_content import Header
from app.lib.letter_content import LetterContent
from app.lib.pdf_render.designs import check_design, cv_locale
from app.lib.pdf_render.fetcher import SafeURLFetcher
from app.lib.pdf_render.glyphs import render_covered, written_uncut
from app.lib.pdf_render.layout import layout
from app.lib.pdf_render.letter import LETTER_PAGES
from app.lib.pdf_render.letter_html import FIT_STEPS, render_letter_html
from app.lib.pdf_render.result import RenderResult


def render_letter_to_page(payload: dict[str, Any], *, design: str, locale: str) -> RenderResult:
    return render_covered(partial(_render_once, design=design, locale=locale), payload)


def _render_once(
    payload: dict[str, Any], *, design: str, locale: str
) -> tuple[RenderResult, frozenset[str]]:
    started = time.perf_counter()
    letter = LetterContent.from_json(payload.get("letter"))
    header = Header.model_validate(payload.get("header") or {})
    design, locale = check_design(design), cv_locale(locale)
    fetcher = SafeURLFetcher()
    step = 0
    while True:
        html = render_letter_html(letter, header, design=design, locale=locale, fit_step=step)
        document = layout(html, fetcher)
        if len(document.pages) <= LETTER_PAGES or step == FIT_STEPS - 1:
            break
        step += 1
    return written_uncut(
        document,
        html,
        design=design,
        locale=locale,
        page_budget=LETTER_PAGES,
        layout_passes=step + 1,
        started=started,
        extra={"blockedUrls": fetcher.blocked[:20], "fitStep": step},
    )
