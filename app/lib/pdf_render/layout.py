"""WeasyPrint layout of a CV document, and the measurements the trim loop needs.

Runs inside the render sandbox (see ``sandbox.py``). The measurements read WeasyPrint's box tree
(``Page._page_box``, stable since v53); if a future version changes it, ``measure`` returns
``None`` and the trim loop falls back to cutting a fixed number of bullets per pass.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from weasyprint import HTML
from weasyprint.document import Document

from app.lib.pdf_render.fetcher import SafeURLFetcher
from app.lib.pdf_render.html import CV_DESIGNS_DIR

# Keys the trim loop may cut (see ``budget.py``). A bullet is a block: its height is its own.
# Skills and interests are inline runs: each gets a share of its enclosing TRIM_BOX_ATTRIBUTE
# block (a skill group, the interests section) in proportion to its width, so cutting every
# item of a box frees the whole box, and cutting some frees about the lines they filled.
BULLET_ATTRIBUTE = "data-bullet"
INLINE_ATTRIBUTE = "data-trim"
TRIM_BOX_ATTRIBUTE = "data-trim-box"


def layout(html: str, fetcher: SafeURLFetcher | None = None) -> Document:
    """Lay the document out. Every resource goes through ``SafeURLFetcher``."""
    return HTML(
        string=html,
        base_url=CV_DESIGNS_DIR.as_uri() + "/",
        url_fetcher=fetcher or SafeURLFetcher(),
    ).render()


@dataclass(frozen=True, slots=True)
class Measurements:
    overflow: float  # CSS px of content on the pages beyond the budget
    slack: float  # CSS px left empty at the bottom of the pages within the budget
    heights: dict[str, float]  # trim key → px it occupies (summed over pages)
    fills: tuple[float, ...] = ()  # share of each page's content height in use, 0–1
    last_page_room: float = 0.0  # the last page's content height, CSS px

    @property
    def last_page_free(self) -> float:
        """CSS px left empty at the bottom of the last page."""
        return self.last_page_room * (1.0 - self.fills[-1]) if self.fills else 0.0


@dataclass(slots=True)
class _TrimBox:
    height: float
    widths: dict[str, float] = field(default_factory=lambda: defaultdict(float))


def _walk(box: Any, parent_element: Any = None, trim_box: _TrimBox | None = None) -> Any:
    """Every box with the element it belongs to, the element of its parent box and the
    innermost trim box it lies in (anonymous boxes share their parent's element)."""
    element = getattr(box, "element", None)
    if (
        element is not None
        and element is not parent_element
        and element.get(TRIM_BOX_ATTRIBUTE) is not None
    ):
        trim_box = _TrimBox(box.margin_height())
    yield box, element, parent_element, trim_box
    for child in getattr(box, "children", ()) or ():
        yield from _walk(child, element, trim_box)


def measure(document: Document, budget: int) -> Measurements | None:
    try:
        overflow = 0.0
        slack = 0.0
        extents: dict[str, list[float]] = defaultdict(list)
        fills: list[float] = []
        room = 0.0
        for number, page in enumerate(document.pages):
            page_box = page._page_box
            top = page_box.content_box_y()
            bottom = top
            spans: dict[str, tuple[float, float]] = {}
            trim_boxes: dict[int, _TrimBox] = {}
            for box, element, parent_element, trim_box in _walk(page_box):
                y = getattr(box, "position_y", None)
                if y is None or box is page_box:
                    continue
                end = y + box.margin_height()
                if not getattr(box, "children", None):
                    # Leaves only: a block split across pages stretches to the page bottom.
                    bottom = max(bottom, end)
                if element is None:
                    continue
                key = element.get(BULLET_ATTRIBUTE)
                if key and getattr(box, "element_tag", "") == "li":
                    low, high = spans.get(key, (y, end))
                    spans[key] = (min(low, y), max(high, end))
                key = element.get(INLINE_ATTRIBUTE)
                if key and trim_box is not None and element is not parent_element:
                    # One box per line the item falls on; its text boxes are its children.
                    trim_box.widths[key] += box.margin_width()
                    trim_boxes[id(trim_box)] = trim_box
            for key, (low, high) in spans.items():
                extents[key].append(high - low)
            for trim_box in trim_boxes.values():
                total = sum(trim_box.widths.values())
                for key, width in trim_box.widths.items():
                    extents[key].append(trim_box.height * width / total if total else 0.0)
            room = float(page_box.height)
            fills.append(min(1.0, max(0.0, (bottom - top) / room)) if room > 0 else 1.0)
            if number >= budget:
                overflow += bottom - top
            else:
                slack += max(0.0, top + page_box.height - bottom)
        return Measurements(
            overflow,
            slack,
            {k: sum(v) for k, v in extents.items()},
            tuple(fills),
            room,
        )
    except (AttributeError, TypeError):
        return None
