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

from .rows import block_gap, lines_to_rows
from .words import Line, Row

YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|(?<![\d/.])\d\d?[./]\d\d(?![\d/.])")
ALIGN = 1.2  # of the taller first line: how far apart the tops of a date and its entry may be
MIN_DATED_BLOCKS = 2
MIN_ATTACHED = 0.6  # of the narrow side's dated blocks
MIN_DATED_SHARE = 0.5  # of the narrow side's blocks: a date column holds mostly dates
MAX_LABEL_SHARE = 0.6  # the dated side is at most this share of the two sides' width
MAX_LABEL_WORDS = 5  # per line of a dated block: dates, a town, a duration — not prose
LEVEL = 0.5  # of the taller first line: an undated label starts level with its entry
MIN_LABEL_BLOCKS = 4
LEVEL_SHARE = 0.8  # of an undated label column's blocks start level with an entry's
WRAP_GAP = 0.5  # of a line's height: a wrapped label's next line sits closer than this


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


def _cut_at_entries(labels: list[_Block], entries: list[_Block]) -> list[_Block]:
    """Label blocks cut again where a line starts level with an entry, or, after a wider gap
    than a wrapped label's, below the end of the entry its block started beside. Labels set at
    an even spacing ("Dates" / "Position held" / "Employer", each beside its own value, then a
    section heading) leave no wider gap between one entry's labels, yet each starts a cell."""
    out: list[_Block] = []
    for block in labels:
        beside = _level_entry(block.lines[0], entries)
        out.append(_Block([block.lines[0]]))
        for previous, line in itertools.pairwise(block.lines):
            level = _level_entry(line, entries)
            spaced = line.top - previous.bottom > WRAP_GAP * line.height  # not a wrapped label
            past = beside is not None and spaced and line.top > beside.lines[-1].bottom
            if level is not None or past:
                out.append(_Block([]))
                beside = level
            out[-1].lines.append(line)
    return out


def _headings_apart(labels: list[_Block], entries: list[_Block]) -> list[_Block]:
    """Date blocks with the undated lines stacked above their first date (a section heading
    set in the date column) cut off, where that date starts within about a line of an entry:
    the heading's top would otherwise stand for the date's."""
    tops = [entry.top for entry in entries]
    out: list[_Block] = []
    for block in labels:
        out.append(_Block([block.lines[0]]))
        for line in block.lines[1:]:
            reach = ALIGN * max(line.height, 1.0)
            above_undated = not out[-1].dated()
            if above_undated and any(abs(line.top - top) <= reach for top in tops):
                out.append(_Block([]))
            out[-1].lines.append(line)
    return out


def _level_entry(line: Line, entries: list[_Block]) -> _Block | None:
    reach = LEVEL * max(line.height, 1.0)
    return next((entry for entry in entries if abs(line.top - entry.top) <= reach), None)


def _width(lines: list[Line]) -> float:
    return max(line.x1 for line in lines) - min(line.x0 for line in lines)


def _attach(labels: list[_Block], entries: list[_Block], dated_only: bool) -> dict[int, int]:
    """Label block index → entry block index, for the tops that line up (one label per entry):
    a date within about a line of its entry's top, any other label level with it."""
    attached: dict[int, int] = {}
    taken: set[int] = set()
    for d, block in enumerate(labels):
        if dated_only and not block.dated():
            continue
        best: tuple[float, int] | None = None
        for e, entry in enumerate(entries):
            distance = abs(entry.top - block.top)
            reach = (ALIGN if dated_only else LEVEL) * max(entry.first_height, block.first_height)
            if e not in taken and distance <= reach and (best is None or distance < best[0]):
                best = (distance, e)
        if best is not None:
            attached[d] = best[1]
            taken.add(best[1])
    return attached


