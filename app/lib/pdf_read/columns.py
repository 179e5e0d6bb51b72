"""Reading order of one page's words: columns, full-width bands and label columns.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.

* A gutter is a vertical strip that (almost) no word crosses. Candidates are tried widest first;
  each side is then read the same way (a main column may itself hold a date column).
* A line crossing the gutter is a full-width band (a header) only when it reaches well into both
  sides; a sidebar line that merely runs into the gutter stays with its side, so a few long
  lines no longer cut the page into interleaved slices. Bands are read top to bottom, and in a
  band the side holding its largest text (the name, in sidebar layouts) reads first.
* A side whose lines sit level with lines of the other side is a label column (dates or section
  names left of each entry, places and dates right-aligned): the region is read row by row, the
  label and its entry line joined by a TAB.
"""

from __future__ import annotations

import math

from .cells import date_column_beside, read_as_cells
from .gutter_order import ordered_gutters
from .rows import lines_to_rows
from .words import TAB_GAP, Line, Row, Word, group_lines

MIN_WORDS_FOR_COLUMNS = 30
MIN_WORDS_IN_SUBCOLUMNS = 20
MIN_GUTTER_WIDTH = 6
MIN_SIDE_WORDS = 8
MAX_DEPTH = 2
WIDE_REACH = 0.2  # of a side's width: how far a full-width line reaches into both sides


