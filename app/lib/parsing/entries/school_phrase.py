"""A degree and its school written as one phrase, with no mark between them.

"Licence de psychologie à l'Université Rennes 2", "BTS MUC Lycée Saint-Paul", "BSc Nursing
at the University of Leeds": the heading's parts are cut at punctuation
(``entry_parts.py``), and a phrase like these stays one part, read whole as the degree with no
school. Where a part names a degree and, after it, a school by name (a school's word then a
name: capitals, a number, or the school's word an acronym), the part is cut where the school's
name begins; the linking words between ("à l'", "au", "at the", "from") belong to neither.
"""

from __future__ import annotations

import re

from app.lib.parsing.entries.entry_words import DEGREE_WORDS, SCHOOL_WORDS
from app.lib.text_forms import fold

# Words linking a degree to its school, dropped from the degree's end.
_LINKS = frozenset("a au aux at the from de du des d l - – — , : |".split())  # noqa: SIM905
# Words before a subject rather than a school.
_SUBJECT_LINKS = frozenset("in en of on".split())  # noqa: SIM905
_ELISION_RE = re.compile(r"^(?:[ldLD]['’])")


def _word(token: str) -> str:
    """A token folded to its word: "l'Université" → "universite", "B.S." → "bs"."""
    return re.sub(r"[^\w-]", "", fold(_ELISION_RE.sub("", token)))


def _named(tokens: list[str]) -> bool:
    """A school's word followed by a name, or an acronym that is one ("IUT", "IFSI")."""
    head = _ELISION_RE.sub("", tokens[0]).strip(",")
    if head.isupper() and len(head) >= 2:
        return True
    return any(t[:1].isupper() or t[:1].isdigit() for t in tokens[1:])


def split_school(text: str) -> tuple[str, str] | None:
    """``(degree, school)`` when ``text`` names a degree, then a school by name; else None."""
    tokens = text.split()
    for index, token in enumerate(tokens):
        if _word(token) not in SCHOOL_WORDS:
            continue
        before = tokens[:index]
        if not any(_word(t) in DEGREE_WORDS for t in before) or not _named(tokens[index:]):
            return None
        if before and _word(before[-1]) in _SUBJECT_LINKS:
            return None  # "Master of Science in School Psychology": the subject, not a school
        while before and (
            _word(before[-1]) in _LINKS or before[-1] in _LINKS or _ELISION_RE.fullmatch(before[-1])
        ):
            before = before[:-1]
        school = " ".join([_ELISION_RE.sub("", token), *tokens[index + 1 :]])
        return (" ".join(before), school) if before else None
    return None
