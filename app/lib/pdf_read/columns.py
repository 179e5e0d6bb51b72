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
  label and its entry line joined by a TAB. So is a side of far fewer words whose paragraphs
  open level with the other's lines (labels and dates that wrap); each label's wrapped lines
  then join its first line. Both are tried before the table-cell reader (``cells.py``), which
  reads the pages that hold no such column (the blind figures in bench/BLIND.md chose it).
* Neither is tried when both sides open their own sections in one heading style
  (``heading_columns.py``): a sidebar set in a table beside the main column, on its line grid.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from .cells import date_column_beside, read_as_cells
from .gutter_order import ordered_gutters
from .heading_columns import both_sectioned
from .line_style import line_style
from .rows import lines_to_rows
from .words import Line, Row, Word, group_lines

MIN_WORDS_FOR_COLUMNS = 30
MIN_WORDS_IN_SUBCOLUMNS = 20
MIN_GUTTER_WIDTH = 6
MIN_SIDE_WORDS = 8
MAX_DEPTH = 2
WIDE_REACH = 0.2  # of a side's width: how far a full-width line reaches into both sides
WORD_SPACE = 0.6  # of the font size: the widest gap a line set over the gutter may hold there
SAME_SIZE = 0.1  # of the larger: two words this close in size are set in one size
LABEL_WORD_SHARE = 0.5  # a label column holds at most half as many words as its entries


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


@dataclass
class LabelColumn:
    """A side read as labels of the other's entries; ``sparse`` when it holds far fewer words
    (labels, dates), not a column of running text whose lines stand level with another's."""

    labels: list[Line]
    entries: list[Line]
    sparse: bool


def label_side(left: list[Line], right: list[Line]) -> LabelColumn | None:
    """The label column when one side's lines sit level with the other's (dates or labels
    beside each entry): usually the side with fewer lines."""
    for side, other in ((left, right), (right, left)):
        if sum(1 for line in side if any(_level(line, o) for o in other)) >= 0.7 * len(side):
            return LabelColumn(side, other, _labels_open_level(side, other))
    return None


def wrapped_label_side(left: list[Line], right: list[Line]) -> LabelColumn | None:
    """The label column whose labels wrap ("Principales activités et" / "responsabilités",
    "October 2022 –" / "April 2025"): they outnumber their entry's lines, and then neither
    side's lines are all level, but the labels' paragraphs still open level with an entry's
    line."""
    for side, other in ((left, right), (right, left)):
        if _labels_open_level(side, other):
            return LabelColumn(side, other, True)
    return None


def _labels_open_level(side: list[Line], other: list[Line]) -> bool:
    """``side`` reads as labels of ``other``'s entries: it holds far fewer words, and of its
    paragraphs that stand beside the other side's text, at least three and 70 % open level with
    one of its lines (a heading alone on its row stands beside nothing and counts neither way).
    Two columns of running text on one line grid open level too: the word count tells them."""
    if sum(len(line.words) for line in side) > LABEL_WORD_SHARE * sum(
        len(line.words) for line in other
    ):
        return False
    beside = [p for p in _paragraphs(side) if any(_overlap(p, o) for o in other)]
    level = [p for p in beside if any(_level(p[0], o) for o in other)]
    return len(beside) >= 3 and len(level) >= 0.7 * len(beside)


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines set closer than half a line apart: a label and its wrapped lines."""
    out: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: line.top):
        if out and line.top - out[-1][-1].bottom < 0.5 * out[-1][-1].height:
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _overlap(paragraph: list[Line], line: Line) -> bool:
    return line.top < paragraph[-1].bottom and line.bottom > paragraph[0].top


def labels_whole(words: list[Word], column: LabelColumn) -> list[Word]:
    """``words`` with each label's wrapped lines moved onto its first line, after its words,
    so that a region read row by row gives the label whole beside its entry ("Principales
    activités et responsabilités⇥• …") rather than its end beside the entry's next line.

    A line set close under a label, in its style, is its wrapped rest when it stands beside an
    entry's line without being level with it, or, in a sparse column (labels, dates), beside
    none and carrying on the label's phrase ("Nom et adresse de" / "l'employeur"). Otherwise
    it stays in its own row: level with an entry's line it labels that line ("2019 – 2021" /
    "Porto"); beside nothing it is a label of its own ("Juil. 2020" / "Rennes, France") or, in
    a column of running text, a paragraph's end."""
    moved: dict[int, Word] = {}
    for paragraph in _paragraphs(column.labels):
        head = paragraph[0]
        end = max(w["x1"] for w in head.words)
        style = line_style(head.words)
        step = 0
        for above, line in itertools.pairwise(paragraph):
            beside = [o for o in column.entries if _overlap([line], o)]
            if (
                line_style(line.words) != style
                or any(_level(line, o) for o in beside)
                or (not beside and not (column.sparse and _carries_on(above, line)))
            ):
                break
            for word in sorted(line.words, key=lambda w: w["x0"]):
                step += 1  # placed just after the head, a hair apart: read as one cell
                x0 = end + 0.01 * step
                moved[id(word)] = {
                    **word,
                    "top": head.top,
                    "bottom": head.bottom,
                    "x0": x0,
                    "x1": x0 + 0.005,
                }
    return [moved.get(id(w), w) for w in words]


def _carries_on(above: Line, line: Line) -> bool:
    """``line`` goes on with ``above``'s phrase: it opens in lower case, or ``above`` ends on
    a dash or a comma (a range or a list cut by the wrap)."""
    first = min(line.words, key=lambda w: w["x0"])["text"]
    last = max(above.words, key=lambda w: w["x1"])["text"]
    return first[:1].islower() or last[-1:] in "-–—,"