def gutter_candidates(words: list[Word]) -> list[float]:
    """x positions of vertical strips between two columns of text, the widest first."""
    if not words:
        return []
    left_edge = min(w["x0"] for w in words)
    right_edge = max(w["x1"] for w in words)
    span = right_edge - left_edge
    low, high = int(left_edge + span * 0.12), int(left_edge + span * 0.88)
    if high - low < MIN_GUTTER_WIDTH:
        return []
    crossing = [0] * (high - low)
    for word in words:
        start = max(low, math.ceil(word["x0"] + 1))
        end = min(high - 1, math.floor(word["x1"] - 1))
        for x in range(start, end + 1):
            crossing[x - low] += 1
    allowed = max(2, len(words) // 33)
    runs: list[tuple[int, int]] = []
    run_start: int | None = None
    for index, count in enumerate([*crossing, allowed + 1]):
        if count <= allowed and run_start is None:
            run_start = index
        elif count > allowed and run_start is not None:
            if index - run_start >= MIN_GUTTER_WIDTH:
                runs.append((run_start, index))
            run_start = None
    runs.sort(key=lambda run: run[0] - run[1])
    gutters = [low + _clearest(crossing, a, b) for a, b in runs]
    return [g for g in gutters if _splits_text(words, g)]


def _clearest(crossing: list[int], start: int, end: int) -> float:
    """The middle of the longest stretch with the fewest crossings in ``[start, end)``: the
    strip tolerates a few long lines, the gutter itself goes where they are not."""
    fewest = min(crossing[start:end])
    best = (start, start)
    run_start: int | None = None
    for x in range(start, end + 1):
        clear = x < end and crossing[x] == fewest
        if clear and run_start is None:
            run_start = x
        elif not clear and run_start is not None:
            if x - run_start > best[1] - best[0]:
                best = (run_start, x)
            run_start = None
    return (best[0] + best[1]) / 2


def _splits_text(words: list[Word], gutter: float) -> bool:
    """Both sides hold a real share of the words and stand side by side, not one above."""
    left = [w for w in words if w["x1"] <= gutter]
    right = [w for w in words if w["x0"] >= gutter]
    if min(len(left), len(right)) < max(MIN_SIDE_WORDS, 0.1 * len(words)):
        return False  # a stray word or a narrow label column (Europass) is not a column
    left_span = (min(w["top"] for w in left), max(w["bottom"] for w in left))
    right_span = (min(w["top"] for w in right), max(w["bottom"] for w in right))
    overlap = min(left_span[1], right_span[1]) - max(left_span[0], right_span[0])
    shorter = min(left_span[1] - left_span[0], right_span[1] - right_span[0])
    return overlap >= 0.3 * shorter


def is_label_column(left: list[Line], right: list[Line]) -> bool:
    """Dates or labels beside each entry: one side's lines sit level with the other's. Usually
    the side with fewer lines; labels that wrap ("Principales activités et" / "responsabilités")
    outnumber their entry's lines, and then the other side's lines are not all level."""
    if not left or not right:
        return True
    return any(
        sum(1 for line in side if any(_level(line, o) for o in other)) >= 0.7 * len(side)
        for side, other in ((left, right), (right, left))
    )


def _straddling(words: list[Word], gutter: float) -> set[int]:
    """Words of the lines the gutter crosses: a word across it, or a word space in it (a
    name or a heading set across both columns), not a column gap."""
    found: set[int] = set()
    for line in group_lines(words):
        left = [w for w in line.words if w["x1"] <= gutter]
        right = [w for w in line.words if w["x0"] >= gutter]
        across = len(left) + len(right) < len(line.words)
        gap = min((w["x0"] for w in right), default=0.0) - max((w["x1"] for w in left), default=0.0)
        if across or (left and right and gap <= max(8.0, TAB_GAP * line.height)):
            found.update(id(w) for w in line.words)
    return found


def _level(line: Line, other: Line) -> bool:
    """Side by side on one row: tops aligned (table cells) or bottoms aligned (one baseline)."""
    return abs(line.top - other.top) < 2.0 or abs(line.bottom - other.bottom) < 2.0


def _segments(line: Line) -> list[list[Word]]:
    """The line's runs of words, cut where a gap is wide enough to be a TAB."""
    ordered = sorted(line.words, key=lambda w: w["x0"])
    wide = max(8.0, TAB_GAP * line.height)
    segments: list[list[Word]] = [[ordered[0]]]
    for word in ordered[1:]:
        if word["x0"] - segments[-1][-1]["x1"] > wide:
            segments.append([])
        segments[-1].append(word)
    return segments


def _bands(
    lines: list[Line], gutter: float, problems: dict[str, int]
) -> list[tuple[list[Word], list[Word], list[Line]]]:
    """Top-to-bottom bands: (left words, right words) between full-width lines, or full lines.

    A line is full-width when one of its runs of words has a word across the gutter and reaches
    well into both sides; otherwise words go to their side, and a word across the gutter to the
    side holding most of its run.
    """
    left_edge = min(line.x0 for line in lines)
    right_edge = max(line.x1 for line in lines)
    left_width = max(gutter - left_edge, 1.0)
    right_width = max(right_edge - gutter, 1.0)
    bands: list[tuple[list[Word], list[Word], list[Line]]] = []
    for line in lines:
        segments = _segments(line)
        reaches = [
            ((gutter - seg[0]["x0"]) / left_width, (seg[-1]["x1"] - gutter) / right_width)
            for seg in segments
        ]
        if any(
            min(reach) >= WIDE_REACH and any(w["x0"] < gutter < w["x1"] for w in segment)
            for segment, reach in zip(segments, reaches, strict=True)
        ):
            if bands and bands[-1][2]:
                bands[-1][2].append(line)
            else:
                bands.append(([], [], [line]))
            continue
        if not bands or bands[-1][2]:
            bands.append(([], [], []))
        left, right, _ = bands[-1]
        for segment, (reach_left, reach_right) in zip(segments, reaches, strict=True):
            for word in segment:
                if word["x1"] <= gutter:
                    left.append(word)
                elif word["x0"] >= gutter:
                    right.append(word)
                else:  # a side's line running into the gutter stays with its side: a guess
                    (left if reach_left > reach_right else right).append(word)
                    problems["interleaved_columns"] = problems.get("interleaved_columns", 0) + 1
    return bands


def _reading_sides(left: list[Word], right: list[Word], later_page: bool) -> list[list[Word]]:
    """Which side of a band reads first. On the first page, the side holding the largest text
    (the name, in sidebar layouts). Later pages carry no name: the wider side, the main column,
    reads first, so that a job list running on from the page before stays in one piece."""
    if not left or not right:
        return [left, right]
    if later_page:
        width = [max(w["x1"] for w in side) - min(w["x0"] for w in side) for side in (left, right)]
        first_right = width[1] > width[0]
    else:
        biggest = max(left + right, key=lambda w: w.get("size", 0.0))
        first_right = any(biggest is w for w in right)
    return [right, left] if first_right else [left, right]


def _append_block(out: list[Row], block: list[Row]) -> None:
    if not block:
        return
    if out and out[-1][0] != "":
        out.append(("", None))
    out.extend(block)


def read_region(
    words: list[Word], problems: dict[str, int], later_page: bool = False, depth: int = 0
) -> tuple[list[Row], int]:
    """Text lines (with their style) of a region in reading order, and how many columns it was
    read as."""
    minimum = MIN_WORDS_FOR_COLUMNS if depth == 0 else MIN_WORDS_IN_SUBCOLUMNS
    if depth > MAX_DEPTH or len(words) < minimum:
        return lines_to_rows(group_lines(words)), 1
    gutters = ordered_gutters(words, gutter_candidates(words), _straddling)
    for gutter in gutters:
        left = [w for w in words if w["x1"] <= gutter]
        right = [w for w in words if w["x0"] >= gutter]
        left_lines, right_lines = group_lines(left), group_lines(right)
        if is_label_column(left_lines, right_lines):
            continue  # labels level with their entries read row by row
        across = _straddling(words, gutter)
        cells = read_as_cells(
            group_lines([w for w in left if id(w) not in across]),
            group_lines([w for w in right if id(w) not in across]),
            group_lines([w for w in words if id(w) in across]),
        )
        if cells is not None:
            return cells, 2
        if len(gutters) > 1 and date_column_beside(left_lines, right_lines):
            continue  # the other side holds a further column: split there first
        out: list[Row] = []
        columns = 2
        for band_left, band_right, full in _bands(group_lines(words), gutter, problems):
            if full:
                _append_block(out, lines_to_rows(full))
                continue
            for side in _reading_sides(band_left, band_right, later_page):
                if side:
                    text, count = read_region(side, problems, later_page, depth + 1)
                    columns = max(columns, count + 1)
                    _append_block(out, text)
        return out, min(columns, 3)
    return lines_to_rows(group_lines(words)), 1


def reading_order(
    words: list[Word], problems: dict[str, int], later_page: bool = False
) -> tuple[list[Row], int]:
    """The page's text lines (with their style) in reading order and the number of columns
    found; a word across a gutter that had to be given to one side counts as
    ``interleaved_columns``."""
    return read_region(words, problems, later_page)
