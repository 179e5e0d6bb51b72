"""Characters → words → visual lines, with word gaps measured relative to the font size.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.

Why not a fixed gap: many producers (LaTeX, Google Docs, Canva) draw no space characters, they
only move the pen. An absolute 2 pt threshold glues the words of small or justified text, and
splits letter-spaced headings. Here a gap is a word break when it is wider than the run's usual
letter gap plus a fraction of the font size; a drawn space always breaks.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass, field
from typing import Any

from .line_style import word_style
from .table_cells import starts_cell

Word = dict[str, Any]
# A text line and its style ({"size", "bold", "colour"}; None for a blank line).
Row = tuple[str, dict[str, Any] | None]
WORD_GAP = 0.13  # of the font size, above the run's usual letter gap
LOOSE = 0.3  # em: the widest usual letter gap of a run whose gaps are uneven
MAX_TRACKING = 1.0  # em: the widest letter spacing a run's even gaps are taken for
EVEN = 0.15  # of the median: a gap this close to it is even
EVEN_SHARE = 0.8  # of a run's gaps, even, for a tracking wider than LOOSE
MIN_RUN_GAPS = 3  # letter gaps a run needs to tell its own usual gap
TAB_GAP = 1.5  # of the line height: a wider gap (right-aligned dates, cells) becomes a TAB
TOUCHING = 0.05  # of the font size: words on two baselines this close are one word


@dataclass
class Line:
    top: float
    bottom: float
    words: list[Word] = field(default_factory=list)

    def add(self, word: Word) -> None:
        self.words.append(word)
        self.top = min(self.top, word["top"])
        self.bottom = max(self.bottom, word["bottom"])

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def x0(self) -> float:
        return min(w["x0"] for w in self.words)

    @property
    def x1(self) -> float:
        return max(w["x1"] for w in self.words)

    @property
    def tab_gap(self) -> float:
        """The gap above which the next word starts a cell (a TAB)."""
        return max(8.0, TAB_GAP * self.height)

    def cells(self, edges: list[float] | None = None) -> list[list[Word]]:
        """The words left to right, cut into cells: after a wide gap, or at one of the
        ``edges`` (the columns of a table, see ``table_cells``)."""
        ordered = sorted(self.words, key=lambda w: w["x0"])
        cells: list[list[Word]] = [[ordered[0]]] if ordered else []
        for before, word in itertools.pairwise(ordered):
            gap = word["x0"] - before["x1"]
            # Two tracked words: a word space holds the tracking twice over.
            tracking = min(before.get("tracking", 0.0), word.get("tracking", 0.0))
            if gap > self.tab_gap + 2 * tracking or (
                edges and starts_cell(before, word, self.height, edges, before is ordered[0])
            ):
                cells.append([])
            cells[-1].append(word)
        return cells

    def text(self, edges: list[float] | None = None) -> str:
        """The words, a TAB between cells."""
        return "\t".join(cell_text(cell) for cell in self.cells(edges))


def cell_text(words: list[Word]) -> str:
    """The words of one cell, left to right, a space between them but for a script."""
    parts: list[str] = []
    for index, word in enumerate(words):
        if index and not _script(words[index - 1], word, word["x0"] - words[index - 1]["x1"]):
            parts.append(" ")
        parts.append(word["text"])
    return "".join(parts)


def _script(before: Word, after: Word, gap: float) -> bool:
    """A superscript or subscript touching its word ("4th", "m2"): smaller, off the baseline,
    no gap. It joins the word instead of standing apart."""
    small, large = sorted((before["size"], after["size"]))
    return (
        gap <= TOUCHING * large
        and small <= 0.85 * large
        and abs(before["bottom"] - after["bottom"]) > 0.1 * large
    )


def char_rows(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Characters sharing a baseline: bottoms within a third of the font size of the row's first.

    Bottoms, not box overlap: glyph boxes are taller than tight line spacing, so overlapping
    boxes would weave two lines together.
    """
    rows: list[tuple[float, list[dict[str, Any]]]] = []
    for char in sorted(chars, key=lambda c: (c["bottom"], c["x0"])):
        tolerance = 0.35 * max(char.get("size", 10.0), 1.0)
        if rows and char["bottom"] - rows[-1][0] <= tolerance:
            rows[-1][1].append(char)
        else:
            rows.append((char["bottom"], [char]))
    return [sorted(members, key=lambda c: c["x0"]) for _, members in rows]


