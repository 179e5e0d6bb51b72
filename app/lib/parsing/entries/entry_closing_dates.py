"""Dates that close each paragraph of a section date the paragraph they close.

Some CVs write each entry as a short paragraph ("Employer: built a web platform for …") with
the dates in a cell at the right of its last line ("… clients.<TAB>08/2021 - 09/2021"). Read
line by line, those dates look like a date in a side column of body text, and the paragraph's
first line, which names the entry, is far from them. When most dated paragraphs of a section
end that way (two at least), the CV's pattern is plain: the dates move to the paragraph's first
line, where the entry grouping (``entries.py``) expects an entry's dates.
"""

from __future__ import annotations

import re

from app.lib.parsing.dates.dates import find_date_range, remove_span
from app.lib.parsing.text.text import is_bullet

MIN_BLOCKS = 2  # paragraphs that must close with their dates for the pattern to hold
CELL_GAP_RE = re.compile(r"\t+|\s{3,}")


def _date_cell(line: str) -> str | None:
    """The last cell of ``line`` when it holds dates only and follows text."""
    cells = CELL_GAP_RE.split(line.strip())
    if len(cells) < 2:
        return None
    found = find_date_range(cells[-1])
    return cells[-1] if found and not remove_span(cells[-1], found.span) else None


def _blocks(lines: list[str]) -> list[range]:
    """The runs of non-blank lines."""
    blocks, start = [], None
    for index, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = index
        elif not line.strip() and start is not None:
            blocks.append(range(start, index))
            start = None
    return blocks


def _closed_by_dates(lines: list[str], block: range) -> bool:
    """A paragraph of two lines or more, opened by a line that can name an entry, with dates
    only in a cell of its last line."""
    first = lines[block[0]].strip()
    if len(block) < 2 or is_bullet(first) or not first[:1].isupper():
        return False
    if _date_cell(lines[block[-1]]) is None:
        return False
    return all(find_date_range(lines[i]) is None for i in block[:-1])


def move_closing_dates(lines: list[str]) -> list[str]:
    """``lines`` with each closing date cell moved to its paragraph's first line, when most
    dated paragraphs of the section close that way."""
    blocks = _blocks(lines)
    closed = [block for block in blocks if _closed_by_dates(lines, block)]
    dated = [block for block in blocks if any(find_date_range(lines[i]) for i in block)]
    if len(closed) < MIN_BLOCKS or 2 * len(closed) <= len(dated):
        return lines
    out = list(lines)
    for block in closed:
        last = lines[block[-1]].rstrip()
        cell = _date_cell(last)
        assert cell is not None
        out[block[-1]] = last[: len(last) - len(cell)].rstrip()
        out[block[0]] = f"{lines[block[0]].rstrip()}\t{cell}"
    return out
