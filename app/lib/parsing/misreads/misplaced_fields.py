"""A job field holding another field's words: a title holding the employer's line and its place
("Self-employed, Springfield, IL — Web Designer"), an employer naming only a kind of
organisation ("AGENCE", "Cabinet": its name went elsewhere), a place holding a job title or a
scrap of text ("Lisbon, Claims Associate@ Acme", "etc."). One finding per job, its first shape.
"""

from __future__ import annotations

import re
from typing import Any

from app.lib.cv_content import CvContent, Experience
from app.lib.i18n import N_
from app.lib.parsing.entries.entry_words import COMPANY_WORDS, strong_title_words
from app.lib.parsing.fields.contact import looks_like_location
from app.lib.parsing.misreads.shapes import US_STATE_RE
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.report.report_entries import finding
from app.lib.parsing.report.report_values import ORGANISATION_WORDS, WORD_RE, names_role
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

# The parts of one heading line joined into one field ("Acme, Town, ST — Title").
PART_RE = re.compile(r"\s+[—–-]\s+")
KIND_WORDS = ORGANISATION_WORDS | COMPANY_WORDS
ARTICLES = word_set("de du des la le les l d the of")
GENERIC_WORDS = 2  # "Banque", "Groupe", "Cabinet comptable"? only one or two such words


def _place_part(part: str) -> bool:
    """A town the gazetteer knows after the part's first comma, alone or with its state
    ("Acme, Springfield, IL")."""
    pieces = [piece.strip() for piece in part.split(",")]
    for at, piece in enumerate(pieces[1:], start=1):
        state = ", ".join(pieces[at : at + 2])
        place = looks_like_location(piece) or bool(US_STATE_RE.match(state))
        if piece and place and is_known_place(piece):
            return True
    return False


def title_holds_place(title: str) -> bool:
    """A title of several parts ("A, Town, ST — B") one of which holds a place: the whole
    heading line (employer, place, title) read as the title."""
    parts = [part.strip() for part in PART_RE.split(title) if part.strip()]
    return len(parts) >= 2 and any(_place_part(part) for part in parts)


def generic_company(company: str) -> bool:
    """ "AGENCE", "Cabinet", "The Agency": words saying what kind of organisation, no name (a
    number is one: "Studio 9")."""
    found = [w for w in WORD_RE.findall(fold(company)) if w not in ARTICLES]
    return 0 < len(found) <= GENERIC_WORDS and all(w in KIND_WORDS for w in found)


def location_not_place(location: str) -> bool:
    """A place field holding a job title or a handle ("Lisbon, Claims Associate@ Acme"), or
    lowercase text naming no place ("etc.")."""
    text = location.strip()
    if not text:
        return False
    parts = [part.strip() for part in text.split(",") if part.strip()]
    titled = any("@" in p or names_role(p) or strong_title_words(p) for p in parts)
    known = is_known_place(text.title()) or looks_like_location(text)
    return titled or (not any(c.isupper() for c in text) and not known)


def _finding(code: str, template: str, index: int, job: Experience, name: str) -> dict[str, Any]:
    """Told, not asked: on CVs nobody here had read, these shapes named as many jobs read right
    as misread, and every misread they named another flag named too (bench/BLIND.md, the
    detectors one at a time); the review still shows them beside the field."""
    value = getattr(job, name)
    return finding(
        code, template, f"experience[{index}].{name}", job.id, value,
        number=index + 1, text=value[:120],
    ) | {"severity": "info"}  # fmt: skip


def misplaced_findings(content: CvContent) -> list[dict[str, Any]]:
    out = []
    for index, job in enumerate(content.experience):
        if title_holds_place(job.title):
            out.append(
                _finding(
                    "title_holds_place",
                    N_("Experience %(number)s: the job title “%(text)s” holds a place: the "
                       "employer's line may have been read into it."),
                    index, job, "title",
                )
            )  # fmt: skip
        elif generic_company(job.company):
            out.append(
                _finding(
                    "company_is_generic",
                    N_("Experience %(number)s: the employer “%(text)s” says what kind of "
                       "organisation it is, not which: its name may be in another line."),
                    index, job, "company",
                )
            )  # fmt: skip
        elif location_not_place(job.location):
            out.append(
                _finding(
                    "location_not_place",
                    N_("Experience %(number)s: the place “%(text)s” holds a job title or a "
                       "scrap of text, not a place."),
                    index, job, "location",
                )
            )  # fmt: skip
    return out
