"""Education entries that are no degree: a page's footer or header repeated on every page
("CV – Name", "Page 1/2", "© European Union", a link), read as an entry because it sits
between dated lines. Such an entry holds the candidate's name, a document's word, or a value
with a contact or footer shape (fields/value_kinds.py) where the degree or the school goes.
"""

from __future__ import annotations

from app.lib.cv_content import Education
from app.lib.parsing.fields.value_kinds import value_kind
from app.lib.parsing.text.text import clean, word_set
from app.lib.text_forms import fold

DOCUMENT_WORDS = word_set("cv resume résumé curriculum vitae vitæ page lebenslauf")
NOISE_KINDS = {"email", "link", "phone", "footer"}


def _document_value(value: str, name_words: set[str]) -> bool:
    words = set(fold(value).replace("–", " ").replace("-", " ").split())
    if not words:
        return False
    if value_kind(value) in NOISE_KINDS:
        return True
    # "Jeanne Morel", "CV Jeanne Morel", "Résumé": the name and the document's words only.
    return words <= (name_words | DOCUMENT_WORDS) and bool(words & (name_words | DOCUMENT_WORDS))


def is_noise(entry: Education, name: str) -> bool:
    """A footer or a page header read as a degree: its degree or school is one."""
    name_words = set(fold(name).split())
    values = [v for v in (entry.degree, entry.institution) if clean(v)]
    return any(_document_value(v, name_words) for v in values)


def entry_lines(entry: Education) -> list[str]:
    """The entry's text, for the import report's unplaced lines."""
    values = [entry.degree, entry.institution, entry.location, entry.description]
    return [clean(v) for v in values if clean(v)]
