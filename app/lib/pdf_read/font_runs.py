"""A word break where the font changes mid-line without a space: "Acme Corp" in bold, then
"Software Engineer" in italics, drawn touching, read "Acme CorpSoftware Engineer".

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only, on
pdfplumber char dicts in drawing order (``chars.repair_chars`` calls it last).

Why only some changes: a font also changes inside words (a small-caps title drawn with two sizes,
a drop capital, a superscript "1st", "BiOMEDiCAL" with its small-caps i), so a change breaks the
word only when both runs are words by themselves: a capital starting a new word after a word
("CorpSoftware", "ACMESoftware", "2019Engineer"), a number after a word ("Engineer2019"), a
word after a label's colon ("Objective:Design"), or two
lowercase runs that are known words while their join is not ("Engineerat"). The break is a space
glyph of no width between the runs, which ``words.chars_to_words`` reads as a drawn space.
Counted as ``glued_words`` (words printed without spaces were split).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .lexicon import Vocabulary
from .line_style import BOLD_FONT
from .words import char_rows

Char = dict[str, Any]
ITALIC = re.compile(r"italic|oblique|[-,]it\b|\bit\b", re.I)
STYLE_WORDS = re.compile(
    r"bold|black|heavy|semi|demi|extra|italic|oblique|regular|medium|light|book|roman|"
    r"mt\b|ps\b|[-,_ ]",
    re.I,
)
SIZE_CHANGE = 0.1  # relative: smaller differences are rounding
TOUCHING = 0.13  # of the font size: a wider gap is a word break already (words.WORD_GAP)


@cache
def style(fontname: str) -> tuple[bool, bool, str]:
    """(bold, italic, family) of a font; the subset prefix ("ABCDEF+") ignored."""
    font = fontname.split("+")[-1]
    return (
        bool(BOLD_FONT.search(font)),
        bool(ITALIC.search(font)),
        STYLE_WORDS.sub("", font).lower(),
    )


def _changed(a: Char, b: Char) -> bool:
    size_a, size_b = float(a.get("size", 10.0)), float(b.get("size", 10.0))
    if abs(size_a - size_b) > SIZE_CHANGE * max(size_a, size_b, 1.0):
        return True
    font_a, font_b = str(a.get("fontname", "")), str(b.get("fontname", ""))
    return font_a != font_b and style(font_a) != style(font_b)


def _touching(a: Char, b: Char) -> bool:
    """``b`` starts where ``a`` ends, on the same baseline."""
    return -0.1 * _size(a) < b["x0"] - a["x1"] < TOUCHING * _size(a)


def _size(char: Char) -> float:
    return max(float(char.get("size", 10.0)), 1.0)


def _run(row: list[Char], start: int, step: int) -> str:
    """The text of the same-style, touching glyphs of ``row`` from ``start`` going ``step``."""
    out = [row[start]["text"]]
    index = start
    while 0 <= index + step < len(row):
        nxt = row[index + step]
        left, right = (row[index], nxt) if step > 0 else (nxt, row[index])
        if nxt["text"].isspace() or _changed(row[index], nxt) or not _touching(left, right):
            break
        out.append(nxt["text"])
        index += step
    return "".join(out if step > 0 else reversed(out))


def _breaks(left: str, right: str, vocabulary: Vocabulary) -> bool:
    """Are ``left`` and ``right`` (glyph runs touching across a font change) two words?"""
    if not left or not right:
        return False
    a, b = left[-1], right[0]
    alnum_left = sum(c.isalnum() for c in left)
    if b.isupper() and a.isalnum() and alnum_left >= 2 and len(right) >= 2:
        return a.islower() or a.isdigit() or right[1].islower()
    if a in ":;," and b.isalpha() and len(right) >= 2:
        return sum(c.isalpha() for c in left) >= 2  # "Objective:" in bold, then "Design"
    if a.isalpha() and b.isdigit():
        return alnum_left >= 2 and sum(c.isdigit() for c in right) >= 2
    if a.islower() and b.islower() and left.isalpha() and right.isalpha():
        joined = vocabulary.known(left + right)
        return vocabulary.known(left) >= 1 and vocabulary.known(right) >= 1 and joined < 1
    return False


@cache
def _vocabulary() -> Vocabulary:
    return Vocabulary()


def split_font_runs(chars: list[Char], problems: dict[str, int]) -> list[Char]:
    """``chars`` and a zero-width space wherever two touching runs of different fonts are two
    words. Neighbours are found on the page, row by row (a title and the date after it are
    often drawn apart in the content stream)."""
    breaks: list[Char] = []
    for row in char_rows(chars):
        for index in range(1, len(row)):
            before, char = row[index - 1], row[index]
            if before["text"].isspace() or char["text"].isspace():
                continue
            if not (_changed(before, char) and _touching(before, char)):
                continue
            if _breaks(_run(row, index - 1, -1), _run(row, index, 1), _vocabulary()):
                # Strictly left of the next glyph, so it sorts and reads as between them.
                middle = min((before["x1"] + char["x0"]) / 2, char["x0"] - 0.001)
                breaks.append({**before, "text": " ", "x0": middle, "x1": middle})
    if not breaks:
        return chars
    problems["glued_words"] = problems.get("glued_words", 0) + len(breaks)
    return chars + breaks
