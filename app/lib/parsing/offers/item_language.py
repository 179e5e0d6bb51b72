"""The language of one short line of an ad (a requirement, a mission): French or English by
the words each language's list knows and the other's does not (the FR/EN lists of
``app/lib/pdf_read/lexicon_words*.py``), for lines too short for language detection."""

from __future__ import annotations

import re
from functools import cache

from app.lib.pdf_read.lexicon_words import ENGLISH, ENGLISH_MORE
from app.lib.pdf_read.lexicon_words_fr import FRENCH, FRENCH_MORE
from app.lib.text_forms import fold

_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_MARGIN = 2  # words one language knows more than the other


@cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    english = frozenset(fold(w) for w in f"{ENGLISH} {ENGLISH_MORE}".split())
    french = frozenset(fold(w) for w in f"{FRENCH} {FRENCH_MORE}".split())
    return english - french, french - english


def item_language(text: str) -> str | None:
    """ "fr", "en", or None when the line does not tell."""
    english, french = _lists()
    words = [fold(w) for w in _WORD.findall(text)]
    en = sum(w in english for w in words)
    fr = sum(w in french for w in words)
    if abs(en - fr) < MIN_MARGIN:
        return None
    return "en" if en > fr else "fr"
