"""Reading order of one page's words: columns, full-width bands and label columns.

Runs inside the sandboxed parser process (``app/lib/pdf_text.py``): stdlib only.

* Columns: a vertical gutter that (almost) no word crosses splits the page; lines that do cross it
  (a full-width header) cut the page into bands, and each band is read column by column, the
  column with the band's largest text (the name) first.
* A column whose lines all sit level with lines of the other side is a label column (dates left
  of each entry): it is read row by row instead.
"""

from __future__ import annotations

import math
from typing import Any

from .pdf_words import Line, Word, group_lines, lines_to_text

MIN_WORDS_FOR_COLUMNS = 30
MIN_GUTTER_WIDTH = 6


def find_gutter(words: list[Word], width: float) -> float | None:
    """The x of a vertical gap between two columns of text, or ``None`` for one column."""
    if len(words) < MIN_WORDS_FOR_COLUMNS:
        return None
    low, high = int(width * 0.15), int(width * 0.85)
    crossing = [0] * (high - low)
    for word in words:
        start = max(low, math.ceil(word["x0"] + 1))
        end = min(high - 1, math.floor(word["x1"] - 1))
        for x in range(start, end + 1):
            crossing[x - low] += 1
    allowed = max(2, len(words) // 33)
    best: tuple[int, int] | None = None
    run_start: int | None = None
    for index, count in enumerate([*crossing, allowed + 1]):
        if count <= allowed and run_start is None:
            run_start = index
        elif count > allowed and run_start is not None:
            if best is None or index - run_start > best[1] - best[0]:
                best = (run_start, index)
            run_start = None
    if best is None or best[1] - best[0] < MIN_GUTTER_WIDTH:
        return None
    gutter = low + (best[0] + best[1]) / 2
    left = [w for w in words if w["x1"] <= gutter]
    right = [w for w in words if w["x0"] >= gutter]
    if min(len(left), len(right)) < 0.1 * len(words):
        return None
    left_span = (min(w["top"] for w in left), max(w["bottom"] for w in left))
    right_span = (min(w["top"] for w in right), max(w["bottom"] for w in right))
    overlap = min(left_span[1], right_span[1]) - max(left_span[0], right_span[0])
    shorter = min(left_span[1] - left_span[0], right_span[1] - right_span[0])
    if overlap < 0.3 * shorter:
        return None
    return gutter


def is_label_column(left: list[Line], right: list[Line]) -> bool:
    """Dates or labels beside each entry: the smaller side's lines sit level with the other's."""
    smaller, other = (left, right) if len(left) <= len(right) else (right, left)
    if not smaller:
        return True
    level = sum(1 for line in smaller if any(abs(line.top - o.top) < 2.0 for o in other))
    return level >= 0.7 * len(smaller)


def reading_order(words: list[Word], width: float) -> tuple[list[str], int]:
    gutter = find_gutter(words, width)
    if gutter is None:
        return lines_to_text(group_lines(words)), 1
    left_words = [w for w in words if w["x1"] <= gutter]
    right_words = [w for w in words if w["x0"] >= gutter]
    if is_label_column(group_lines(left_words), group_lines(right_words)):
        return lines_to_text(group_lines(words)), 1
    out: list[str] = []
    band_left: list[Any] = []
    band_right: list[Any] = []

    def flush() -> None:
        # The side holding the band's largest text (the name, in sidebar layouts) reads first.
        sides = [band_left, band_right]
        if band_left and band_right:
            biggest = max(band_left + band_right, key=lambda w: w.get("size", 0))
            if biggest in band_right:
                sides.reverse()
        for side in sides:
            if side:
                if out and out[-1] != "":
                    out.append("")
                out.extend(lines_to_text(group_lines(side)))
                side.clear()

    for line in group_lines(words):
        if any(w["x0"] < gutter < w["x1"] for w in line.words):
            flush()  # a full-width line (header band) ends the columns above it
            if out and out[-1] != "":
                out.append("")
            out.append(line.text())
            continue
        for word in line.words:
            (band_left if word["x1"] <= gutter else band_right).append(word)
    flush()
    return out, 2
