"""Two columns that each carry their own section headings are two columns, not labels.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.

Why: a sidebar set in a table beside the main column (the two-column templates of word
processors) puts both sides on one line grid, so the sidebar's lines and blocks start level with
the main column's, as a label column's do ("Dates" beside "2019 – 2021", a section name beside
its first entry). Read row by row, the two sections interleave line by line. What tells them
apart is layout, not words: a label column's labels are not set like the headings of the other
side, whereas a sidebar opens its own sections ("SKILLS", "LANGUAGES") in the weight and colour
the main column opens its sections in ("PROFILE", "EDUCATION"). A short column beside the jobs
(a skills list under one heading) opens its one section in the very style and size of the
heading beside it; its items stand level with the jobs' lines as labels would.
"""

from __future__ import annotations

from collections import Counter

from .line_style import line_style
from .words import Line

MAX_HEADING_WORDS = 5
MIN_HEADING_LETTERS = 4
MIN_HEADINGS_PER_SIDE = 2
MAX_RARE_HEADINGS = 2


def _heading_style(line: Line) -> tuple[float, bool, str] | None:
    """The size, weight and colour of a line set as a section heading (capitals, a few words,
    no figure), or ``None``."""
    text = " ".join(w["text"] for w in line.words)
    letters = [c for c in text if c.isalpha()]
    if (
        len(line.words) > MAX_HEADING_WORDS
        or len(letters) < MIN_HEADING_LETTERS
        or any(c.isdigit() for c in text)
        or not all(c.isupper() for c in letters)
    ):
        return None
    style = line_style(line.words)
    return (style["size"], style["bold"], style["colour"])


def both_sectioned(left: list[Line], right: list[Line]) -> bool:
    """Two columns of sections side by side, each read whole, never a label column beside its
    entries: each side holds at least two headings in one weight and colour (not one size: a
    sidebar's headings are often set smaller), or a heading each in the very same style, size
    too ("EXPERIENCE" beside "SKILLS"), a style each side sets on one or two lines only (a side
    that sets many lines so names its entries in capitals, not its sections)."""
    headings = [[s for s in map(_heading_style, side) if s is not None] for side in (left, right)]
    sized = [Counter(side) for side in headings]
    if any(
        1 <= count <= MAX_RARE_HEADINGS and 1 <= sized[1][style] <= MAX_RARE_HEADINGS
        for style, count in sized[0].items()
    ):
        return True
    weighted = [Counter((bold, colour) for _, bold, colour in side) for side in headings]
    return any(
        count >= MIN_HEADINGS_PER_SIDE and weighted[1][style] >= MIN_HEADINGS_PER_SIDE
        for style, count in weighted[0].items()
    )
