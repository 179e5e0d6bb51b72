"""WeasyPrint layout of a CV document, and the measurements the trim loop needs.

Runs inside the render sandbox (see ``sandbox.py``). The measurements read WeasyPrint's box tree
(``Page._page_box``, stable since v53); if a future version changes it, ``measure`` returns
``None`` and the trim loop falls back to cutting a fixed number of bullets per pass.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
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
# Whole entries (``budget.entry_key``) carry no attribute: they are the ``article`` children of
# the experience section, in the order of the keys ``measure`` is given.
ENTRY_SECTION_CLASS = "section-experience"
PT_PER_PX = 0.75  # WeasyPrint lays out in CSS px (1/96 in); a point is 1/72 in


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
    # Inline items (skills, interests): the height of a line they sit on (what giving one back
    # takes when it needs a line of its own), and the height their box would keep with them
    # alone in it (what giving one back takes when every other item of the box is gone).
    lines: dict[str, float] = field(default_factory=dict)
    alone: dict[str, float] = field(default_factory=dict)
    spans: dict[str, float] = field(default_factory=dict)  # inline item: share of a line's width
    tails: dict[str, float] = field(default_factory=dict)  # inline item: its box's last line free

    @property
    def last_page_free(self) -> float:
        """CSS px left empty at the bottom of the last page."""
        return self.last_page_room * (1.0 - self.fills[-1]) if self.fills else 0.0


@dataclass(slots=True)
class _TrimBox:
    height: float
    width: float
    right: float  # x of the box's content edge
    widths: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    line_heights: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    line_tops: set[int] = field(default_factory=set)
    line_ends: dict[int, float] = field(default_factory=dict)  # line top → its items' right end


def _walk(box: Any, parent_element: Any = None, trim_box: _TrimBox | None = None) -> Any:
    """Every box with the element it belongs to, the element of its parent box and the
    innermost trim box it lies in (anonymous boxes share their parent's element)."""
    element = getattr(box, "element", None)
    if (
        element is not None
        and element is not parent_element
        and element.get(TRIM_BOX_ATTRIBUTE) is not None
    ):
        trim_box = _TrimBox(box.margin_height(), box.width, box.content_box_x() + box.width)
    yield box, element, parent_element, trim_box
    for child in getattr(box, "children", ()) or ():
        yield from _walk(child, element, trim_box)


def _entry_elements(section: Any, keys: Sequence[str]) -> dict[int, str]:
    """id() of each ``article`` of the experience ``section`` → its key in ``keys`` (nothing
    when their count differs from the keys': better no height than a wrong one)."""
    articles = [child for child in section if child.tag == "article"]
    if len(articles) != len(keys):
        return {}
    return {id(article): key for article, key in zip(articles, keys, strict=True)}


def measure(document: Document, budget: int, entries: Sequence[str] = ()) -> Measurements | None:
    """What the trim loop needs of ``document`` against ``budget`` pages. ``entries``: the keys
    of the experience section's entries, in document order (those that may go as a whole)."""
    try:
        overflow = 0.0
        slack = 0.0
        extents: dict[str, list[float]] = defaultdict(list)
        fills: list[float] = []
        room = 0.0
        entry_of: dict[int, str] = {}
        seen_section = False
        lines: dict[str, float] = {}
        alone: dict[str, float] = {}
        spans_of: dict[str, float] = {}
        tails: dict[str, float] = {}
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
                if entries and element is not parent_element:
                    if (
                        not seen_section
                        and element.tag == "section"
                        and ENTRY_SECTION_CLASS in (element.get("class") or "").split()
                    ):
                        entry_of, seen_section = _entry_elements(element, entries), True
                    key = entry_of.get(id(element))
                    if key:
                        low, high = spans.get(key, (y, end))
                        spans[key] = (min(low, y), max(high, end))
                key = element.get(BULLET_ATTRIBUTE)
                if key and getattr(box, "element_tag", "") == "li":
                    low, high = spans.get(key, (y, end))
                    spans[key] = (min(low, y), max(high, end))
                key = element.get(INLINE_ATTRIBUTE)
                if key and trim_box is not None and element is not parent_element:
                    # One box per line the item falls on; its text boxes are its children.
                    trim_box.widths[key] += box.margin_width()
                    line = box.margin_height()
                    trim_box.line_heights[key] = max(trim_box.line_heights[key], line)
                    trim_box.line_tops.add(round(y))
                    right = box.position_x + box.margin_width()
                    trim_box.line_ends[round(y)] = max(trim_box.line_ends.get(round(y), 0.0), right)
                    trim_boxes[id(trim_box)] = trim_box
            for key, (low, high) in spans.items():
                extents[key].append(high - low)
            for trim_box in trim_boxes.values():
                total = sum(trim_box.widths.values())
                line = max(trim_box.line_heights.values(), default=0.0)
                alone_height = trim_box.height - max(0, len(trim_box.line_tops) - 1) * line
                for key, width in trim_box.widths.items():
                    extents[key].append(trim_box.height * width / total if total else 0.0)
                    lines[key] = max(lines.get(key, 0.0), trim_box.line_heights[key])
                    alone[key] = max(alone.get(key, 0.0), alone_height, lines[key])
                    if trim_box.width > 0:
                        spans_of[key] = spans_of.get(key, 0.0) + width / trim_box.width
                        last_end = trim_box.line_ends[max(trim_box.line_ends)]
                        tails[key] = max(0.0, trim_box.right - last_end) / trim_box.width
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
            lines,
            alone,
            spans_of,
            tails,
        )
    except (AttributeError, TypeError):
        return None
