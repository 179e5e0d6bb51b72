"""A date column read as cells: each date block goes with the entry block it starts beside.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.

Why: many CVs set each entry's dates in a narrow column beside it, but not on the entry's first
baseline — a larger date a few points above the title, a range wrapped over two lines
("03.2022 –" / "09.2022"), a section heading stacked above the first date. Read row by row, the
dates land on the wrong line; read as a column of their own, every job loses its dates. Here
each side is cut into blocks (a vertical gap wider than the usual line gap), and a block of the
narrow side holding a year is attached to the block of the other side whose top is within about
a line of its own. The page is then read block by block from the top, the dates of an entry
just above its first line, where the entry parser expects a date line.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .words import Line, Row, block_gap, lines_to_rows

YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|(?<![\d/.])\d\d?[./]\d\d(?![\d/.])")
ALIGN = 1.2  # of the taller first line: how far apart the tops of a date and its entry may be
MIN_DATED_BLOCKS = 2
MIN_ATTACHED = 0.6  # of the narrow side's dated blocks
MIN_DATED_SHARE = 0.5  # of the narrow side's blocks: a date column holds mostly dates
MAX_LABEL_SHARE = 0.6  # the dated side is at most this share of the two sides' width
MAX_LABEL_WORDS = 5  # per line of a dated block: dates, a town, a duration — not prose


@dataclass
class _Block:
    lines: list[Line]

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def first_height(self) -> float:
        return max(self.lines[0].height, 1.0)

    def dated(self) -> bool:
        """Holds a date, and only short single cells (a TAB means a row of two columns)."""
        texts = [line.text() for line in self.lines]
        return any(YEAR_RE.search(text) for text in texts) and all(
            len(text.split()) <= MAX_LABEL_WORDS and "\t" not in text for text in texts
        )


def _blocks(lines: list[Line]) -> list[_Block]:
    """The lines cut where a vertical gap is wider than the usual line gap."""
    if not lines:
        return []
    threshold = block_gap(lines)
    blocks = [_Block([lines[0]])]
    for previous, line in itertools.pairwise(lines):
        if line.top - previous.bottom > threshold:
            blocks.append(_Block([]))
        blocks[-1].lines.append(line)
    return blocks


def _width(lines: list[Line]) -> float:
    return max(line.x1 for line in lines) - min(line.x0 for line in lines)


def _attach(dates: list[_Block], entries: list[_Block]) -> dict[int, int]:
    """Dated block index → entry block index, for the tops that line up (one date per entry)."""
    attached: dict[int, int] = {}
    taken: set[int] = set()
    for d, block in enumerate(dates):
        if not block.dated():
            continue
        best: tuple[float, int] | None = None
        for e, entry in enumerate(entries):
            distance = abs(entry.top - block.top)
            reach = ALIGN * max(entry.first_height, block.first_height)
            if e not in taken and distance <= reach and (best is None or distance < best[0]):
                best = (distance, e)
        if best is not None:
            attached[d] = best[1]
            taken.add(best[1])
    return attached


def _date_side(left: list[Line], right: list[Line]) -> tuple[list[_Block], list[_Block]] | None:
    """(date blocks, entry blocks): the side that reads as a date column — mostly dated
    blocks, not the wider part of the page — and the other side."""
    if not left or not right:
        return None
    total = _width(left) + _width(right)
    for dates, entries in ((left, right), (right, left)):
        blocks = _blocks(dates)
        if _width(dates) <= MAX_LABEL_SHARE * total and _mostly_dated(blocks):
            return blocks, _blocks(entries)
    return None


def _mostly_dated(blocks: list[_Block]) -> bool:
    dated = sum(1 for block in blocks if block.dated())
    return dated >= MIN_DATED_BLOCKS and dated >= MIN_DATED_SHARE * len(blocks)


def date_column_beside(left: list[Line], right: list[Line]) -> bool:
    """One side reads like a date column (whether or not its dates line up with the blocks of
    the other side, which may hold more than one column)."""
    return _date_side(left, right) is not None


def read_as_cells(left: list[Line], right: list[Line], spanning: list[Line]) -> list[Row] | None:
    """The two sides read block by block, dates with their entries, and lines spanning both
    sides in their place; ``None`` when neither side is a date column (too wide, mostly not
    dates, or dates that line up with nothing: a sidebar whose education years merely sit
    somewhere beside the jobs)."""
    sides = _date_side(left, right)
    if sides is None:
        return None
    dates, entries = sides
    dated = [block for block in dates if block.dated()]
    attached = _attach(dates, entries)
    if len(attached) < MIN_DATED_BLOCKS or len(attached) < MIN_ATTACHED * len(dated):
        return None
    label_of = {e: d for d, e in attached.items()}
    items: list[tuple[float, list[Line]]] = [
        (block.top, block.lines) for d, block in enumerate(dates) if d not in attached
    ]
    items += [(line.top, [line]) for line in spanning]
    for e, entry in enumerate(entries):
        label = dates[label_of[e]].lines if e in label_of else []
        top = min(entry.top, label[0].top) if label else entry.top
        items.append((top, [*label, *entry.lines]))
    rows: list[Row] = []
    for _, lines in sorted(items, key=lambda item: item[0]):
        if rows:
            rows.append(("", None))
        rows.extend(row for line in lines for row in lines_to_rows([line]))
    return rows
