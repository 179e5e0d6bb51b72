"""Words quoted from a document, checked to be in it: a requirement in the ad's own words, a
piece of evidence in the CV's own words.

``find_in`` gives back a phrase *as the source writes it*: readers straighten quotes, fold
case and join lines, so a requirement the offer reader returns ("esprit d'équipe") is looked up
in the ad with those differences allowed, and the ad's own span (with its "’") is what the
ledger shows. ``quote_of`` cuts the sentence of a field that carries what was found, never
joining two fields: a quote is always one piece of the CV, a substring of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

QUOTE_CHARS = 220
# Characters readers write one way for several: apostrophes, quotes, dashes, bullets.
_VARIANTS = {
    "'": "['’‘ʼ`´]",
    "’": "['’‘ʼ`´]",
    "‘": "['’‘ʼ`´]",
    '"': '["“”«»]',
    "“": '["“”«»]',
    "”": '["“”«»]',
    "-": "[-‐‑‒–—]",
    "–": "[-‐‑‒–—]",
    "—": "[-‐‑‒–—]",
}
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[•·▪]\s+")


def squash_spaces(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=4096)
def _pattern(phrase: str) -> re.Pattern[str] | None:
    parts: list[str] = []
    for char in squash_spaces(phrase):
        if char == " ":
            parts.append(r"\s+")
        else:
            parts.append(_VARIANTS.get(char, re.escape(char)))
    if not parts:
        return None
    return re.compile("".join(parts), re.IGNORECASE)


def find_in(phrase: str, source: str) -> str | None:
    """``phrase`` as ``source`` writes it (its case, apostrophes, dashes and line breaks,
    spaces squashed), or None when the source does not hold it."""
    pattern = _pattern(phrase.strip())
    if pattern is None:
        return None
    found = pattern.search(source)
    return squash_spaces(found.group()) if found else None


def holds(fields: Iterable[str], quote: str) -> bool:
    """Whether ``quote`` (spaces squashed) is a substring of one of ``fields``: the check every
    quote of the ledger passes before it is shown."""
    wanted = squash_spaces(quote)
    return bool(wanted) and any(wanted in squash_spaces(f) for f in fields)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def quote_of(field: str, weight: Callable[[str], float]) -> str:
    """The sentence of ``field`` that ``weight`` rates highest (the first on ties), cut at a
    word to ``QUOTE_CHARS``: a substring of the field, spaces squashed."""
    parts = sentences(field) or [field]
    best = max(parts, key=lambda s: (weight(s), -parts.index(s)))
    best = squash_spaces(best)
    if len(best) <= QUOTE_CHARS:
        return best
    cut = best[:QUOTE_CHARS].rsplit(" ", 1)[0]
    return cut or best[:QUOTE_CHARS]
