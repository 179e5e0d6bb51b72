"""Table cells kept apart where their gap is narrow: the columns other rows show.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.

Why: a line becomes cells where a gap is wide (a TAB), but a table whose cell fills its
column leaves only the cell padding before the next one ("Supply Chain Analyst Dalkor
Systems"): read as one run of words, the title swallows the employer. The other rows of the
same table show where its columns start — a cell after a wide gap, at the same x, on several
lines. A word that starts at such a column edge, after a gap wider than a word space, starts a
cell too.
"""

from __future__ import annotations

import itertools
from typing import Any

Word = dict[str, Any]

ALIGN = 1.5  # pt: how far apart two cells' left edges may be and still form one column
MIN_ROWS = 2  # other lines that start a cell at an edge before it counts as a column
CELL_GAP = 0.6  # of the line height: narrower than this, a gap is a word space
WORD_SPACE = 0.3  # of the line height: about a word space


def cell_edges(lines: list[tuple[list[Word], float]]) -> list[float]:
    """x positions where at least ``MIN_ROWS`` lines start a cell after a wide gap; each line
    is given as (its words left to right, the gap above which it starts a cell)."""
    starts = sorted(
        b["x0"]
        for ordered, wide in lines
        for a, b in itertools.pairwise(ordered)
        if b["x0"] - a["x1"] > wide
    )
    edges: list[float] = []
    run: list[float] = []
    for x in [*starts, float("inf")]:
        if run and x - run[0] > ALIGN:
            if len(run) >= MIN_ROWS:
                edges.append(run[0])
            run = []
        run.append(x)
    return edges


def starts_cell(before: Word, word: Word, height: float, edges: list[float], leading: bool) -> bool:
    """Does ``word``, after ``before``, start a cell at one of the table's ``edges``? Not the
    text after a list bullet leading its line, whose hanging indent lines up on every item."""
    if leading and len(before["text"]) == 1 and not before["text"].isalnum():
        return False
    gap = word["x0"] - before["x1"]
    return gap > CELL_GAP * height and any(abs(word["x0"] - edge) <= ALIGN for edge in edges)


def wrapped_cells(
    first: list[list[Word]], second: list[list[Word]], height: float, edges: list[float]
) -> dict[int, int] | None:
    """Cell of ``second`` → cell of ``first`` it continues, when ``second`` is the wrapped
    rest of a table row: each of its cells starts under a cell of ``first`` that is not the
    row's last, and that cell is full — its first word would not have fitted before the next
    cell. One cell under the row's first needs a row of three cells or more set at the
    table's column ``edges``: otherwise it is the next line of a heading whose date is
    right-aligned, or of a justified paragraph. ``None`` too for a label column read row by
    row ("Mars - Sept⇥Title" / "2024⇥Employer": the second line under the row's last cell)
    and for a cell that left room for the word below."""
    if len(first) < 2 or not second:
        return None
    found: dict[int, int] = {}
    for low, cell in enumerate(second):
        high = next(
            (i for i, above in enumerate(first) if abs(above[0]["x0"] - cell[0]["x0"]) <= ALIGN),
            None,
        )
        if high is None or high == len(first) - 1 or high in found.values():
            return None
        word = cell[0]["x1"] - cell[0]["x0"]
        room = first[high + 1][0]["x0"] - CELL_GAP * height - first[high][-1]["x1"]
        if WORD_SPACE * height + word <= room:
            return None
        found[low] = high
    if len(second) == 1 and found[0] == 0:
        columns = all(any(abs(c[0]["x0"] - e) <= ALIGN for e in edges) for c in first[1:])
        if len(first) < 3 or not columns:
            return None
    return found
