"""Which gutter of a region to split first when there are several.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.

Why: a page of three columns — the jobs, a narrow column of their dates and places, a sidebar —
has two gutters, and the wider one may be the one between the jobs and their dates. Split
there first, the dates end up with the sidebar and every job loses them. A strip between two
gutters that reads as a date column lining up with the column on one side belongs to that
column (the one it fits best when it lines up with both): the gutter on its other side is
split first, and the column and its dates are then read together as cells.
"""

from __future__ import annotations

from collections.abc import Callable

from .cells import date_alignment
from .words import Word, group_lines

Straddling = Callable[[list[Word], float], set[int]]


def _between(words: list[Word], low: float, high: float) -> list[Word]:
    return [w for w in words if w["x0"] >= low and w["x1"] <= high]


def ordered_gutters(words: list[Word], gutters: list[float], straddling: Straddling) -> list[float]:
    """``gutters`` (widest first), with a gutter that would cut a column from its own date
    column moved after the gutter on the date column's other side. ``straddling`` gives the
    words of the lines set across a gutter (a header, a name), left out of the columns."""
    if len(gutters) < 2:
        return gutters
    edges = [float("-inf"), *sorted(gutters), float("inf")]
    later: list[float] = []
    for before, low, high, after in zip(edges, edges[1:], edges[2:], edges[3:], strict=False):
        across = straddling(words, low) | straddling(words, high)
        kept = [w for w in words if id(w) not in across]
        strip = group_lines(_between(kept, low, high))
        if not strip:
            continue
        left = group_lines(_between(kept, before, low))
        right = group_lines(_between(kept, high, after))
        # The side the dates fit best (more dates beside an entry, then closer to its top).
        fits = {low: date_alignment(strip, left), high: date_alignment(strip, right)}
        best = max(fits, key=lambda g: fits[g] or (0, float("-inf")))
        if fits[best] is not None:
            later.append(best)  # the gutter between the dates and their column
    if not later:
        return gutters
    return [g for g in gutters if g not in later] + [g for g in gutters if g in later]