Font = tuple[Any, Any]  # a glyph's font name and size
# A run of a row: [start, end), its letter gaps (em), and its own usual gap when it has gaps
# enough to tell it (``MIN_RUN_GAPS``), else None.
Run = tuple[int, int, list[float], float | None]


def _runs(row: list[dict[str, Any]]) -> list[Run]:
    """The row's runs: a run is a stretch of one font and size without a wide gap."""
    runs: list[Run] = []
    start = 0
    for index in range(1, len(row) + 1):
        if index < len(row):
            a, b = row[index - 1], row[index]
            same_font = a.get("fontname") == b.get("fontname") and a.get("size") == b.get("size")
            if same_font and b["x0"] - a["x1"] < a.get("size", 10.0):
                continue
        gaps = [
            (b["x0"] - a["x1"]) / max(a.get("size", 10.0), 1.0)
            for a, b in itertools.pairwise(row[start:index])
            if not a["text"].isspace() and not b["text"].isspace()
        ]
        runs.append((start, index, gaps, _tracking(gaps) if len(gaps) >= MIN_RUN_GAPS else None))
        start = index
    return runs


def _font(char: dict[str, Any]) -> Font:
    return char.get("fontname"), char.get("size")


def _tracked_fonts(rows: list[list[dict[str, Any]]], runs: list[list[Run]]) -> dict[Font, float]:
    """The fonts a page sets with a designer's tracking, from runs long enough to tell it."""
    found: dict[Font, float] = {}
    for row, row_runs in zip(rows, runs, strict=True):
        for start, _, _, own in row_runs:
            if own is not None and own > LOOSE:
                found.setdefault(_font(row[start]), own)
    return found


def _usual_gaps(
    row: list[dict[str, Any]], runs: list[Run], tracked: dict[Font, float]
) -> list[float]:
    """Per character, the usual letter gap (em) of its run: 0 for ordinary text, more for
    letter-spaced headings. A run too short to tell ("V A N" alone on its line) takes the
    tracking its font has elsewhere on the page when its gaps are that wide."""
    usual = [0.0] * len(row)
    for start, end, gaps, own in runs:
        if own is not None:
            usual[start:end] = [own] * (end - start)
        elif _as_tracked(gaps, known := tracked.get(_font(row[start]), 0.0)):
            usual[start:end] = [known] * (end - start)
    return usual


def _as_tracked(gaps: list[float], known: float) -> bool:
    """A short run's gaps are its font's known tracking (``known`` em, 0 for none)."""
    return bool(gaps) and known > 0 and all(abs(gap - known) <= EVEN * known for gap in gaps)


def _tracking(gaps: list[float]) -> float:
    """A run's usual letter gap (em): its median gap, up to ``LOOSE`` for any run; a wider
    one only where the gaps are even, as a designer's tracking sets them ("J E A N  D U P O N
    T", spread 0.7 em): the letters of ordinary text touch, so no other run has such a median."""
    median = statistics.median(gaps)
    if median <= LOOSE:
        return max(0.0, median)
    even = sum(abs(gap - median) <= EVEN * median for gap in gaps)
    return min(median, MAX_TRACKING) if even >= EVEN_SHARE * len(gaps) else LOOSE


def _word(chars: list[dict[str, Any]], tracking: float = 0.0) -> Word:
    """The word of ``chars``; ``tracking``: its letter spacing in points, which its word gaps
    hold twice over (after its last letter and after the space)."""
    return {
        "text": "".join(c["text"] for c in chars),
        "x0": min(c["x0"] for c in chars),
        "x1": max(c["x1"] for c in chars),
        "top": min(c["top"] for c in chars),
        "bottom": max(c["bottom"] for c in chars),
        "size": max(c.get("size", 0.0) for c in chars),
        "tracking": tracking,
        **word_style(chars),
    }


