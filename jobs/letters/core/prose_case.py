"""Names and job titles as a sentence writes them, whatever case the CV or the ad used.

CVs and ads write headings, employers and titles in capitals ("DÉVELOPPEUR/INTÉGRATEUR WEB",
"ALSTOM CRESPIN SAS"); pasted into a letter's sentence they read as shouting. A word in capitals
that a dictionary knows, or a long coined one, is written as a name ("Alstom Crespin SAS");
short coined ones stay, they are acronyms ("SNCF", "UTAC"). In a French sentence a job title is
in lower case ("développeur/intégrateur web"), in an English one its words are capitalised.
A title that opens on its contract ("Alternance au poste de X", "Stage : X", "Internship - X")
is the role with the contract after it ("X en alternance"). Only the case and that order change:
every word is the CV's or the ad's (the letter's fact guard checks names case-blind).
"""

from __future__ import annotations

import re
from functools import cache

from app.lib.pdf_read.lexicon_words import ENGLISH, ENGLISH_MORE
from app.lib.pdf_read.lexicon_words_fr import FRENCH, FRENCH_MORE
from app.lib.text_forms import fold

_CAPS_WORD = re.compile(r"\b[A-ZÀ-Ý][A-ZÀ-Ý'’&-]*[A-ZÀ-Ý]\b")
COINED_NAME_LETTERS = 6  # a coined word this long in capitals is a name, not an acronym
# A title that opens on its contract, in either language (the CV's may not be the letter's).
CONTRACT_FIRST = re.compile(
    r"(?i)^(?P<kind>alternance|apprentissage|stage|internship|apprenticeship|work[- ]study)\s*"
    r"(?:au poste d[e']|en tant que|comme|de|d'|as|in|:|-|–)?\s*(?P<role>.+)$"
)
CONTRACT_AFTER = {
    "fr": {"alternance": "en alternance", "apprentissage": "en alternance", "stage": "en stage",
           "internship": "en stage", "apprenticeship": "en alternance", "work": "en alternance"},
    "en": {"alternance": "(apprenticeship)", "apprentissage": "(apprenticeship)",
           "stage": "(internship)", "internship": "(internship)",
           "apprenticeship": "(apprenticeship)", "work": "(work-study)"},
}  # fmt: skip
SMALL_WORDS = frozenset(
    re.findall(r"\S+", "de des du d la le les l et en à au aux of and the for in on to a an")
)
# A headline that lists fields ("DÉVELOPPEMENT · FONCTIONNEL · DATA") is no job title.
LIST_SEPARATORS = re.compile(r"\s[·|•]\s")


@cache
def dictionary_words() -> frozenset[str]:
    words = f"{ENGLISH} {ENGLISH_MORE} {FRENCH} {FRENCH_MORE}".split()
    return frozenset(fold(w) for w in words)


def _is_word(caps: str) -> bool:
    """A word in capitals written as a name: a long coined one ("L'OREAL"), or one with a
    dictionary word among its parts ("D'INGÉNIEUR"). Two letters are an acronym ("IT", "US")
    unless a small word ("OF", "ET"); so are short parts joined ("VT-RT-PT", "R&D")."""
    parts = re.findall(r"[A-Za-zÀ-ÿ]+", caps)
    if any(len(p) > 2 for p in parts) and sum(map(len, parts)) >= COINED_NAME_LETTERS:
        return True
    return any(_dictionary_part(p) for p in parts if len(p) > 1)


def _dictionary_part(part: str) -> bool:
    folded = fold(part)
    return folded in dictionary_words() and (len(part) > 2 or folded in SMALL_WORDS)


def _capitalised(word: str) -> str:
    if fold(word) in SMALL_WORDS:
        return word.lower()
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[:1] + m.group(0)[1:].lower(), word)


def prose_name(name: str) -> str:
    """An employer's or a school's name as a sentence writes it ("Alstom Crespin SAS")."""
    return _CAPS_WORD.sub(
        lambda m: _capitalised(m.group(0)) if _is_word(m.group(0)) else m.group(0), name
    )


def prose_person(name: str) -> str:
    """A person's name as a sentence writes it: every word in capitals is a name, never an
    acronym ("JANE Doe", "Jane DOE" → "Jane Doe"; "Jean DE LA FONTAINE" → "Jean de la
    Fontaine"); an initial stays ("J. R. R.")."""
    return _CAPS_WORD.sub(lambda m: _capitalised(m.group(0)), name)


def prose_title(title: str, language: str) -> str:
    """A job title inside a sentence of ``language`` ("fr": lower case; "en": capitalised),
    the contract it opens on moved after it; "" for a list of fields."""
    text = title.strip()
    if LIST_SEPARATORS.search(text):
        return ""
    after = ""
    contract = CONTRACT_FIRST.match(text)
    if contract:
        kind = re.split(r"[\s-]", fold(contract.group("kind")))[0]
        after = CONTRACT_AFTER.get(language, CONTRACT_AFTER["en"]).get(kind, "")
        text = contract.group("role").strip(" :-–")
    caps = _CAPS_WORD.findall(text)
    if caps and any(_is_word(c) for c in caps):
        if language == "fr":
            text = _CAPS_WORD.sub(
                lambda m: m.group(0).lower() if _is_word(m.group(0)) else m.group(0), text
            )
        else:
            text = _CAPS_WORD.sub(
                lambda m: _capitalised(m.group(0)) if _is_word(m.group(0)) else m.group(0), text
            )
    words = text.split()
    if (
        language == "fr"
        and words
        and words[0][1:].islower()
        and not any(w[:1].isupper() for w in words[1:])
    ):
        text = text[:1].lower() + text[1:]  # "Développeur web" → "développeur web" mid-sentence
    return f"{text} {after}".strip()
