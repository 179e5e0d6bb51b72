"""Education entries that are no degree: a page's footer or header repeated on every page
("CV – Name", "Page 1/2", "© European Union", a link), read as an entry because it sits
between dated lines. Such an entry holds the candidate's name, a document's word, or a value
with a contact, address, personal or footer shape (fields/value_kinds.py) where the degree or
the school goes. An entry with no date and no degree or school word whose degree is a language
alone, a skill the vocabulary knows ("Teamwork") or a sentence told in the first person is a
neighbouring list's line read into the section: no degree either.
"""

from __future__ import annotations

import re

from app.lib.cv_content import Education
from app.lib.parsing.entries.roles import DEGREE_WORDS, SCHOOL_WORDS
from app.lib.parsing.fields.languages import language_key
from app.lib.parsing.fields.skills_vocab import is_known_skill
from app.lib.parsing.fields.value_kinds import PERSONAL_KINDS, value_kind
from app.lib.parsing.sections.section_skills import SENTENCE_WORDS
from app.lib.parsing.text.text import FIRST_PERSON_RE, clean, word_set
from app.lib.text_forms import fold

DOCUMENT_WORDS = word_set("cv resume résumé curriculum vitae vitæ page lebenslauf")
PAGE_KINDS = {"email", "link", "phone", "footer"}
NOISE_KINDS = {*PAGE_KINDS, "address", *PERSONAL_KINDS}
# Words that make an entry a course of study though no degree word names it.
STUDY_WORDS = (
    DEGREE_WORDS
    | SCHOOL_WORDS
    | word_set(
        "formation formations certification certifications certificat certificate titre programme "
        "program course cours training etudiant student diploma diplome"
    )
)


def _document_value(value: str, name_words: set[str]) -> bool:
    words = set(fold(value).replace("–", " ").replace("-", " ").split())
    if not words:
        return False
    kind = value_kind(value)
    if kind in NOISE_KINDS:  # an address or a personal fact beside a school's name is its own
        return kind in PAGE_KINDS or not _study(value)
    # "Jeanne Morel", "CV Jeanne Morel", "Résumé": the name and the document's words only.
    return words <= (name_words | DOCUMENT_WORDS) and bool(words & (name_words | DOCUMENT_WORDS))


def _study(text: str) -> bool:
    return any(word in STUDY_WORDS for word in re.split(r"[\s,/()'’:-]+", fold(text)))


def _neighbour_line(entry: Education) -> bool:
    """No date, no word of study, and a degree that is a language ("Swedish"), a known skill
    ("Teamwork") or a first-person sentence."""
    if entry.start or entry.end or entry.current:
        return False
    if _study(f"{entry.degree} {entry.institution} {entry.field}"):
        return False
    value = clean(entry.degree or entry.institution)
    told = bool(FIRST_PERSON_RE.search(value)) and len(value.split()) >= SENTENCE_WORDS
    return bool(language_key(value)) or is_known_skill(value) or told


def is_noise(entry: Education, name: str) -> bool:
    """A footer or a page header read as a degree (its degree or school is one), or a
    neighbouring list's line (``_neighbour_line``)."""
    name_words = set(fold(name).split())
    values = [v for v in (entry.degree, entry.institution) if clean(v)]
    return any(_document_value(v, name_words) for v in values) or _neighbour_line(entry)


def entry_lines(entry: Education) -> list[str]:
    """The entry's text, for the import report's unplaced lines."""
    values = [entry.degree, entry.institution, entry.location, entry.description]
    return [clean(v) for v in values if clean(v)]