def _between(space: dict[str, Any], before: dict[str, Any], after: dict[str, Any]) -> bool:
    """The drawn space separates the two glyphs: it starts between them and lies in the gap
    between their boxes, or shares the baseline and size of one of them (fonts whose glyph
    boxes are too wide overlap their spaces too)."""
    if not before["x0"] < space["x0"] < after["x0"]:
        return False
    slack = 0.3 * max(space["x1"] - space["x0"], 0.5)
    if space["x0"] >= before["x1"] - slack and space["x1"] <= after["x0"] + slack:
        return True
    size = max(space.get("size", 10.0), 1.0)
    return any(
        abs(space["bottom"] - glyph["bottom"]) < 0.1 * size
        and abs(glyph.get("size", 10.0) - size) < 0.05 * size
        for glyph in (before, after)
    )


def _piled_spaces(row: list[dict[str, Any]]) -> set[int]:
    """Spaces touching or overlapping other spaces: tab fills and stray runs. They are no word
    separators by themselves (a wide gap still is)."""
    spaces = [c for c in row if c["text"].isspace()]
    piled: set[int] = set()
    for a, b in itertools.pairwise(spaces):
        if b["x0"] < a["x1"] + 0.1:  # touching or overlapping
            piled.update((id(a), id(b)))
    return piled


def chars_to_words(chars: list[dict[str, Any]]) -> list[Word]:
    """Split each row at drawn spaces and at gaps wider than the run's usual letter gap.

    A drawn space counts only when it lies between the two glyphs: empty paragraphs leave stray
    spaces at the left margin, near the baseline of a neighbouring line.
    """
    words: list[Word] = []
    rows = char_rows(chars)
    runs = [_runs(row) for row in rows]
    tracked = _tracked_fonts(rows, runs)
    for row, row_runs in zip(rows, runs, strict=True):
        usual_gaps = _usual_gaps(row, row_runs, tracked)
        piled = _piled_spaces(row)
        current: list[dict[str, Any]] = []
        opening = 0.0  # the usual gap of the current word's first glyph
        spaces: list[dict[str, Any]] = []
        for char, usual in zip(row, usual_gaps, strict=True):
            if char["text"].isspace():
                if id(char) not in piled:
                    spaces.append(char)
                continue
            if current:
                previous = current[-1]
                size = min(previous.get("size", 10.0), char.get("size", 10.0))
                gap = char["x0"] - previous["x1"]
                spaced = any(_between(space, previous, char) for space in spaces)
                if spaced or gap > (usual + WORD_GAP) * size:
                    words.append(_word(current, _points(current[0], opening)))
                    current = []
            spaces = []
            if not current:
                opening = usual
            current.append(char)
        if current:
            words.append(_word(current, _points(current[0], opening)))
    return words


def _points(first: dict[str, Any], em: float) -> float:
    """The letter spacing of a word in points, from ``em``, the usual gap of its first glyph's
    run (0 up to ``LOOSE``: ordinary text)."""
    return em * first.get("size", 10.0) if em > LOOSE else 0.0


STACKED = 0.3  # of the narrower word's width: more shared width than this, one sits on the other


def _stacked(line: Line, word: Word) -> bool:
    """``word`` stands over or under one of the line's words: two words of one text line never
    share their width. A tall line (a name set large) overlaps two small lines beside it (a
    phone over an e-mail); joined to it, their words would be woven together by position."""
    width = max(word["x1"] - word["x0"], 0.1)
    for other in line.words:
        shared = min(other["x1"], word["x1"]) - max(other["x0"], word["x0"])
        if shared > STACKED * min(width, max(other["x1"] - other["x0"], 0.1)):
            return True
    return False


def group_lines(words: list[Word]) -> list[Line]:
    """Words → lines: a word joins the line it overlaps vertically by half its height, unless
    it stands over or under one of that line's words."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        height = max(word["bottom"] - word["top"], 0.1)
        for line in reversed(lines[-3:]):
            overlap = min(line.bottom, word["bottom"]) - max(line.top, word["top"])
            if overlap >= 0.5 * min(height, max(line.height, 0.1)) and not _stacked(line, word):
                line.add(word)
                break
        else:
            lines.append(Line(word["top"], word["bottom"], [word]))
    return sorted(lines, key=lambda line: line.top)
