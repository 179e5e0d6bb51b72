"""Where each piece of text sits on its page, for the import review: the page image is drawn
with the lines an entry was read from highlighted (app/domain/cvs/source_lines.py).

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.

A visual line is cut at its wide gaps (the TAB of ``words.Line.text``): a date cell, a sidebar
and the main column on one baseline are three pieces, each highlighted with its own entry.
Boxes are fractions of the page's size, so they fit any rendering of the page.
"""

from __future__ import annotations

from typing import Any

from .words import TAB_GAP, Line, Word

# (page, x0, top, x1, bottom, text); page 1-based, coordinates as fractions of the page.
SourceBox = tuple[int, float, float, float, float, str]
MAX_BOXES = 4000  # far above a CV's lines; a page of noise must not bloat the report
DIGITS = 4  # 1/10 000 of a page: under a pixel of any rendering the review shows


def _pieces(line: Line) -> list[list[Word]]:
    """The line's words in runs separated by a gap a TAB stands for."""
    ordered = sorted(line.words, key=lambda w: w["x0"])
    runs: list[list[Word]] = []
    for word in ordered:
        if runs and word["x0"] - runs[-1][-1]["x1"] <= max(8.0, TAB_GAP * line.height):
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def page_boxes(number: int, lines: list[Line], width: float, height: float) -> list[SourceBox]:
    """One box per piece of each line of the page, top to bottom, left to right."""
    if width <= 0 or height <= 0:
        return []
    boxes: list[SourceBox] = []
    for line in sorted(lines, key=lambda item: (item.top, item.x0)):
        for run in _pieces(line):
            text = " ".join(w["text"] for w in run).strip()
            if not text:
                continue
            boxes.append(
                (
                    number,
                    round(max(0.0, min(w["x0"] for w in run) / width), DIGITS),
                    round(max(0.0, min(w["top"] for w in run) / height), DIGITS),
                    round(min(1.0, max(w["x1"] for w in run) / width), DIGITS),
                    round(min(1.0, max(w["bottom"] for w in run) / height), DIGITS),
                    text,
                )
            )
    return boxes


def parse_boxes(raw: Any) -> list[SourceBox]:
    """The child's answer read back, each box checked: a malformed one is left out."""
    boxes = []
    for item in raw if isinstance(raw, list) else []:
        try:
            page, x0, top, x1, bottom, text = item
            boxes.append((int(page), float(x0), float(top), float(x1), float(bottom), str(text)))
        except (TypeError, ValueError):
            continue
    return boxes
