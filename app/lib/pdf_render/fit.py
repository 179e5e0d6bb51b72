"""Render a CV within its page budget: lay out, count pages, cut the least relevant bullets,
skills and interests (``budget.trim_candidates``), lay out again, until it fits (or nothing
more may go). Runs inside the render sandbox.

Each pass measures how much content spilled past the budget and cuts just enough height to
absorb it, so a long CV usually needs two or three layouts rather than one per cut.
"""

from __future__ import annotations

import time
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.pdf_render.budget import TrimCandidate, trim_candidates
from app.lib.pdf_render.designs import check_design, cv_locale
from app.lib.pdf_render.fetcher import SafeURLFetcher
from app.lib.pdf_render.html import render_cv_html
from app.lib.pdf_render.layout import layout, measure
from app.lib.pdf_render.result import RenderResult, TrimmedItem

MAX_LAYOUT_PASSES = 12
FALLBACK_CUT_PER_PASS = 2  # when the box tree cannot be measured


def _next_cut(
    remaining: list[TrimCandidate], overflow: float | None, heights: dict[str, float]
) -> list[TrimCandidate]:
    if overflow is None:
        return remaining[:FALLBACK_CUT_PER_PASS]
    cut: list[TrimCandidate] = []
    freed = 0.0
    for candidate in remaining:
        cut.append(candidate)
        freed += heights.get(candidate.key, 0.0)
        if freed >= overflow:
            break
    return cut


def render_to_budget(
    content_json: dict[str, Any],
    *,
    design: str,
    locale: str,
    page_budget: int,
    relevance: dict[str, float] | None,
) -> RenderResult:
    started = time.perf_counter()
    content = CvContent.from_json(content_json)
    design, locale = check_design(design), cv_locale(locale)
    budget = max(1, int(page_budget))
    fetcher = SafeURLFetcher()
    candidates = trim_candidates(content, relevance)
    trimmed: list[TrimCandidate] = []
    passes = 0
    while True:
        html = render_cv_html(
            content, design=design, locale=locale, trimmed={c.key for c in trimmed}
        )
        document = layout(html, fetcher)
        passes += 1
        remaining = candidates[len(trimmed) :]
        if len(document.pages) <= budget or not remaining or passes >= MAX_LAYOUT_PASSES:
            break
        measured = measure(document, budget)
        trimmed.extend(
            _next_cut(
                remaining,
                # Space left blank at the bottom of the allowed pages (content pushed on by
                # break-avoid rules) takes content back too; too little cut → another pass.
                max(0.0, measured.overflow - measured.slack) if measured else None,
                measured.heights if measured else {},
            )
        )
    pdf = document.write_pdf()
    return RenderResult(
        pdf=pdf,
        page_count=len(document.pages),
        trimmed=[
            TrimmedItem(c.key, c.section, c.item_id, c.index, c.text, c.relevance, c.kind)
            for c in trimmed
        ],
        html=html,
        design=design,
        locale=locale,
        page_budget=budget,
        fits=len(document.pages) <= budget,
        layout_passes=passes,
        render_ms=(time.perf_counter() - started) * 1000,
        extra={"blockedUrls": fetcher.blocked[:20]},
    )
