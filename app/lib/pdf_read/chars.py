"""Repair the visible characters of a PDF page before words are built from them.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only, on
pdfplumber char dicts (copies are returned; pdfplumber's own objects are never changed). Each
repair is a property of how PDFs are produced, counted in ``problems`` for the import report:

* ``doubled_chars``: fake bold and shadows draw each glyph twice, a fraction of its width
  apart ("EEYY FFrraannccee"); only the first copy is kept.
* ``junk_glyphs``: ``(cid:NN)`` (a glyph with no Unicode mapping), private-use code points and
  icon fonts (phone, mail, map-pin pictograms before contact details and dates). A private-use
  glyph from a symbol font (Word's Symbol/Wingdings bullets) becomes "•".
* Lost glyphs of text fonts (read as U+0000 or another control code: an unmapped ligature; as
  U+FFFD; as ``(cid:NN)``) are not dropped: each becomes a marker for its font and glyph, solved
  from the words around it once the document is read (``glyph_text``, ``glyph_repair``).
  Control codes and characters that draw nothing are stripped from a glyph's text, the glyph
  kept; undrawn soft hyphens are removed (``glyph_text``).
* ``glued_words``: two runs of different fonts drawn touching ("Acme CorpSoftware") get a word
  break between them when both are words (``font_runs``, last).
* TeX accents: pdfTeX with OT1 fonts draws "é" as "e" plus a separate "´" over it; they are
  merged back into one letter (not a problem the user can act on, so not counted).
* ``bad_glyph_widths``: some fonts declare one width for every glyph, so each glyph's box
  overlaps the next and word gaps vanish; the width is re-measured from where the next glyph
  of the same font starts.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections import defaultdict
from typing import Any

from .font_runs import split_font_runs
from .glyph_text import clean_text, lost_glyph, lost_kind

Char = dict[str, Any]

ICON_FONT = re.compile(
    r"awesome|icons?\b|icon[-_]|fontello|glyphicon|materialsymbols|ionicons", re.I
)
SYMBOL_FONT = re.compile(r"symbol|wingding|dingbat", re.I)
SPACING_ACCENTS = {
    "´": "\u0301",
    "`": "\u0300",
    "ˆ": "\u0302",
    "^": "\u0302",
    "¨": "\u0308",
    "˜": "\u0303",
    "~": "\u0303",
    "¸": "\u0327",
    "˚": "\u030a",
    "ˇ": "\u030c",
    "¯": "\u0304",
    "˘": "\u0306",
    "˙": "\u0307",
    "˝": "\u030b",
    "˛": "\u0328",
}
LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
DUPLICATE_SHIFT = 0.35  # of the glyph's width: a second copy closer than this is a double
MIN_PAIRS_FOR_WIDTHS = 12


def _private_use(text: str) -> bool:
    return any(0xE000 <= ord(c) <= 0xF8FF or ord(c) >= 0xF0000 for c in text)


def _font_kind(font: str, cache: dict[str, str]) -> str:
    """ "icon", "symbol" or "text", once per font name (a page has thousands of glyphs)."""
    if font not in cache:
        cache[font] = (
            "icon" if ICON_FONT.search(font) else "symbol" if SYMBOL_FONT.search(font) else "text"
        )
    return cache[font]


def strip_junk(chars: list[Char], problems: dict[str, int]) -> list[Char]:
    kept: list[Char] = []
    kinds: dict[str, str] = {}
    for char in chars:
        kind = _font_kind(str(char.get("fontname", "")), kinds)
        marked = lost_glyph(char) if kind == "text" else None
        if marked is not None:
            kept.append(marked)
            continue
        text = clean_text(char)
        if text != char["text"]:
            if not text and not char["text"].isspace() and not lost_kind(char["text"]):
                continue  # an invisible character: nothing was lost
            char = {**char, "text": text}
        junk = not text or text.startswith("(cid:") or kind == "icon" or "\ufffd" in text
        if not junk and _private_use(text):
            if kind == "symbol":
                char = {**char, "text": "•"}
            else:
                junk = True
        if junk:
            problems["junk_glyphs"] = problems.get("junk_glyphs", 0) + 1
            continue
        if text in LIGATURES:
            char = {**char, "text": LIGATURES[text]}
        kept.append(char)
    return kept


def drop_doubles(chars: list[Char], problems: dict[str, int]) -> list[Char]:
    """Keep one copy of glyphs drawn twice at (almost) the same place."""
    seen: dict[tuple[str, int], list[Char]] = defaultdict(list)
    kept: list[Char] = []
    for char in chars:
        if char["text"].isspace():
            kept.append(char)
            continue
        width = max(char["x1"] - char["x0"], 0.5)
        size = char.get("size", 10.0)
        bucket = (char["text"], round(char["top"] / max(size, 1.0)))
        double = any(
            abs(other["x0"] - char["x0"]) < DUPLICATE_SHIFT * width
            and abs(other["top"] - char["top"]) < 0.25 * size
            for near in (bucket, (bucket[0], bucket[1] - 1), (bucket[0], bucket[1] + 1))
            for other in seen.get(near, ())
        )
        if double:
            problems["doubled_chars"] = problems.get("doubled_chars", 0) + 1
            continue
        seen[bucket].append(char)
        kept.append(char)
    return kept


def merge_accents(chars: list[Char]) -> list[Char]:
    """Put TeX's separately drawn accents back on the letter under them."""
    accents = [c for c in chars if c["text"] in SPACING_ACCENTS]
    if not accents:
        return chars
    letters = sorted(
        (c for c in chars if c["text"].isalpha() and c["text"] not in SPACING_ACCENTS),
        key=lambda c: c["x0"],
    )
    starts = [c["x0"] for c in letters]
    replaced: dict[int, Char] = {}
    dropped: set[int] = set()
    for accent in accents:
        centre = (accent["x0"] + accent["x1"]) / 2
        size = accent.get("size", 10.0)
        for letter in _letters_near(letters, starts, centre, size):
            overlap = min(accent["x1"], letter["x1"]) - max(accent["x0"], letter["x0"])
            narrow = min(accent["x1"] - accent["x0"], letter["x1"] - letter["x0"])
            same_row = abs(letter["bottom"] - accent["bottom"]) < 0.6 * size
            if not (same_row and letter["x0"] <= centre <= letter["x1"] and overlap > 0.6 * narrow):
                continue
            current = replaced.get(id(letter), letter)
            composed = unicodedata.normalize(
                "NFC", current["text"] + SPACING_ACCENTS[accent["text"]]
            )
            if len(composed) == 1:
                replaced[id(letter)] = {**current, "text": composed}
                dropped.add(id(accent))
            break
    return [replaced.get(id(c), c) for c in chars if id(c) not in dropped]


