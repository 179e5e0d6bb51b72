"""Section headings of CVs and job offers, in French and English.

A heading is a short line whose folded text is a known heading ("EXPÉRIENCES PROFESSIONNELLES",
"Work history:", "— Compétences —", "Skills & Languages"), or such a heading followed by a colon
and content on the same line ("Langues : anglais courant"). The offer table lives in
``app/lib/parsing/offers/offer_headings.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.lib.parsing.offers.offer_headings import OFFER_HEADINGS
from app.lib.parsing.sections.section_words import QUALIFIERS, sections_of_words, segment_glued
from app.lib.text_forms import fold

CV_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "profil", "profile", "profil professionnel", "professional profile", "resume",
        "resume professionnel", "summary", "professional summary", "career summary",
        "executive summary", "summary of qualifications", "a propos", "a propos de moi", "about",
        "about me", "objectif", "objectif professionnel", "objective", "career objective",
        "presentation", "synthese", "en bref", "accroche", "personal statement",
        "personal profile", "qui suis-je",
    ),
    "experience": (
        "experience", "experiences", "experience professionnelle",
        "experiences professionnelles", "work experience", "professional experience",
        "employment", "employment history", "work history", "career history", "career",
        "parcours", "parcours professionnel", "historique professionnel", "emplois",
        "postes occupes", "experiences significatives", "relevant experience",
        "experience pro", "professional background", "experience recente",
        "experiences recentes", "work", "situation actuelle", "poste actuel",
        "current position", "current positions", "academic positions", "research positions",
        "positions academiques", "postes academiques",
    ),
    "education": (
        "formation", "formations", "education", "etudes", "diplomes", "diplome",
        "formation academique", "parcours academique", "parcours scolaire", "cursus",
        "academic background", "academic qualifications", "qualifications",
        "education and training", "training", "scolarite", "formation initiale",
        "formation continue",
    ),
    "skills": (
        "competences", "competence", "competences techniques", "competences cles",
        "competences professionnelles", "competences personnelles", "principales competences",
        "top skills", "savoir-faire", "savoir faire", "skills",
        "technical skills", "key skills", "core skills", "core competencies", "competencies",
        "hard skills", "soft skills", "expertise", "expertises", "domaines d'expertise",
        "areas of expertise", "outils", "tools", "technologies", "stack", "stack technique",
        "informatique", "logiciels", "software", "it skills", "computer skills",
        "connaissances", "connaissances techniques", "tech stack", "qualites", "savoir-etre",
        "strengths", "atouts", "competences informatiques",
    ),
    "languages": (
        "langues", "langue", "languages", "language", "langues etrangeres",
        "competences linguistiques", "language skills", "linguistic skills",
    ),
    "projects": (
        "projets", "projet", "projects", "project", "projets personnels", "personal projects",
        "side projects", "projets academiques", "academic projects", "realisations",
        "portfolio", "open source", "selected projects", "key projects", "projets marquants",
    ),
    "certifications": (
        "certifications", "certification", "certificats", "certificates", "certificat",
        "licences et certifications", "licenses and certifications", "accreditations",
        "habilitations",
    ),
    "awards": (
        "prix", "distinctions", "prix et distinctions", "awards", "honors", "honours",
        "awards and honors", "recompenses", "achievements", "accomplishments",
    ),
    "volunteering": (
        "benevolat", "volunteering", "volunteer", "volunteer experience", "volunteer work",
        "engagement associatif", "engagements", "activites associatives", "vie associative",
        "associatif", "community involvement",
    ),
    "publications": (
        "publications", "publication", "papers", "articles", "conferences", "talks",
    ),
    "interests": (
        "centres d'interet", "centre d'interet", "centres d'interets", "interets", "loisirs",
        "hobbies", "interests", "passions", "activites extra-professionnelles",
        "activites extra professionnelles", "extra-curricular activities", "activities",
        "activites", "divers", "personal interests", "hobbies and interests",
        "loisirs et centres d'interet",
    ),
    "contact": (
        "contact", "contacts", "coordonnees", "informations personnelles",
        "personal information", "personal details", "contact information", "contact details",
        "etat civil", "infos", "comment me contacter", "me contacter", "contactez-moi",
        "contact me", "get in touch",
    ),
    "references": ("references", "referents", "recommandations", "recommendations", "referees"),
    # The job the CV is aimed at (Europass "Poste visé"): the header's current title.
    "target_title": (
        "poste vise", "poste recherche", "emploi recherche", "desired position",
        "target position", "position sought", "job applied for",
    ),
}  # fmt: skip


_DECORATION_START = re.compile(r"^[\W\d_]+")
_DECORATION_END = re.compile(r"(?:\(s\)|[\W_])+$")
_PLURAL_MARK = re.compile(r"\(s\)")
# Accents set as separate characters (LaTeX, some PDF text layers): "Expe´rience".
_LOOSE_ACCENTS = str.maketrans("", "", "\u00b4\u0060\u00a8\u02c6\u02dc\u00b8^")
_JOINERS = re.compile(r"\s*(?:&|\+|/|,| et | and )\s*")
MAX_HEADING_WORDS = 7
MAX_HEADING_CHARS = 90


@dataclass(frozen=True)
class HeadingMatch:
    """A CV heading: every section it names ("Langues et compétences" → languages, skills) and
    the content written after a colon on the same line ("Langues : anglais")."""

    sections: tuple[str, ...]
    rest: str = ""
    column: bool = False  # a label in a left column, its content on the same line after a tab

    @property
    def section(self) -> str:
        return self.sections[0]


def _index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {variant: key for key, variants in table.items() for variant in variants}


_CV_INDEX = _index(CV_HEADINGS)
_CV_GLUED_INDEX = {variant.replace(" ", ""): key for variant, key in _CV_INDEX.items()}
_OFFER_INDEX = _index(OFFER_HEADINGS)


def _key(text: str) -> str:
    folded = fold(text.translate(_LOOSE_ACCENTS)).replace("’", "'")
    folded = _DECORATION_END.sub("", _DECORATION_START.sub("", folded))
    return " ".join(_PLURAL_MARK.sub("", folded).split())


def _letter_spaced(key: str) -> bool:
    tokens = key.split()
    return len(tokens) >= 4 and sum(len(t) == 1 for t in tokens) >= 0.7 * len(tokens)


def _words(key: str) -> list[str]:
    return key.replace("'", " ").replace(",", " , ").split()


@lru_cache(maxsize=8192)
def _cv_sections(candidate: str) -> tuple[str, ...] | None:
    found = _cv_sections_uncached(candidate)
    return tuple(found) if found else None


def _cv_sections_uncached(candidate: str) -> list[str] | None:
    """Sections named by a heading candidate: the exact table, then its parts, then its words
    (``app/lib/parsing/sections/section_words.py``); letter-spaced headings are read without
    spaces; a row of column headings cell by cell."""
    by_cells = _column_headings(candidate)
    if by_cells:
        return by_cells
    key = _key(candidate)
    if not key or (len(key.split()) > MAX_HEADING_WORDS and not _letter_spaced(key)):
        return None
    if key in _CV_INDEX:
        return [_CV_INDEX[key]]
    by_words = sections_of_words(_words(key))
    if by_words:
        return by_words
    parts = [part.strip() for part in _JOINERS.split(key) if part.strip()]
    if len(parts) > 1:
        found: list[str] = []
        for part in parts:
            section = _CV_INDEX.get(part)
            named = [section] if section else sections_of_words(_words(part))
            if named is None and not all(w in QUALIFIERS for w in _words(part)):
                return None
            found += [s for s in named or [] if s not in found]
        if found:
            return found
    glued = key.replace(" ", "")
    if glued in _CV_GLUED_INDEX:
        return [_CV_GLUED_INDEX[glued]]
    if _letter_spaced(key) or " " not in key:
        segmented = segment_glued(glued)
        return sections_of_words(segmented) if segmented else None
    return None


def _column_headings(candidate: str) -> list[str] | None:
    """ "PARCOURS SCOLAIRE<TAB>CURSUS": the headings of side-by-side columns on one line, each
    cell a heading of its own. Read as one run of words, the first cell's qualifier would be
    lost ("parcours" alone names the experience); read cell by cell, each names its section."""
    cells = [cell for cell in candidate.split("\t") if cell.strip()]
    if len(cells) < 2:
        return None
    found: list[str] = []
    for cell in cells:
        named = _cv_sections(cell)
        if not named:
            return None
        found += [section for section in named if section not in found]
    return found


def match_cv_heading(line: str) -> HeadingMatch | None:
    """The heading on ``line``, if it is one: alone on its line, or a label before a colon."""
    text = line.strip()
    if not text:
        return None
    sections = _cv_sections(text) if len(text) <= MAX_HEADING_CHARS else None
    if sections:
        return HeadingMatch(tuple(sections))
    label, tab, content = text.partition("\t")
    if tab and content.strip() and not any(c.isdigit() for c in label):
        sections = _cv_sections(label)
        if sections and match_cv_heading(content) is None:
            return HeadingMatch(tuple(sections), content.strip(), column=True)
    head, colon, rest = text.partition(":")
    if colon and rest.strip() and len(head.split()) <= 4:
        sections = _cv_sections(head)
        if sections:
            return HeadingMatch(tuple(sections), rest.strip())
    return None


def _lookup(candidate: str, index: dict[str, str]) -> str | None:
    key = _key(candidate)
    if not key or len(key.split()) > MAX_HEADING_WORDS:
        return None
    if key in index:
        return index[key]
    # "Formation & certifications", "Skills / tools": the first part names the section.
    first = _JOINERS.split(key)[0].strip()
    if first != key and first in index:
        return index[first]
    return None


def match_heading(line: str, *, offer: bool = False) -> tuple[str, str] | None:
    """``(section, rest)`` when ``line`` is a heading; ``rest`` is content after a colon. For a
    CV heading naming several sections, the first one (see ``match_cv_heading``)."""
    if not offer:
        found = match_cv_heading(line)
        return (found.section, found.rest) if found else None
    text = line.strip()
    if not text or len(text) > 70:
        return None
    section = _lookup(text, _OFFER_INDEX)
    if section is not None:
        return section, ""
    head, colon, rest = text.partition(":")
    if colon and rest.strip() and len(head.split()) <= 4:
        section = _lookup(head, _OFFER_INDEX)
        if section is not None:
            return section, rest.strip()
    return None
