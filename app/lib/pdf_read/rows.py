"""Lines → text rows: blank rows between blocks, a table's cells read whole.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.
"""

from __future__ import annotations

import itertools
import statistics

from .line_style import line_style
from .table_cells import cell_edges, wrapped_cells
from .words import Line, Row, cell_text


def block_gap(lines: list[Line]) -> float:
    """The vertical gap above which a line starts a new block: wider than the usual line gap."""
    typical = statistics.median(line.height for line in lines)
    gaps = sorted(b.top - a.bottom for a, b in itertools.pairwise(lines) if b.top > a.bottom)
    usual = gaps[len(gaps) // 10] if gaps else 0.0
    return max(3.0, 0.45 * typical, usual + 0.3 * typical)


def lines_to_rows(lines: list[Line]) -> list[Row]:
    """Lines → text lines with their style, and an empty line where the vertical gap shows a
    new block."""
    if not lines:
        return []
    threshold = block_gap(lines)
    edges = cell_edges(
        [(sorted(line.words, key=lambda w: w["x0"]), line.tab_gap) for line in lines]
    )
    out: list[Row] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if index and line.top - lines[index - 1].bottom > threshold:
            out.append(("", None))
        cells = [cell_text(cell) for cell in line.cells(edges)]
        below = lines[index + 1] if index + 1 < len(lines) else None
        if below is not None and below.top - line.bottom <= threshold:
            wrapped = wrapped_cells(line.cells(edges), below.cells(edges), line.height, edges)
            if wrapped is not None:  # a table row whose cells wrap: each cell read whole
                for low, high in wrapped.items():
                    cells[high] += " " + cell_text(below.cells(edges)[low])
                index += 1
        out.append(("\t".join(cells), line_style(line.words)))
        index += 1
    return out
