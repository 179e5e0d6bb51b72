"""Split a job offer into its sections (requirements, responsibilities, company, benefits,
process) and a section's text into items.

Ads word their headings freely, so a line counts as a heading when the heading table knows it
(``app/lib/parsing/offers/offer_headings.py``) or when it is shaped like one — short, standing alone
between blank lines, ending with a colon, in capitals or in title case — and a word of it names
the section ("The Qualifications We Need You to Possess" → requirements). A heading-shaped line
that names no section ("Connaissances particulières :") is a sub-heading: the section goes on;
but a short line opening a list outside the requirements ("Votre bagage" after the missions)
starts a part of its own (``UNNAMED``), read by its sentences' grammar like any unplaced text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.lib.parsing.offers.offer_headings import HEADING_WORDS
from app.lib.parsing.sections.headings import match_heading
from app.lib.parsing.text.text import BULLET_CHARS, clean, sentences
from app.lib.text_forms import fold

SECTIONS = ("requirements", "responsibilities", "company", "benefits", "process")
UNNAMED = "other"  # a list under a heading that names no section
# Where an unnamed list heading is a sub-heading of the section instead: what follows it in the
# requirements is still required ("Connaissances particulières" then a list).
SUB_HEADING_SECTIONS = ("header", "requirements")
# Sections whose inline form ("Missions : concevoir…") opens the section with content.
INLINE_SECTIONS = {"requirements", "responsibilities", "benefits", "process"}
_LEADING_SYMBOLS = re.compile(r"^[^\w(«\"'¿¡]+")
_BULLET_START = re.compile(rf"^\s*[{re.escape(BULLET_CHARS)}]\s*\S")
# "a • b • c" on one line, and the " * " of a list pasted onto one line.
_INLINE_BULLET = re.compile(r"\s+[•▪●◦*]\s+|\s*(?:^|\s)[•▪●◦](?=\S)")
MAX_HEADING_WORDS = 10
MAX_LIST_HEADING_WORDS = 6
MAX_SENTENCE_CASE_WORDS = 6


@dataclass
class OfferSections:
    """Every line of the offer in order, tagged with its section ("header" before the first
    heading; headings themselves are left out, inline content after one is kept)."""

    tagged: list[tuple[str, str]] = field(default_factory=list)

    def get(self, name: str) -> list[str]:
        return [line for section, line in self.tagged if section == name]

    @property
    def header(self) -> list[str]:
        return self.get("header")

    def lines_outside(self, names: tuple[str, ...]) -> list[str]:
        return [line for section, line in self.tagged if section not in names]

    def lines_in(self, names: tuple[str, ...]) -> list[str]:
        return [line for section, line in self.tagged if section in names]


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]{4,}", text)]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 5 and all(c.isupper() for c in letters)


def _heading_shaped(text: str, standalone: bool) -> bool:
    """Short, no sentence end, and set apart: a colon at its end, capitals, or a title-case
    line between blank lines (``standalone``: also a short line opening a bullet list)."""
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or len(text) > 90:
        return False
    if text.endswith(":"):
        return ":" not in text[:-1] or _is_title_case(text)
    if text.endswith((".", ",", ";")) or not text[0].isupper():
        return False
    if _is_capitals(text) or (standalone and len(words) <= 8 and _is_title_case(text)):
        return True
    # French headings are often in sentence case ("À propos de la société", "Avantages du
    # poste"): a short line standing alone counts when its words name a section.
    return standalone and len(words) <= MAX_SENTENCE_CASE_WORDS and bool(section_named_by(text))


def section_named_by(text: str) -> str | None:
    """The section a free-worded heading names, from its words (``HEADING_WORDS``)."""
    folded = fold(text).replace("’", "'")
    for section, words in HEADING_WORDS:
        if any(re.search(rf"(?<![\w]){re.escape(word)}", folded) for word in words):
            return section
    return None


def classify_heading(
    line: str, *, standalone: bool, before_list: bool = False
) -> tuple[str, str] | None:
    """``(section, inline content)`` for a heading line; ``("", "")`` for a sub-heading that
    names no section; ``None`` for an ordinary line. ``before_list``: the line follows a blank
    line and opens a bullet list ("What you'll need" then "• …")."""
    if _BULLET_START.match(line):
        return None
    text = _LEADING_SYMBOLS.sub("", line.strip()).strip()
    if not text:
        return None
    known = match_heading(text, offer=True)
    if known and (not known[1] or known[0] in INLINE_SECTIONS):
        return known
    list_heading = before_list and len(text.split()) <= MAX_LIST_HEADING_WORDS
    if list_heading and text[0].isupper() and not text.endswith((".", ",", ";")):
        # A list's own heading: the section it names, else a part of the job no table knows
        # ("Votre bagage", "Your toolbox"), read by its sentences' grammar (offer_cues.py).
        return section_named_by(text) or UNNAMED, ""
    if not _heading_shaped(text, standalone):
        return None
    return (section_named_by(text) or "", "")


def split_sections(lines: list[str]) -> OfferSections:
    sections = OfferSections()
    current = "header"
    for index, line in enumerate(lines):
        blank_before = index == 0 or not lines[index - 1].strip()
        blank_after = index + 1 >= len(lines) or not lines[index + 1].strip()
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        heading = classify_heading(
            line,
            standalone=blank_before and blank_after,
            before_list=blank_before and bool(_BULLET_START.match(next_line)),
        )
        if heading is not None and heading[0] == UNNAMED and current in SUB_HEADING_SECTIONS:
            heading = ("", "")
        if heading is None or (heading[0] == "" and current == "header"):
            sections.tagged.append((current, line))
            continue
        name, rest = heading
        current = name or current
        if rest:
            sections.tagged.append((current, rest))
    return sections


def prose_items(lines: list[str]) -> list[str]:
    """The items of a section's lines that are not list bullets: its paragraphs' sentences
    (and what a paragraph glues with " * ")."""
    return [
        item
        for line in lines
        if line.strip() and not _BULLET_START.match(line)
        for item in section_items([line])
    ]


def section_items(lines: list[str]) -> list[str]:
    """Bullets (wrapped lines joined back; "a • b • c" on one line split) and the sentences of
    the paragraphs in between, each cleaned of its bullet mark."""
    items: list[str] = []
    open_bullet = False
    for raw in lines:
        text = raw.strip()
        if not text:
            open_bullet = False
            continue
        parts = [p for p in _INLINE_BULLET.split(text) if clean(p)]
        if not parts:  # a bullet mark alone on its line
            continue
        if _BULLET_START.match(text):
            first = clean(re.sub(rf"^\s*[{re.escape(BULLET_CHARS)}]\s*", "", parts[0]))
            items += [first, *(clean(p) for p in parts[1:])]
            open_bullet = True
        elif open_bullet and items and (text[:1].islower() or not items[-1].endswith(".")):
            items[-1] = f"{items[-1]} {clean(parts[0])}"
            items += [clean(p) for p in parts[1:]]
        else:
            for part in parts:
                items += sentences(part)
            open_bullet = len(parts) > 1
    return [item for item in items if item]
