"""What one PDF page's text layer holds, glyph by glyph: how much text, which glyphs mean
nothing, which text no reader of the page sees, the pictures, the links and the column gutter.

Runs inside the ATS check's sandboxed child (``child.py``): stdlib only, on pdfplumber page
objects; the project's reader modules (app/lib/pdf_read/) are handed in as modules, since the
child loads them from their files without importing ``app``.

Every box is in fractions of the page (x0, top, x1, bottom), so it fits any rendering of it.
"""

from __future__ import annotations

import re
from typing import Any

Box = tuple[float, float, float, float]
CID = re.compile(r"\(cid:\d+\)")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MAX_RUNS = 40  # boxes per kind and page: a page of noise must not bloat the report
MAX_LINKS = 50
MIN_HIDDEN_CHARS = 3  # a lone hidden dot or bullet is no finding
DIGITS = 4


def _fraction(value: float, size: float) -> float:
    return round(min(1.0, max(0.0, value / size)), DIGITS) if size > 0 else 0.0


def page_box(page: Any, x0: float, top: float, x1: float, bottom: float) -> Box:
    return sized_box(float(page.width), float(page.height), x0, top, x1, bottom)


def sized_box(width: float, height: float, x0: float, top: float, x1: float, bottom: float) -> Box:
    return (
        _fraction(x0, width),
        _fraction(top, height),
        _fraction(x1, width),
        _fraction(bottom, height),
    )


def glyph_kind(text: str) -> str | None:
    """ "unmapped" for a glyph whose text the PDF lost (U+FFFD, ``(cid:NN)``, control codes
    only), "private" for a private-use character (icon fonts), else None."""
    if not text:
        return None
    if "\ufffd" in text or CID.fullmatch(text) or not CONTROL.sub("", text):
        return "unmapped"
    if any(0xE000 <= ord(c) <= 0xF8FF or ord(c) >= 0xF0000 for c in text):
        return "private"
    return None


class _Runs:
    """Characters grouped by (kind, line) into runs: one box and one sample text each."""

    def __init__(self) -> None:
        self.runs: dict[tuple[str, int], dict[str, Any]] = {}

    def add(self, kind: str, char: dict[str, Any], text: str) -> None:
        key = (kind, round(char["top"]))
        run = self.runs.get(key)
        if run is None:
            run = self.runs[key] = {"kind": kind, "chars": []}
        run["chars"].append((char, text))

    def as_json(self, page: Any, min_chars: int = 1) -> list[dict[str, Any]]:
        out = []
        for run in self.runs.values():
            chars = sorted(run["chars"], key=lambda pair: pair[0]["x0"])
            text, previous = "", None
            for char, piece in chars:
                if previous is not None and char["x0"] - previous["x1"] > 0.2 * char["size"]:
                    text += " "  # words positioned apart, with no space drawn
                text += piece
                previous = char
            shown = " ".join(CONTROL.sub("", text).split())
            if sum(not c.isspace() for c in shown) < min_chars:
                continue
            box = page_box(
                page,
                min(c["x0"] for c, _ in chars),
                min(c["top"] for c, _ in chars),
                max(c["x1"] for c, _ in chars),
                max(c["bottom"] for c, _ in chars),
            )
            out.append({"kind": run["kind"], "text": shown[:160], "count": len(chars), "box": box})
        return out[:MAX_RUNS]


def _hidden_reasons(page: Any, hidden: Any) -> list[str | None]:
    """Each glyph's reason to be unseen (the reader's rules, app/lib/pdf_read/hidden.py)."""
    dark = hidden.backgrounds(page)
    covered = hidden.covered_chars(page)
    render: Any = False  # the page drawn only when some text is white
    reasons: list[str | None] = []
    for char in page.chars:
        reason = hidden.hidden_reason(char, page, dark)
        if reason == "invisible_colour":
            render = hidden.rendered_background(page) if render is False else render
            if render is not None and render(char) < hidden.VISIBLE_ON_RENDER:
                reason = None  # white on a background pdfminer does not see
        if reason is None and covered and hidden.char_key(char) in covered:
            reason = "covered"
        reasons.append(reason)
    return reasons


def _links(page: Any) -> list[dict[str, Any]]:
    out = []
    for link in list(page.hyperlinks)[:MAX_LINKS]:
        x0, top, x1, bottom = (float(link[k]) for k in ("x0", "top", "x1", "bottom"))
        under = [
            c["text"]
            for c in page.chars
            if x0 - 1 <= (c["x0"] + c["x1"]) / 2 <= x1 + 1
            and top - 1 <= (c["top"] + c["bottom"]) / 2 <= bottom + 1
        ]
        out.append(
            {
                "uri": str(link.get("uri") or "")[:500],
                "text": "".join(under)[:300],
                "box": page_box(page, x0, top, x1, bottom),
            }
        )
    return out


def _images(page: Any) -> tuple[list[Box], float]:
    area = max(float(page.width) * float(page.height), 1.0)
    boxes, covered = [], 0.0
    for image in page.images:
        x0, top = max(0.0, image["x0"]), max(0.0, image["top"])
        x1, bottom = min(float(page.width), image["x1"]), min(float(page.height), image["bottom"])
        if x1 <= x0 or bottom <= top:
            continue
        covered += (x1 - x0) * (bottom - top)
        boxes.append(page_box(page, x0, top, x1, bottom))
    return boxes[:MAX_RUNS], round(min(1.0, covered / area), 3)


def column_sides(
    width: float, height: float, columns: Any, words: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The text left and right of the widest gutter of a page the reader read as columns (its
    own test, app/lib/pdf_read/columns.py), each side's box and words; nothing when it finds
    no gutter. Words across the gutter (a heading over both) belong to neither side."""
    gutters = columns.gutter_candidates(words)
    if not gutters:
        return []
    sides = []
    for side in (
        [w for w in words if w["x1"] <= gutters[0]],
        [w for w in words if w["x0"] >= gutters[0]],
    ):
        if side:
            box = sized_box(
                width,
                height,
                min(w["x0"] for w in side),
                min(w["top"] for w in side),
                max(w["x1"] for w in side),
                max(w["bottom"] for w in side),
            )
            sides.append({"box": box, "text": " ".join(w["text"] for w in side)[:20_000]})
    return sides


def scan(page: Any, hidden: Any) -> dict[str, Any]:
    """The page's facts as JSON: ``chars`` (glyphs with text), ``glyphs`` (runs of unmapped and
    private-use glyphs), ``hidden`` (runs of unseen text with their reason), ``images`` and
    ``imageShare`` (of the page area) and ``links``."""
    glyphs, unseen = _Runs(), _Runs()
    chars = 0
    for char, reason in zip(page.chars, _hidden_reasons(page, hidden), strict=True):
        text = str(char.get("text") or "")
        if text.isspace():
            continue
        chars += 1
        kind = glyph_kind(text)
        if kind is not None:
            glyphs.add(kind, char, "\ufffd" if kind == "unmapped" else text)
        elif reason is not None:
            unseen.add(reason, char, text)
    images, share = _images(page)
    return {
        "chars": chars,
        "glyphs": glyphs.as_json(page),
        "hidden": unseen.as_json(page, MIN_HIDDEN_CHARS),
        "images": images,
        "imageShare": share,
        "links": _links(page),
    }
