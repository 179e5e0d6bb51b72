"""Which lines of the source text landed in the structured CV, and which did not.

Parser-agnostic on purpose: the same check runs on what the rule-based parser and the LLM
produce. Both sides are reduced to folded word tokens (accents, case, punctuation, date words
and small function words ignored, so "janv. 2020" matches a stored "2020-01"). A source line is
placed when most of its words are found in ONE item of the CV (an experience, the header, the
skills, …): a lost bullet whose common words are scattered over several jobs still counts as
lost. Headings, bullet marks and lines that only repeat contact data are not content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.parsing.dates.date_tokens import MONTHS
from app.lib.parsing.sections.headings import match_heading
from app.lib.parsing.text.text import strip_bullet, word_set
from app.lib.text_forms import fold

PLACED_SHARE = 0.6  # of a line's words found in one item of the CV
WORD_RE = re.compile(r"[^\W_]+")
# Contact data a header line may repeat (the header item's own checks report a missing one).
CONTACT_RE = re.compile(
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<link>(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*)"
    r"|(?P<digits>\(?\+?\(?\d[\d\s().-]{6,}\d)",  # a phone number, or a date range
    re.IGNORECASE,
)
PHONE_DIGITS = 8
YEAR_RANGE_RE = re.compile(r"\s*(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)\d\d\s*")  # 8 digits, not a phone


# The month names and abbreviations the date parser reads (dates are stored normalised).
MONTH_WORDS = frozenset(MONTHS)
# Words that carry no content of their own: function words, date words (dates are stored
# normalised), contact labels, page furniture and the labels of the CEFR language grid.
IGNORED_WORDS = MONTH_WORDS | word_set(
    "a an and as at by de des du en et for from in into la le les of on or par pour sur the to "
    "un une with au aux avec dans chez my mon ma mes our nos notre votre present aujourd hui "
    "actuellement current currently now today since depuis jusqu ongoing ce jour date until "
    "till email mail tel telephone phone mobile portable adresse address linkedin github site "
    "web website page curriculum vitae cv resume ans mois years year months month yrs "
    "understanding speaking writing reading listening spoken production interaction "
    "comprehension comprendre parler ecrire lire ecouter mother tongue tongues number numero"
)
# Personal details a CV may give and the structure has no field for (date of birth,
# nationality, driving licence…): like contact data, not content that can be lost.
LEAD_RE = re.compile(r"^[\W_]+")  # icons and marks before a label
PERSONAL_DETAIL_RE = re.compile(
    r"^(?:date of birth|birth ?date|born|dob|nee?s? le|date de naissance|age|nationality|"
    r"nationalite|gender|sex|sexe|marital status|situation (?:familiale|de famille)|"
    r"permis|driving licen[cs]e|driver'?s licen[cs]e|visa|work permit)\b",
)


@dataclass
class Coverage:
    """``placed_share``: share of the source's content words (by length) that landed in the
    CV; ``unplaced``: the lines that did not, as written, in document order."""

    placed_share: float | None
    unplaced: list[str] = field(default_factory=list)
    content_lines: int = 0


def words(text: str) -> list[str]:
    """Significant folded tokens of ``text``. Numbers of one or two digits (days, months,
    "Dec 23") are left out: the structure stores dates as ``YYYY-MM``."""
    return [
        w
        for w in WORD_RE.findall(fold(text))
        if (len(w) > 2 or (len(w) == 2 and not w.isdigit())) and w not in IGNORED_WORDS
    ]


def _without_contact(match: re.Match[str]) -> str:
    digits = match["digits"]
    if digits is not None and (
        sum(c.isdigit() for c in digits) < PHONE_DIGITS or YEAR_RANGE_RE.fullmatch(digits)
    ):
        return digits  # "2019 - 2022" is not a phone number
    return " "


def _contact_free(line: str) -> str:
    """The line without emails, links and phone numbers (a contact-only line becomes empty)."""
    return CONTACT_RE.sub(_without_contact, line)


def _texts(value: Any) -> Iterator[str]:
    """Every string inside a dumped CV item (fields, bullets, skills…)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _texts(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _texts(inner)


def keyed_bags(content: CvContent) -> list[tuple[str, frozenset[str]]]:
    """One bag of words per item a source line may land in, with the item's key: the header,
    the summary, each experience, project and degree (``experience:<id>``…), and each list
    section as a whole (a "Python, Go, Docker" line spans many skills)."""
    data = content.to_json()
    extras = data.pop("extras")
    items: list[tuple[str, Any]] = [
        ("header", data["header"]),
        ("summary", data["summary"]),
        ("skills", data["skills"]),
        ("languages", data["languages"]),
    ]
    for section in ("experience", "projects", "education"):
        items += [(f"{section}:{entry.get('id', '')}", entry) for entry in data[section]]
    items += list(extras.items())
    return [
        (key, frozenset(w for text in _texts(item) for w in words(text))) for key, item in items
    ]


def content_bags(content: CvContent) -> list[frozenset[str]]:
    return [bag for _, bag in keyed_bags(content)]


def _best_share(line_words: set[str], bags: list[frozenset[str]]) -> float:
    return max((len(line_words & bag) / len(line_words) for bag in bags), default=0.0)


def content_words(raw: str, skip: frozenset[str] = frozenset()) -> tuple[str, set[str]] | None:
    """(the line as written, its significant words) when ``raw`` is content: not blank, not a
    heading, not only contact data or bullet marks, not one of ``skip`` (folded lines)."""
    line = " ".join(strip_bullet(raw).split())
    if not line or fold(line) in skip or PERSONAL_DETAIL_RE.match(LEAD_RE.sub("", fold(line))):
        return None
    heading = match_heading(line)
    if heading is not None:
        line = heading[1]  # "Langues : anglais" → "anglais"; a bare heading → ""
    line_words = set(words(_contact_free(line)))
    return (line, line_words) if line_words else None


def source_lines(text: str, skip: frozenset[str] = frozenset()) -> list[tuple[str, set[str]]]:
    """``content_words`` of every line of ``text`` that is content."""
    return [found for raw in text.splitlines() if (found := content_words(raw, skip))]


def coverage(text: str, content: CvContent, skip: frozenset[str] = frozenset()) -> Coverage:
    """Which content lines of ``text`` are in ``content``; ``skip``: folded lines reported
    elsewhere (an unrecognised section's lines)."""
    lines = source_lines(text, skip)
    if not lines:
        return Coverage(placed_share=None)
    bags = content_bags(content)
    total = placed = 0
    unplaced: list[str] = []
    for line, line_words in lines:
        weight = sum(len(w) for w in line_words)
        total += weight
        if _best_share(line_words, bags) >= PLACED_SHARE:
            placed += weight
        elif line not in unplaced:
            unplaced.append(line)
    return Coverage(placed / total if total else None, unplaced, len(lines))
