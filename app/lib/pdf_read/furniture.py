"""Page furniture: running headers/footers and page numbers, found across the document's pages.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.

Why: a footer line ("name – email – Page 2/3") read into the text lands in the middle of the job
that continues on the next page. Furniture is a line in the top or bottom margin band that is a
page number ("3", "Page 2/3", "1 of 3", "- 2 -"), or whose text (digits ignored) comes back at
the same height on other pages. A repeated header keeps its first copy (often the candidate's
name, at the very top anyway); a repeated footer keeps its last copy (at the very end anyway);
page numbers go everywhere.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .words import Line, Word

MARGIN_SHARE = 0.12  # of the page height: the top and bottom bands where furniture lives
SAME_PLACE = 6.0  # points: a repeated line sits at (almost) the same height
PAGE_NUMBER = re.compile(
    r"^[\s\-–—|(\[]*(?:page|p\.|pg\.?|seite)?\s*\d{1,3}"
    r"(?:\s*(?:/|of|sur|de|von)\s*\d{1,3})?[\s\-–—|)\]]*$",
    re.I,
)


def _signature(line: Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.text().split())).lower()


def find_furniture(pages: list[tuple[list[Line], float]]) -> list[set[int]]:
    """For each page (its lines and height), the indexes of its furniture lines."""
    marked: list[set[int]] = [set() for _ in pages]
    places: dict[str, list[tuple[int, int, str, float]]] = defaultdict(list)
    for number, (lines, height) in enumerate(pages):
        for index, line in enumerate(lines):
            if line.top < MARGIN_SHARE * height:
                band = "top"
            elif line.bottom > (1 - MARGIN_SHARE) * height:
                band = "bottom"
            else:
                continue
            if PAGE_NUMBER.match(line.text()):
                marked[number].add(index)
                continue
            places[_signature(line)].append((number, index, band, line.top))
    for occurrences in places.values():
        if len({number for number, *_ in occurrences}) < 2:
            continue
        first_top = occurrences[0][3]
        repeated = [o for o in occurrences if abs(o[3] - first_top) <= SAME_PLACE]
        if len({number for number, *_ in repeated}) < 2:
            continue
        keep = repeated[0] if repeated[0][2] == "top" else repeated[-1]
        for occurrence in repeated:
            if occurrence is not keep:
                marked[occurrence[0]].add(occurrence[1])
    return marked


def without_lines(lines: list[Line], drop: set[int]) -> list[Word]:
    return [word for index, line in enumerate(lines) if index not in drop for word in line.words]