def _letters_near(letters: list[Char], starts: list[float], x: float, size: float) -> list[Char]:
    import bisect

    low = bisect.bisect_left(starts, x - 2 * size)
    high = bisect.bisect_right(starts, x + 0.1)
    return letters[low:high]


def repair_widths(chars: list[Char], problems: dict[str, int]) -> list[Char]:
    """Re-measure glyph widths of fonts whose every glyph overlaps the next one."""
    by_font: dict[tuple[str, float], list[tuple[Char, Char]]] = defaultdict(list)
    for before, after in itertools.pairwise(chars):
        if (
            before.get("fontname") == after.get("fontname")
            and abs(before["top"] - after["top"]) < 0.5
            and before["x0"] < after["x0"]
            and not before["text"].isspace()
        ):
            by_font[(str(before.get("fontname")), round(before.get("size", 0), 1))].append(
                (before, after)
            )
    fixes: dict[int, float] = {}
    for pairs in by_font.values():
        size = pairs[0][0].get("size", 10.0)
        overlapping = sum(1 for a, b in pairs if a["x1"] - b["x0"] > 0.15 * size)
        if len(pairs) < MIN_PAIRS_FOR_WIDTHS or overlapping < 0.5 * len(pairs):
            continue
        advances: dict[str, list[float]] = defaultdict(list)
        for a, b in pairs:
            advances[a["text"]].append(b["x0"] - a["x0"])
        typical = statistics.median(adv for values in advances.values() for adv in values)
        for a, _ in pairs:
            seen = advances[a["text"]]
            width = min(seen) if len(seen) > 1 else min(seen[0], typical)
            fixes[id(a)] = min(a["x1"] - a["x0"], width)
        problems["bad_glyph_widths"] = problems.get("bad_glyph_widths", 0) + len(pairs)
    if not fixes:
        return chars
    return [{**c, "x1": c["x0"] + fixes[id(c)]} if id(c) in fixes else c for c in chars]


def repair_chars(chars: list[Char], problems: dict[str, int]) -> list[Char]:
    """All repairs, in the order they depend on each other (doubles before widths, widths
    before the gaps between font runs)."""
    cleaned = strip_junk(chars, problems)
    cleaned = drop_doubles(cleaned, problems)
    cleaned = merge_accents(cleaned)
    return split_font_runs(repair_widths(cleaned, problems), problems)
