"""WeasyPrint layout of a CV document, and the measurements the trim loop needs.

Runs inside the render sandbox (see ``sandbox.py``). The measurements read WeasyPrint's box tree
(``Page._page_box``, stable since v53); if a future version changes it, ``measure`` returns
``None`` and the trim loop falls back to cutting a fixed number of bullets per pass.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from weasyprint import HTML
from weasyprint.document import Document

from app.lib.pdf.fetcher import SafeURLFetcher
from app.lib.pdf.html import CV_TEMPLATES_DIR

BULLET_ATTRIBUTE = "data-bullet"


def layout(html: str, fetcher: SafeURLFetcher | None = None) -> Document:
    """Lay the document out. Every resource goes through ``SafeURLFetcher``."""
    return HTML(
        string=html,
        base_url=CV_TEMPLATES_DIR.as_uri() + "/",
        url_fetcher=fetcher or SafeURLFetcher(),
    ).render()


@dataclass(frozen=True, slots=True)
class Measurements:
    overflow: float  # CSS px of content on the pages beyond the budget
    slack: float  # CSS px left empty at the bottom of the pages within the budget
    bullet_heights: dict[str, float]  # data-bullet key → px it occupies (summed over pages)


def _descendants(box: Any) -> Any:
    yield box
    for child in getattr(box, "children", ()) or ():
        yield from _descendants(child)


def measure(document: Document, budget: int) -> Measurements | None:
    try:
        overflow = 0.0
        slack = 0.0
        extents: dict[str, list[float]] = defaultdict(list)
        for number, page in enumerate(document.pages):
            page_box = page._page_box
            top = page_box.content_box_y()
            bottom = top
            spans: dict[str, tuple[float, float]] = {}
            for box in _descendants(page_box):
                y = getattr(box, "position_y", None)
                if y is None or box is page_box:
                    continue
                end = y + box.margin_height()
                if not getattr(box, "children", None):
                    # Leaves only: a block split across pages stretches to the page bottom.
                    bottom = max(bottom, end)
                element = getattr(box, "element", None)
                key = element.get(BULLET_ATTRIBUTE) if element is not None else None
                if key and getattr(box, "element_tag", "") == "li":
                    low, high = spans.get(key, (y, end))
                    spans[key] = (min(low, y), max(high, end))
            for key, (low, high) in spans.items():
                extents[key].append(high - low)
            if number >= budget:
                overflow += bottom - top
            else:
                slack += max(0.0, top + page_box.height - bottom)
        return Measurements(overflow, slack, {k: sum(v) for k, v in extents.items()})
    except (AttributeError, TypeError):
        return None
