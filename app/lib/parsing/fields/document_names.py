"""The PDF's own metadata as a second reading of the candidate's name.

Word, Google Docs, Canva and LaTeX classes fill the document's Author (the account owner) and
Title ("CV - Jean DUPONT", "Resume Jane Roe"). It is noisy: a template's name ("John Doe"), a
parent's, a school's or a shop's account, "LENOVO", a design's title. So it never supplies a
name: it only confirms one the page itself shows, every word of it (case, accents and order
aside), so that a relative sharing the surname or a title naming more than the name confirms
nothing it does not spell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.lib.text_forms import fold

MIN_AGREEING_WORDS = 2  # a first name or a surname alone is a relative's as often as hers
MAX_FIELD_CHARS = 200  # longer is no name field (a description, a keyword list)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", fold(text)) if len(w) >= 2]


def confirmed_by_document(candidate: str, document_names: Sequence[str]) -> bool:
    """Does one of the document's name fields spell every word of ``candidate`` (two words
    at least)?"""
    own = set(_words(candidate))
    if len(own) < MIN_AGREEING_WORDS:
        return False
    return any(
        own <= set(_words(field)) for field in document_names if len(field) <= MAX_FIELD_CHARS
    )