def _straddling(words: list[Word], gutter: float) -> set[int]:
    """Words of the lines the gutter crosses: a word across it, or a word space in it (a
    name or a heading set across both columns), not a column gap."""
    found: set[int] = set()
    for line in group_lines(words):
        over = _gap_over(line, gutter)
        if over is not None and over[0] <= line.tab_gap:
            found.update(id(w) for w in line.words)
    return found


def _set_over(line: Line, gutter: float) -> bool:
    """The line runs over the gutter: a word across it, or only a word space in it (a name set
    across the page), not a sidebar's line level with the main column's ("Jean-Baptiste de la"
    beside "À propos", a column gap under a tab's width apart)."""
    over = _gap_over(line, gutter)
    if over is None:
        return False
    gap, before, after = over
    if before is after:
        return True  # a word across the gutter
    # One phrase: one type size, tracked alike (a tracked name's word space holds its
    # tracking twice); a tracked name beside an untracked heading is two columns' lines.
    tracking = min(before.get("tracking", 0.0), after.get("tracking", 0.0))
    alike = abs(before["size"] - after["size"]) <= SAME_SIZE * max(before["size"], after["size"])
    alike = alike and (before.get("tracking", 0.0) > 0) == (after.get("tracking", 0.0) > 0)
    return alike and gap <= WORD_SPACE * max(before["size"], after["size"]) + 2 * tracking


def _gap_over(line: Line, gutter: float) -> tuple[float, Word, Word] | None:
    """The gap over the gutter between the line's two sides and the words either side of it
    (0 for a word lying across it); None for a line on one side only."""
    left = [w for w in line.words if w["x1"] <= gutter]
    right = [w for w in line.words if w["x0"] >= gutter]
    if len(left) + len(right) < len(line.words):
        across = next(w for w in line.words if w["x0"] < gutter < w["x1"])
        return 0.0, across, across
    if not left or not right:
        return None
    before, after = max(left, key=lambda w: w["x1"]), min(right, key=lambda w: w["x0"])
    return after["x0"] - before["x1"], before, after


def _level(line: Line, other: Line) -> bool:
    """Side by side on one row: tops aligned (table cells) or bottoms aligned (one baseline)."""
    return abs(line.top - other.top) < 2.0 or abs(line.bottom - other.bottom) < 2.0


def _segments(line: Line) -> list[list[Word]]:
    """The line's runs of words, cut where a gap is wide enough to be a TAB."""
    ordered = sorted(line.words, key=lambda w: w["x0"])
    wide = line.tab_gap
    segments: list[list[Word]] = [[ordered[0]]]
    for word in ordered[1:]:
        if word["x0"] - segments[-1][-1]["x1"] > wide:
            segments.append([])
        segments[-1].append(word)
    return segments


def _bands(
    lines: list[Line], gutter: float, across: set[int], problems: dict[str, int]
) -> list[tuple[list[Word], list[Word], list[Line]]]:
    """Top-to-bottom bands: (left words, right words) between full-width lines, or full lines.

    A line is full-width when one of its runs of words has a word across the gutter and reaches
    well into both sides, or, above both sides' first lines, when ``across`` holds its words
    (a name set over the gutter with only a word space in it: the page's header); otherwise
    words go to their side, and a word across the gutter to the side holding most of its run.
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
        header = all(full for _, _, full in bands)
        if (header and any(id(w) in across for w in line.words) and _set_over(line, gutter)) or any(
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
    labelled: LabelColumn | None = None  # the first label column found
    for gutter in gutters:
        left = [w for w in words if w["x1"] <= gutter]
        right = [w for w in words if w["x0"] >= gutter]
        left_lines, right_lines = group_lines(left), group_lines(right)
        if not left_lines or not right_lines:
            continue
        across = _straddling(words, gutter)  # lines set over the gutter are neither side's
        left_apart = group_lines([w for w in left if id(w) not in across])
        right_apart = group_lines([w for w in right if id(w) not in across])
        sectioned = both_sectioned(left_apart, right_apart)
        column = (
            None
            if sectioned
            else label_side(left_lines, right_lines) or wrapped_label_side(left_lines, right_lines)
        )
        if column is not None:
            labelled = labelled or column
            continue  # labels beside their entries read row by row
        cells = (
            None
            if sectioned
            else read_as_cells(
                left_apart, right_apart, group_lines([w for w in words if id(w) in across])
            )
        )
        if cells is not None:
            return cells, 2
        if len(gutters) > 1 and date_column_beside(left_lines, right_lines):
            continue  # the other side holds a further column: split there first
        out: list[Row] = []
        columns = 2
        for band_left, band_right, full in _bands(group_lines(words), gutter, across, problems):
            if full:
                _append_block(out, lines_to_rows(full))
                continue
            for side in _reading_sides(band_left, band_right, later_page):
                if side:
                    text, count = read_region(side, problems, later_page, depth + 1)
                    columns = max(columns, count + 1)
                    _append_block(out, text)
        return out, min(columns, 3)
    if labelled is not None:
        words = labels_whole(words, labelled)
    return lines_to_rows(group_lines(words)), 1


def reading_order(
    words: list[Word], problems: dict[str, int], later_page: bool = False
) -> tuple[list[Row], int]:
    """The page's text lines (with their style) in reading order and the number of columns
    found; a word across a gutter that had to be given to one side counts as
    ``interleaved_columns``."""
    return read_region(words, problems, later_page)
