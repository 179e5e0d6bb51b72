"""Is this a word? Evidence for repairing a text layer (lost glyphs, hyphenated line ends,
glued font runs), from a compact FR/EN word list plus the document's own words.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.

Why both sources: the built-in list (``lexicon_words.py``) knows the common words and CV
vocabulary of both languages; the document knows its own names and jargon ("Kubernetes", a
school's name), which no list has, and a word broken in one place is often whole in another.
A character trigram model of the same words scores strings no list holds ("how French or English
does this look?"), to rank candidates when no candidate is a known word.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache

from app.lib.text_forms import fold

from .lexicon_words import ENGLISH, ENGLISH_MORE, ENGLISH_TECH
from .lexicon_words_fr import FRENCH, FRENCH_MORE

# Inflections as (ending, replacements): "managed" → "manage"/"manag", "formées" → "former".
# One ending is removed at most; what remains must keep MIN_STEM letters.
SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("ements", ("er", "e", "")),
    ("ement", ("er", "e", "")),
    ("ments", ("", "e")),
    ("ment", ("", "e")),
    ("ations", ("er", "e", "")),
    ("ation", ("er", "e", "")),
    ("ions", ("", "e")),
    ("ing", ("", "e")),
    ("ers", ("", "e")),
    ("ées", ("er",)),
    ("ée", ("er",)),
    ("és", ("er",)),
    ("é", ("er",)),
    ("ant", ("er", "")),
    ("aux", ("al",)),
    ("ives", ("if",)),
    ("ive", ("if",)),
    ("elle", ("el",)),
    ("ère", ("er",)),
    ("ness", ("",)),
    ("ally", ("al", "")),
    ("ly", ("", "le")),
    ("ed", ("", "e")),
    ("er", ("", "e")),
    ("es", ("", "e")),
    ("s", ("",)),
    ("x", ("",)),
    ("e", ("",)),
)
MIN_STEM = 3
MIN_DOCUMENT_WORD = 4  # shorter words of the document are too often fragments or initials
LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def letter_runs(text: str) -> list[str]:
    """The words of a text: runs of letters (an apostrophe inside a word kept)."""
    return LETTERS.findall(text)


def stems(word: str) -> Iterator[str]:
    """``word`` and what it may be an inflection of."""
    yield word
    for ending, replacements in SUFFIXES:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            base = word[: -len(ending)]
            for replacement in replacements:
                yield base + replacement


@cache
def _builtin() -> frozenset[str]:
    return frozenset((ENGLISH + ENGLISH_MORE + ENGLISH_TECH + FRENCH + FRENCH_MORE).split())


@cache
def _builtin_trigrams() -> Counter[str]:
    counts: Counter[str] = Counter()
    for word in _builtin():
        counts.update(trigrams(word))
    return counts


def trigrams(word: str) -> Iterator[str]:
    """The word's letter trigrams, folded, with start and end marks: "^^c", "^ca", ..."""
    padded = f"^^{fold(word)}$"
    for index in range(len(padded) - 2):
        yield padded[index : index + 3]


class Vocabulary:
    """The built-in list plus ``document_words`` (the readable words of the PDF being read)."""

    def __init__(self, document_words: Iterable[str] = ()) -> None:
        own = Counter(
            w.lower() for w in document_words if len(w) >= MIN_DOCUMENT_WORD and w.isalpha()
        )
        self.words = _builtin() | frozenset(own)
        self.folded = frozenset(fold(w) for w in self.words)
        self.trigrams = Counter(_builtin_trigrams())
        for word, count in own.items():
            for gram in trigrams(word):
                self.trigrams[gram] += count
        self.bigrams: Counter[str] = Counter()
        for gram, count in self.trigrams.items():
            self.bigrams[gram[:2]] += count
        self.alphabet = max(len({g[2] for g in self.trigrams}), 1)

    def known(self, word: str) -> float:
        """1 for a known word (or an inflection of one), ½ when known only without its accents
        (a wrong accent is a near miss), 0 otherwise."""
        lower = word.lower()
        if len(lower) < 2 or not lower.replace("'", "").replace("’", "").isalpha():
            return 0.0
        if any(stem in self.words for stem in stems(lower)):
            return 1.0
        if any(stem in self.folded for stem in stems(fold(lower))):
            return 0.5
        return 0.0

    def plausibility(self, word: str) -> float:
        """Mean log-probability of the word's letter trigrams (add-one smoothing): about -2 for
        ordinary words, -5 and below for letter salad."""
        grams = list(trigrams(word))
        total = sum(
            math.log((self.trigrams[g] + 1) / (self.bigrams[g[:2]] + self.alphabet)) for g in grams
        )
        return total / max(len(grams), 1)
