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


def _heading_style(line: Line) -> tuple[bool, str] | None:
    """The weight and colour of a line set as a section heading (capitals, a few words, no
    figure), or ``None``. Not its size: a sidebar's headings are often set smaller."""
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
    return (style["bold"], style["colour"])


def _one_heading_each(left: list[Line], right: list[Line]) -> bool:
    """A heading on each side in the very same style, size too ("EXPERIENCE" beside "SKILLS"),
    a style each side sets on one or two lines only (a side that sets many lines so names its
    entries in capitals, not its sections): a column that opens its own section, however
    short."""
    counts = [
        Counter((line_style(line.words)["size"], s) for line in side if (s := _heading_style(line)))
        for side in (left, right)
    ]
    return any(
        1 <= count <= MAX_RARE_HEADINGS and 1 <= counts[1][style] <= MAX_RARE_HEADINGS
        for style, count in counts[0].items()
    )


def both_sectioned(left: list[Line], right: list[Line]) -> bool:
    """Each side holds at least two headings in one shared heading style, or a heading each in
    one style and size (``_one_heading_each``): two columns of sections side by side, each read
    whole, never a label column beside its entries."""
    counts = [
        Counter(s for s in map(_heading_style, side) if s is not None) for side in (left, right)
    ]
    return _one_heading_each(left, right) or any(
        count >= MIN_HEADINGS_PER_SIDE and counts[1][style] >= MIN_HEADINGS_PER_SIDE
        for style, count in counts[0].items()
    )
