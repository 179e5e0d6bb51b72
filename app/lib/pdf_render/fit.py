"""Render a CV within its page budget: lay out, count pages, cut the least relevant bullets,
skills and interests (``budget.trim_candidates``), lay out again, until it fits (or nothing
more may go). Runs inside the render sandbox.

Each pass measures how much content spilled past the budget and cuts just enough height to
absorb it, so a long CV usually needs two or three layouts rather than one per cut. A tailored
CV (one with a relevance map) then uses its pages: what the estimate over-cut comes back while
the last page has room for it, and a last page less than ``ORPHAN_PAGE_FILL`` full (a few lines
spilled over) is fitted onto one page less. A user's own CV (no map) is never cut for that.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field
from typing import Any

from weasyprint.document import Document

from app.lib.cv_content import CvContent
from app.lib.pdf_render.budget import TrimCandidate, trim_candidates
from app.lib.pdf_render.designs import check_design, cv_locale
from app.lib.pdf_render.fetcher import SafeURLFetcher
from app.lib.pdf_render.glyphs import strip_characters, write_pdf
from app.lib.pdf_render.html import render_cv_html
from app.lib.pdf_render.layout import Measurements, layout, measure
from app.lib.pdf_render.result import RenderResult, TrimmedItem

MAX_LAYOUT_PASSES = 12  # per fitting; the refill and the orphan-page fit add a few more
MAX_REFILL_PASSES = 3
FALLBACK_CUT_PER_PASS = 2  # when the box tree cannot be measured
ORPHAN_PAGE_FILL = 1 / 3  # a last page fuller than this is a page; less is spilled-over lines
REFILL_SHARE = 0.9  # restore only what the measured heights say fills 90 % of the free room


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


@dataclass(slots=True)
class _Layout:
    cut: int  # how many candidates (in trim order) are left out
    html: str
    document: Document
    measured: Measurements | None
    budget: int  # the page count ``measured`` counts overflow and slack against

    @property
    def pages(self) -> int:
        return len(self.document.pages)

    @property
    def last_fill(self) -> float:
        return self.measured.fills[-1] if self.measured and self.measured.fills else 1.0


@dataclass(slots=True)
class _Fitter:
    content: CvContent
    design: str
    locale: str
    candidates: list[TrimCandidate]
    photo: str | None = None  # base64 JPEG shown in the header
    fetcher: SafeURLFetcher = field(default_factory=SafeURLFetcher)
    passes: int = 0
    heights: dict[str, float] = field(default_factory=dict)  # last measured, cut ones too

    def lay(self, cut: int, pages: int) -> _Layout:
        trimmed = {c.key for c in self.candidates[:cut]}
        html = render_cv_html(
            self.content, design=self.design, locale=self.locale, trimmed=trimmed, photo=self.photo
        )
        document = layout(html, self.fetcher)
        self.passes += 1
        measured = measure(document, pages)
        if measured:
            self.heights.update(measured.heights)
        return _Layout(cut, html, document, measured, pages)

    def fit(self, start: _Layout | None, pages: int) -> _Layout:
        """Cut in trim order from ``start`` until the document holds on ``pages`` pages, or
        nothing more may go (then the most trimmed layout)."""
        current = start if start is not None else self.lay(0, pages)
        for _ in range(MAX_LAYOUT_PASSES):
            remaining = self.candidates[current.cut :]
            if current.pages <= pages or not remaining:
                break
            measured = (
                current.measured if current.budget == pages else measure(current.document, pages)
            )
            cut = _next_cut(
                remaining,
                # Space left blank at the bottom of the allowed pages (content pushed on by
                # break-avoid rules) takes content back too; too little cut → another pass.
                max(0.0, measured.overflow - measured.slack) if measured else None,
                self.heights,
            )
            current = self.lay(current.cut + len(cut), pages)
        return current

    def refill(self, current: _Layout, pages: int) -> _Layout:
        """Give back the last cut items (the most relevant of those cut) while the last page
        has room for them by their measured heights and the document stays on ``pages``."""
        for _ in range(MAX_REFILL_PASSES):
            if not current.cut or current.measured is None:
                break
            room = current.measured.last_page_free * REFILL_SHARE
            back, used = 0, 0.0
            while back < current.cut:
                height = self.heights.get(self.candidates[current.cut - 1 - back].key)
                if height is None or used + height > room:
                    break
                used += height
                back += 1
            if not back:
                break
            trial = self.lay(current.cut - back, pages)
            if trial.pages > pages:
                break
            current = trial
        return current


def render_to_budget(
    content_json: dict[str, Any],
    *,
    design: str,
    locale: str,
    page_budget: int,
    relevance: dict[str, float] | None,
    photo: str | None = None,
) -> RenderResult:
    started = time.perf_counter()
    result, missing = _render_once(
        content_json,
        design=design,
        locale=locale,
        page_budget=page_budget,
        relevance=relevance,
        photo=photo,
    )
    if not missing:
        return result
    # A character no font has breaks the whole text layer (``glyphs.py``): fit the CV again
    # without it, so the trimming and the HTML preview match the PDF, and say what went.
    result, _ = _render_once(
        strip_characters(content_json, missing),
        design=design,
        locale=locale,
        page_budget=page_budget,
        relevance=relevance,
        photo=photo,
    )
    return dataclasses.replace(
        result,
        layout_passes=result.layout_passes * 2,
        render_ms=(time.perf_counter() - started) * 1000,
        extra={**result.extra, "droppedCharacters": sorted(missing)},
    )


def _render_once(
    content_json: dict[str, Any],
    *,
    design: str,
    locale: str,
    page_budget: int,
    relevance: dict[str, float] | None,
    photo: str | None = None,
) -> tuple[RenderResult, frozenset[str]]:
    started = time.perf_counter()
    content = CvContent.from_json(content_json)
    budget = max(1, int(page_budget))
    fitter = _Fitter(
        content,
        check_design(design),
        cv_locale(locale),
        trim_candidates(content, relevance),
        photo=photo,
    )
    best = fitter.fit(None, budget)
    if relevance is not None and best.pages <= budget:
        best = fitter.refill(best, best.pages)
        if best.pages > 1 and best.last_fill < ORPHAN_PAGE_FILL:
            shorter = fitter.fit(best, best.pages - 1)
            if shorter.pages < best.pages:
                best = fitter.refill(shorter, shorter.pages)
    trimmed = fitter.candidates[: best.cut]
    pdf, missing = write_pdf(best.document)
    result = RenderResult(
        pdf=pdf,
        page_count=best.pages,
        trimmed=[
            TrimmedItem(c.key, c.section, c.item_id, c.index, c.text, c.relevance, c.kind)
            for c in trimmed
        ],
        html=best.html,
        design=fitter.design,
        locale=fitter.locale,
        page_budget=budget,
        fits=best.pages <= budget,
        layout_passes=fitter.passes,
        render_ms=(time.perf_counter() - started) * 1000,
        extra={
            "blockedUrls": fitter.fetcher.blocked[:20],
            "lastPageFill": round(best.last_fill, 3),
        },
    )
    return result, missing
