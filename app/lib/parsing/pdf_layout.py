"""Reading order of one PDF page: visible words → lines, columns found, hidden text flagged.

Runs inside the sandboxed parser process (``app/lib/pdf_text.py``), loaded from its file: stdlib
only, operating on pdfplumber page objects.

* Hidden text (prompt injection hides instructions in CVs): characters smaller than 4 pt, outside
  the page, or white-ish where no dark fill or picture lies behind them. They are reported and
  left out of the text.
* Columns: a vertical gutter that (almost) no word crosses splits the page; lines that do cross it
  (a full-width header) cut the page into bands, and each band is read column by column, the
  column with the band's largest text (the name) first. A
  column whose lines all sit level with lines of the other side is a label column (dates left of
  each entry): it is read row by row instead.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from typing import Any

MIN_VISIBLE_SIZE = 4.0
WHITE_LUMINANCE = 0.92
DARK_BACKGROUND = 0.7
MIN_WORDS_FOR_COLUMNS = 30
MIN_GUTTER_WIDTH = 6


@dataclass
class PageText:
    text: str
    columns: int
    hidden: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Line:
    top: float
    bottom: float
    words: list[dict[str, Any]] = field(default_factory=list)

    def add(self, word: dict[str, Any]) -> None:
        self.words.append(word)
        self.top = min(self.top, word["top"])
        self.bottom = max(self.bottom, word["bottom"])

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def text(self) -> str:
        ordered = sorted(self.words, key=lambda w: w["x0"])
        parts: list[str] = []
        for index, word in enumerate(ordered):
            if index:
                gap = word["x0"] - ordered[index - 1]["x1"]
                # A wide gap (right-aligned dates, table cells) is kept as a tab separator.
                parts.append("\t" if gap > max(8.0, 1.5 * self.height) else " ")
            parts.append(word["text"])
        return "".join(parts)


def luminance(colour: Any) -> float | None:
    """0 = black, 1 = white; ``None`` for patterns and colours we cannot judge."""
    if colour is None:
        return 0.0  # the PDF default fill is black
    if isinstance(colour, int | float):
        colour = (colour,)
    if not isinstance(colour, list | tuple) or not all(isinstance(c, int | float) for c in colour):
        return None
    if len(colour) == 1:
        return float(colour[0])
    if len(colour) == 3:
        r, g, b = colour
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    if len(colour) == 4:
        c, m, y, k = colour
        r, g, b = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    return None


def _backgrounds(page: Any) -> list[tuple[float, float, float, float]]:
    """Boxes white text may legitimately sit on: dark filled shapes and pictures."""
    boxes = []
    for rect in page.rects:
        shade = luminance(rect.get("non_stroking_color"))
        if rect.get("fill") and shade is not None and shade < DARK_BACKGROUND:
            boxes.append((rect["x0"], rect["top"], rect["x1"], rect["bottom"]))
    boxes += [(i["x0"], i["top"], i["x1"], i["bottom"]) for i in page.images]
    return boxes


def hidden_reason(char: dict[str, Any], page: Any, backgrounds: list[Any]) -> str | None:
    if char.get("size", 10) < MIN_VISIBLE_SIZE:
        return "tiny"
    if char["x1"] < 0 or char["x0"] > page.width or char["bottom"] < 0 or char["top"] > page.height:
        return "off_page"
    shade = luminance(char.get("non_stroking_color"))
    if shade is not None and shade > WHITE_LUMINANCE:
        cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        if not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in backgrounds):
            return "invisible_colour"
    return None


def _hidden_runs(chars: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, str]]:
    """Group hidden characters into readable runs (one per reason and line)."""
    runs: list[tuple[str, str]] = []
    key: tuple[str, int] | None = None
    buffer = ""
    previous: dict[str, Any] | None = None
    for reason, char in sorted(chars, key=lambda rc: (round(rc[1]["top"]), rc[1]["x0"])):
        char_key = (reason, round(char["top"]))
        if char_key != key:
            if key is not None:
                runs.append((key[0], buffer))
            key, buffer, previous = char_key, "", None
        if previous is not None and char["x0"] - previous["x1"] > 0.2 * char.get("size", 1):
            buffer += " "  # PDFs often position words instead of drawing spaces
        buffer += char["text"]
        previous = char
    if key is not None:
        runs.append((key[0], buffer))
    merged: list[tuple[str, str]] = []
    for reason, raw in runs:
        text = " ".join(raw.split())
        if sum(not c.isspace() for c in text) < 3:
            continue
        if merged and merged[-1][0] == reason:
            merged[-1] = (reason, f"{merged[-1][1]} {text}")
        else:
            merged.append((reason, text))
    return merged


def group_lines(words: list[dict[str, Any]]) -> list[Line]:
    """Words → lines: a word joins the line it overlaps vertically by half its height."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        height = max(word["bottom"] - word["top"], 0.1)
        for line in reversed(lines[-3:]):
            overlap = min(line.bottom, word["bottom"]) - max(line.top, word["top"])
            if overlap >= 0.5 * min(height, max(line.height, 0.1)):
                line.add(word)
                break
        else:
            lines.append(Line(word["top"], word["bottom"], [word]))
    return sorted(lines, key=lambda line: line.top)


def find_gutter(words: list[dict[str, Any]], width: float) -> float | None:
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


def lines_to_text(lines: list[Line]) -> list[str]:
    """Lines → text lines, with an empty line where the vertical gap shows a new block."""
    if not lines:
        return []
    typical = statistics.median(line.height for line in lines)
    out: list[str] = []
    for index, line in enumerate(lines):
        if index and line.top - lines[index - 1].bottom > max(3.0, 0.45 * typical):
            out.append("")
        out.append(line.text())
    return out


def reading_order(words: list[dict[str, Any]], width: float) -> tuple[list[str], int]:
    gutter = find_gutter(words, width)
    if gutter is None:
        return lines_to_text(group_lines(words)), 1
    left_words = [w for w in words if w["x1"] <= gutter]
    right_words = [w for w in words if w["x0"] >= gutter]
    if is_label_column(group_lines(left_words), group_lines(right_words)):
        return lines_to_text(group_lines(words)), 1
    out: list[str] = []
    band_left: list[dict[str, Any]] = []
    band_right: list[dict[str, Any]] = []

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


def page_text(page: Any) -> PageText:
    backgrounds = _backgrounds(page)
    hidden_chars: list[tuple[str, dict[str, Any]]] = []
    for char in page.chars:
        reason = hidden_reason(char, page, backgrounds)
        if reason is not None:
            hidden_chars.append((reason, char))

    def visible(obj: dict[str, Any]) -> bool:
        return obj.get("object_type") != "char" or hidden_reason(obj, page, backgrounds) is None

    words = page.filter(visible).extract_words(x_tolerance=2, y_tolerance=2, extra_attrs=["size"])
    upright = [w for w in words if w.get("upright", True)]
    rotated = [w["text"] for w in words if not w.get("upright", True)]
    lines, columns = reading_order(upright, float(page.width))
    if rotated:
        lines += ["", " ".join(rotated)]
    return PageText("\n".join(lines).strip(), columns, _hidden_runs(hidden_chars))
