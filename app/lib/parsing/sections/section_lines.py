"""Shapes of single lines in copied CV text: a job's name, a date range standing alone, a
sentence of a job's description, a degree or school word. Used by
``app/lib/parsing/sections/section_interleave.py`` and
``app/lib/parsing/sections/section_education.py`` to tell a
job's lines from a section's own.
"""

from __future__ import annotations

import re

from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.entries.entry_words import (
    DEGREE_ONLY,
    strong_title_words,
    title_score,
    words,
)
from app.lib.parsing.entries.roles import DEGREE_WORDS, SCHOOL_WORDS
from app.lib.parsing.text.runs import runs_of
from app.lib.parsing.text.text import (
    SENTENCE_END,
    clean,
    is_bullet,
    split_items,
    strip_bullet,
    word_set,
)
from app.lib.text_forms import fold

MAX_HEADING_WORDS = 12
MAX_DATE_LINE_WORDS = 10
MAX_WORDS_BESIDE_DATE = 3
PROSE_WORDS = 8
MAX_PROSE_ITEMS = 2
MODIFIER_TITLE = 1.5  # three title modifiers make a title ("Senior sales executive")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
# Words a date range may follow on its line ("De mars à juin 2021", "From May 2020 – …").
DATE_LEADS = word_set("de du des from since depuis le en in of")
# Words of a course or a training: an entry of the education section even with a job title.
TRAINING_WORDS = word_set("formation training cours course courses bootcamp")


def blocks(lines: list[str]) -> list[list[str]]:
    """Runs of lines between blank (or glyph-only) lines."""
    return runs_of(lines, lambda line: any(c.isalnum() for c in line))


def date_line(line: str) -> bool:
    """A date range standing (almost) alone: "May 2023 – today", "De mars à juillet 2022,
    Thônes"; not a sentence that mentions two years, nor "Drums since 2013"."""
    found = find_date_range(line)
    if found is None or found.single or len(line.split()) > MAX_DATE_LINE_WORDS:
        return False
    before = _WORD_RE.findall(strip_bullet(line[: found.span[0]].strip()))
    after = _WORD_RE.findall(line[found.span[1] :])
    lead = all(fold(word) in DATE_LEADS for word in before)
    return lead and len(before) + len(after) <= MAX_WORDS_BESIDE_DATE


def job_heading(line: str) -> bool:
    """A short line naming a job ("ACME Spa | Welding inspector", "Vendeuse", "Technicien
    stagiaire – Acme"): a real job-title word, no degree word, no dates (a dated one-line
    entry is an item of its own section), not a bullet or a sentence."""
    text = clean(line)
    if not text or is_bullet(line.strip()) or text.endswith(SENTENCE_END):
        return False
    if not 0 < len(text.split()) <= MAX_HEADING_WORDS:
        return False
    found = find_date_range(text)
    if found is not None and not found.single:
        return False
    if any(word in DEGREE_ONLY or word in TRAINING_WORDS for word in words(text)):
        return False
    one_part = "," not in text  # "Senior sales executive", not "Sales, support, data"
    return strong_title_words(text) >= 1 or (one_part and title_score(text) >= MODIFIER_TITLE)


def prose_line(line: str) -> bool:
    """A sentence of a job's description, not a long list of items ("Go; Java; Scala; …")."""
    text = strip_bullet(clean(line))
    return len(text.split()) >= PROSE_WORDS and len(split_items(text)) <= MAX_PROSE_ITEMS


def dated_short_line(line: str) -> bool:
    """A short line holding a date range, whatever else it names ("Centre X (2004/2005)")."""
    found = find_date_range(line)
    return found is not None and not found.single and len(line.split()) <= MAX_DATE_LINE_WORDS


def name_line(line: str) -> bool:
    """A line that can name an entry: short, not a bullet, not a sentence."""
    text = clean(line)
    return (
        bool(text)
        and not is_bullet(line.strip())
        and len(text.split()) <= MAX_HEADING_WORDS
        and not text.endswith(SENTENCE_END)
    )


def schooling(lines: list[str]) -> bool:
    """Does any of ``lines`` name a degree, a school or a training?"""
    return any(
        w in DEGREE_WORDS or w in SCHOOL_WORDS or w in TRAINING_WORDS
        for line in lines
        for w in words(line)
    )
