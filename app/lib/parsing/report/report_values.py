"""Shapes of field values that tell a misread entry: a date where an employer should be, a date
range inside a job's bullets (two jobs read as one), an employer's name in the place field.

Only general properties of CVs: FR/EN date words and common words naming organisations —
never a name taken from a document.
"""

from __future__ import annotations

import re

from app.lib.parsing.report.report_coverage import MONTH_WORDS
from app.lib.text_forms import fold

_MONTH = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
_PRESENT = r"present|aujourd'?hui|a ce jour|ce jour|en cours|actuellement|now|today|to date|current"
_YEAR = r"(?:19|20)\d\d"
# "2019", "Dec 23", "mars 2021", "6 months", "2 ans et 9 mois", "until now" (folded text).
DATED_RE = re.compile(
    rf"(?<!\d){_YEAR}(?!\d)"
    rf"|\b(?:{_MONTH})\.?\s*'?\d{{2}}(?:\d\d)?\b"
    r"|\b\d+\s*(?:mois|months?|mos|ans?|annees?|years?|yrs?|semaines|weeks?)\b"
    rf"|\b(?:until|jusqu'?a)\s+(?:{_PRESENT})\b|\b(?:{_PRESENT})$"
)
LEADING_DATE_RE = re.compile(rf"^(?:{_MONTH}|{_PRESENT})$")
DATE_WORD_RE = re.compile(rf"^(?:{_MONTH}|{_PRESENT}|de|du|from|since|depuis|le|la|au|a|to)$")
# A range: "2015 - 2017", "Jan 2019 – present", "de mars 2020 à juin 2021" (folded text).
RANGE_RE = re.compile(
    rf"(?:(?:{_MONTH})\.?\s*)?{_YEAR}\s*(?:-|–|—|to|a|au|until|jusqu'?(?:a|en))\s*"
    rf"(?:(?:{_MONTH})\.?\s*)?(?:{_YEAR}|{_PRESENT})\b"
)
# Words that name an organisation, not a place (FR/EN).
ORGANISATION_WORDS = frozenset(
    """hospital hopital clinic clinique university universite school ecole lycee college
    institute institut bank banque company compagnie group groupe inc ltd llc sas sarl gmbh
    corp corporation agency agence mairie ministry ministere association laboratory
    laboratoire restaurant hotel store magasin factory usine consulting conseil
    solutions technologies industries cabinet studio srl sa ag bv nv plc""".split()  # noqa: SIM905
)
# Words of a job or a contract, which an employer's name does not hold (FR/EN).
ROLE_WORDS = frozenset(
    """stage stagiaire internship intern trainee alternance alternant apprenti apprentice
    apprentissage cdi cdd interim freelance job emploi poste manager engineer ingenieur
    developer developpeur assistant assistante consultant consultante technicien technicienne
    vendeur vendeuse responsable chef charge chargee directeur directrice junior senior employee
    employe reserviste reservist""".split()  # noqa: SIM905
)
WORD_RE = re.compile(r"[^\W_]+")


FRAGMENT_RE = re.compile(r"^(?:[&,;:)/+]|(?:et|and|ou|or|de|des|du|of)\s)", re.IGNORECASE)
FRAGMENT_WORDS = 3  # a lowercase start this long is the end of a sentence, not a name


def fragment(value: str) -> bool:
    """The end of another line: "& continuous improvement", "and team lead", "des clients
    et suivi", not a name (a lowercase brand of one or two words is left alone)."""
    text = value.strip()
    lowercase_start = text[:1].islower() and len(text.split()) >= FRAGMENT_WORDS
    return bool(text) and (bool(FRAGMENT_RE.match(text)) or lowercase_start)


def blank(value: str) -> bool:
    """No letter or digit: empty, or only icon glyphs and punctuation."""
    return not any(c.isalnum() for c in value)


def looks_dated(value: str) -> bool:
    """A date, a duration or only date words ("July", "Present", "De")."""
    folded = fold(value).strip()
    if not folded:
        return False
    words = WORD_RE.findall(folded)
    return bool(DATED_RE.search(folded)) or (bool(words) and all(map(DATE_WORD_RE.match, words)))


def starts_with_date(value: str) -> bool:
    """ "Present Multi-skilled cook", "January Consultant": a date word glued before a title."""
    words = WORD_RE.findall(fold(value))
    return len(words) > 1 and bool(LEADING_DATE_RE.match(words[0]))


def has_date_range(value: str) -> bool:
    return bool(RANGE_RE.search(fold(value)))


def names_organisation(value: str) -> bool:
    return any(word in ORGANISATION_WORDS for word in WORD_RE.findall(fold(value)))


def reads_as_employer(title: str) -> bool:
    """A job title that is an organisation's name: it ends with a word naming one ("… Medical
    University") and holds no word of a job ("Bank teller" ends otherwise, "Head of school"
    would be a rare miss)."""
    words = WORD_RE.findall(fold(title))
    return bool(words) and words[-1] in ORGANISATION_WORDS and not names_role(title)


def names_role(value: str) -> bool:
    return any(word in ROLE_WORDS for word in WORD_RE.findall(fold(value)))
