"""Words quoted from a document, checked to be in it: a requirement in the ad's own words, a
piece of evidence in the CV's own words.

``find_in`` gives back a phrase *as the source writes it*: readers straighten quotes, fold
case and join lines, so a requirement the offer reader returns ("esprit d'équipe") is looked up
in the ad with those differences allowed, and the ad's own span (with its "’") is what the
ledger shows. ``quote_of`` cuts the sentence of a field that carries what was found, never
joining two fields: a quote is always one piece of the CV, a substring of it.

A field is not always one run of the document's text: the reader joins the pieces of an entry's
head it could not place with " — " (app/lib/parsing/entries/roles.py), and pipes, spaced dashes
and bullets separate items a line lists. A quote never crosses such a join, so what it shows
stands as such in the document. Inside a run, a line break without a sentence end is a soft wrap
("design and implement\nsystems"): a phrase across it is quoted whole, and a sentence longer
than a quote is cut around the words that show the requirement, not at its start.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Protocol

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
# Sentence ends only: a line break inside a sentence is a soft wrap.
_WRAPPED_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
# Joins between runs of the document's text: spaced em and en dashes, pipes, bullets (also at
# a line's start).
_JOIN = re.compile(r"\s+[—–|•·▪]\s+|\n\s*[•·▪\-–—*]\s+|^\s*[•·▪*]\s+")


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
    """Whether one of ``fields`` holds ``quote`` (as ``find_in`` reads it: spaces squashed,
    apostrophes, quotes and dashes in any of their forms): the check every quote of the
    ledger passes before it is shown."""
    pattern = _pattern(quote.strip())
    return pattern is not None and any(pattern.search(f) for f in fields)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def runs(field: str) -> list[str]:
    """The pieces of ``field`` that stand together in the document: split at the joins a
    reader or a list makes, never at a soft line break."""
    return [r.strip() for r in _JOIN.split(field) if r.strip()]


def pieces(field: str) -> list[str]:
    """What one quote of ``field`` can be: its sentences within its runs (a soft line break
    does not end one)."""
    return [w.strip() for r in runs(field) for w in _WRAPPED_SENTENCE_END.split(r) if w.strip()]


def _window(text: str, weight: Callable[[str], float]) -> str:
    """The stretch of ``text`` (spaces squashed) of at most ``QUOTE_CHARS``, cut at words,
    that ``weight`` rates highest: the earliest on ties, the start of the text when no
    stretch weighs anything."""
    text = squash_spaces(text)
    if len(text) <= QUOTE_CHARS:
        return text
    starts = [0] + [m.end() for m in re.finditer(" ", text)]
    best, best_weight = "", -1.0
    for start in starts:
        stretch = text[start : start + QUOTE_CHARS + 1]
        if len(stretch) > QUOTE_CHARS:
            stretch = stretch[:QUOTE_CHARS].rsplit(" ", 1)[0] or stretch[:QUOTE_CHARS]
        rated = weight(stretch)
        if rated > best_weight:
            best, best_weight = stretch, rated
        if start + QUOTE_CHARS >= len(text):
            break  # every later stretch is a tail of this one
    return best


def quote_of(field: str, weight: Callable[[str], float]) -> str:
    """The sentence of ``field`` that ``weight`` rates highest (the first on ties), or, when
    what it rates spans a soft line break, the stretch of one run that holds it; cut around
    what it rates to ``QUOTE_CHARS``. Always a substring of the field, spaces squashed."""
    lines = [s for run in runs(field) for s in sentences(run)] or [field]
    best = max(lines, key=lambda s: (weight(s), -lines.index(s)))
    if weight(best) <= 0:
        stretches = [_window(w, weight) for w in pieces(field)]
        found = max(stretches, key=lambda s: (weight(s), -stretches.index(s)), default="")
        if found and weight(found) > 0:
            return found
    return _window(best, weight)


class QuoteCheck(Protocol):
    """Whether a quote stands as such in the document the CV was read from, and the pieces
    of it each of the document's lines holds."""

    def __call__(self, quote: str) -> bool: ...

    def lines(self, quote: str) -> list[str]:
        """``quote``'s words cut where the document breaks its lines ([quote] when the
        document does not hold it or its lines are unknown)."""
        ...

    def written(self, quote: str) -> str:
        """``quote`` as the document writes it (its apostrophes, quotes and dashes: the
        reader straightens them in the fields, app/lib/parsing/text/text.py), or as it is
        when the document does not hold it."""
        ...


def line_pieces(quote: str, document: str) -> list[str]:
    """``quote``'s words cut where ``document`` (holding it as ``find_in`` reads it) breaks
    its lines; [quote] when the document does not hold it."""
    pattern = _pattern(quote.strip())
    found = pattern.search(document) if pattern is not None else None
    words = squash_spaces(quote).split(" ")
    if found is None:
        return [" ".join(words)]
    out: list[str] = []
    start = 0
    for line in found.group().split("\n"):
        count = len(line.split())
        if count:
            out.append(" ".join(words[start : start + count]))
            start += count
    return out


def _longest_standing(quote: str, stands: QuoteCheck, weight: Callable[[str], float]) -> str | None:
    if stands(quote):
        return quote
    words = squash_spaces(quote).split(" ")
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            stretch = " ".join(words[start : start + size])
            if weight(stretch) > 0 and stands(stretch):
                return stretch
    return None


def standing_part(quote: str, stands: QuoteCheck, weight: Callable[[str], float]) -> str | None:
    """The longest stretch of ``quote``'s words that ``stands`` in the document and that
    ``weight`` still rates (what made it evidence), the earliest on ties; None when no stretch
    does. A reader that pieced a field together from cells the page keeps apart (a place set
    beside a bullet's line, a second column) writes words no reader of the document sees
    together: what is quoted is only what stands as such. Of a stretch the document prints
    over several lines, the line that shows the most of what ``weight`` rates is quoted (the
    longest on ties): a page of two columns read line by line across the page interleaves
    them, so only what one line holds reads as one piece in every copy of the file's text;
    the stretch stays whole when no one line shows anything."""
    stretch = _longest_standing(quote, stands, weight)
    if stretch is None:
        return None
    lines = [p for p in stands.lines(stretch) if weight(p) > 0]
    if not lines:
        return stretch
    return max(lines, key=lambda p: (weight(p), len(p), -lines.index(p)))
