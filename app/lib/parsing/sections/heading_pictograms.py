"""Headings set as pictograms: "⚙ Where I have been", "✎ Learning", or "⚙" alone.

A symbol before a few words proves nothing on one line (a pin before a town, a phone before a
number); repeated down the page, each time a different symbol with a gap above, it is how the
document sets its headings (``app/lib/parsing/sections/section_split.py`` opens a section at each).
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from app.lib.parsing.text.text import BULLET_CHARS, is_bullet

# Symbols, dingbats and private-use icons ("⚙", "✎", "★"), not letters, digits or punctuation.
PICTOGRAM_CATEGORIES = {"So", "Sm", "Sk", "Co"}
MAX_PICTOGRAM_WORDS = 5
MIN_PICTOGRAM_HEADINGS = 3


def _gap_above(lines: list[str], index: int) -> bool:
    return index == 0 or not any(c.isalnum() for c in lines[index - 1])


def pictogram_heading(line: str) -> bool:
    """ "⚙ Where I have been", or "⚙" alone: a pictogram (not a list bullet) and at most a few
    words. Alone it proves nothing; repeated down the page with a gap above, it is how the
    document sets its headings."""
    text = line.strip()
    if not text or is_bullet(text) or text[0] in BULLET_CHARS:
        return False
    if unicodedata.category(text[0]) not in PICTOGRAM_CATEGORIES:
        return False
    rest = text[1:].strip()
    return not rest or (rest[:1].isalpha() and len(rest.split()) <= MAX_PICTOGRAM_WORDS)


def pictogram_headings(lines: list[str]) -> set[int]:
    """Pictogram lines with a gap above, each with its own pictogram: one used twice marks a
    field of every entry (a pin before each place, a calendar before each date)."""
    found = [i for i, line in enumerate(lines) if pictogram_heading(line) and _gap_above(lines, i)]
    uses = Counter(lines[i].strip()[0] for i in found)
    own = {i for i in found if uses[lines[i].strip()[0]] == 1}
    return own if len(own) >= MIN_PICTOGRAM_HEADINGS else set()