def _labelled(
    left: list[Line], right: list[Line]
) -> tuple[list[_Block], list[_Block], dict[int, int]] | None:
    """(label blocks, entry blocks, label → entry) for the side that reads as a label column
    beside the other: not the wider part of the page, and either mostly dates that line up
    with entries, or blocks that nearly all start level with an entry's (a Europass label
    column whose labels wrap, so that its lines are not level with the entries' lines)."""
    if not left or not right:
        return None
    total = _width(left) + _width(right)
    for side, other in ((left, right), (right, left)):
        if _width(side) > MAX_LABEL_SHARE * total:
            continue
        labels, entries = _blocks(side), _blocks(other)
        if _mostly_dated(labels):
            labels = _headings_apart(labels, entries)
            dated = sum(1 for block in labels if block.dated())
            attached = _attach(labels, entries, dated_only=True)
            if len(attached) >= MIN_DATED_BLOCKS and len(attached) >= MIN_ATTACHED * dated:
                return labels, entries, attached
            continue
        attached = _attach(labels, entries, dated_only=False)
        # Blocks above the first entry (the name and title of a header set in the label
        # column, the first section heading) label nothing and do not count against it.
        first = entries[0].top - LEVEL * entries[0].first_height
        counted = sum(1 for block in labels if block.top >= first)
        if len(labels) >= MIN_LABEL_BLOCKS and len(attached) >= LEVEL_SHARE * counted:
            labels = _cut_at_entries(labels, entries)  # decided on the blocks as printed
            return labels, entries, _attach(labels, entries, dated_only=False)
    return None


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


def date_alignment(dates: list[Line], entries: list[Line]) -> tuple[int, float] | None:
    """How well ``dates`` line up as a date column beside ``entries``: (date blocks attached,
    minus their mean distance to their entry's top, so that a larger tuple is a better fit), or
    ``None`` when they do not read as a date column that lines up."""
    if not dates or not entries:
        return None
    blocks, targets = _blocks(dates), _blocks(entries)
    if not _mostly_dated(blocks):
        return None
    dated = sum(1 for block in blocks if block.dated())
    attached = _attach(blocks, targets, dated_only=True)
    if len(attached) < MIN_DATED_BLOCKS or len(attached) < MIN_ATTACHED * dated:
        return None
    distance = sum(abs(blocks[d].top - targets[e].top) for d, e in attached.items())
    return len(attached), -distance / len(attached)


def date_column_beside(left: list[Line], right: list[Line]) -> bool:
    """One side reads like a date column (whether or not its dates line up with the blocks of
    the other side, which may hold more than one column)."""
    return _date_side(left, right) is not None


def read_as_cells(left: list[Line], right: list[Line], spanning: list[Line]) -> list[Row] | None:
    """The two sides read block by block, labels with their entries, and lines spanning both
    sides in their place; ``None`` when neither side is a label column (too wide, or labels
    that line up with nothing: a sidebar whose education years merely sit somewhere beside the
    jobs)."""
    found = _labelled(left, right)
    if found is None:
        return None
    dates, entries, attached = found
    label_of = {e: d for d, e in attached.items()}
    items: list[tuple[float, list[Row]]] = [
        (block.top, lines_to_rows(block.lines))
        for d, block in enumerate(dates)
        if d not in attached
    ]
    items += [(line.top, lines_to_rows([line])) for line in spanning]
    for e, entry in enumerate(entries):
        label = dates[label_of[e]] if e in label_of else None
        top = min(entry.top, label.top) if label else entry.top
        items.append((top, _labelled_rows(label, entry)))
    out: list[Row] = []
    for _, rows in sorted(items, key=lambda item: item[0]):
        if out:
            out.append(("", None))
        out.extend(rows)
    return out


def _labelled_rows(label: _Block | None, entry: _Block) -> list[Row]:
    """An entry's lines under its dates (a date line above a title, as entries are read), or
    after its label on its first line ("Fonction ou poste occupé⇥Acheteur", as a label
    column is read row by row)."""
    rows = [row for line in entry.lines for row in lines_to_rows([line])]
    if label is None:
        return rows
    if label.dated():
        return [row for line in label.lines for row in lines_to_rows([line])] + rows
    text = " ".join(line.text() for line in label.lines)
    return [(f"{text}\t{rows[0][0]}", rows[0][1]), *rows[1:]]
