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
from app.lib.parsing.text.text import SENTENCE_END, is_bullet

MIN_BLOCKS = 2  # paragraphs that must close with their dates for the pattern to hold
CELL_GAP_RE = re.compile(r"\t+|\s{3,}")


def _date_cell(line: str) -> str | None:
    """The last cell of ``line`` when it holds dates only and follows text."""
    cells = CELL_GAP_RE.split(line.strip())
    if len(cells) < 2:
        return None
    found = find_date_range(cells[-1])
    return cells[-1] if found and not remove_span(cells[-1], found.span) else None


def date_only_line(line: str) -> bool:
    """A line of dates only ("08/2021 - 09/2021 (2 mois)")."""
    text = line.strip()
    found = find_date_range(text) if text else None
    return found is not None and not remove_span(text, found.span)


def _closing_line(lines: list[str], index: int) -> bool:
    """A date line under a line that ends a sentence: it closes the paragraph above."""
    return (
        index > 0
        and date_only_line(lines[index])
        and lines[index - 1].rstrip().endswith(SENTENCE_END)
    )


def _blocks(lines: list[str], own_lines: bool) -> list[range]:
    """The runs of non-blank lines, each closing date line ending its run (``own_lines``)."""
    blocks: list[range] = []
    start: int | None = None
    for index, line in enumerate([*lines, ""]):
        if not line.strip():
            if start is not None:
                blocks.append(range(start, index))
            start = None
            continue
        if start is None:
            start = index
        if own_lines and index > start and _closing_line(lines, index):
            blocks.append(range(start, index + 1))
            start = None
    return blocks


def _closing_dates(lines: list[str], block: range, own_lines: bool) -> str | None:
    """The dates that close the paragraph: a date cell of its last line, or its last line when
    that is a closing date line (``own_lines``)."""
    if own_lines and _closing_line(lines, block[-1]):
        return lines[block[-1]].strip() if len(block) > 2 else None
    return _date_cell(lines[block[-1]])


def _closed_by_dates(lines: list[str], block: range, own_lines: bool) -> bool:
    """A paragraph of two lines or more, opened by a line that can name an entry, with dates
    only where it closes."""
    first = lines[block[0]].strip()
    if len(block) < 2 or is_bullet(first) or not first[:1].isupper():
        return False
    if _closing_dates(lines, block, own_lines) is None:
        return False
    return all(find_date_range(lines[i]) is None for i in block[:-1])


def move_closing_dates(lines: list[str]) -> list[str]:
    """``lines`` with each closing date cell moved to its paragraph's first line, when most
    dated paragraphs of the section close that way."""
    date_lines = [index for index, line in enumerate(lines) if date_only_line(line)]
    own_lines = bool(date_lines) and all(_closing_line(lines, index) for index in date_lines)
    blocks = _blocks(lines, own_lines)
    closed = [block for block in blocks if _closed_by_dates(lines, block, own_lines)]
    dated = [block for block in blocks if any(find_date_range(lines[i]) for i in block)]
    if len(closed) < MIN_BLOCKS or 2 * len(closed) <= len(dated):
        return lines
    out = list(lines)
    for block in closed:
        dates = _closing_dates(lines, block, own_lines)
        assert dates is not None
        last = lines[block[-1]].rstrip()
        out[block[-1]] = "" if last.strip() == dates else last[: len(last) - len(dates)].rstrip()
        out[block[0]] = f"{lines[block[0]].rstrip()}\t{dates}"
    return out
