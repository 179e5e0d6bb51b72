"""French–English word pairs, to trace a translation back to the sentence it translates.

Cognates (``terms.is_cognate``) trace "robustesse" to "robustness" but not "soins" to "care" or
"taux" to "rate": a faithful translation then looks like a sentence with words its source lacks.
Debian's FreeDict dictionaries (``dict-freedict-fra-eng`` and ``dict-freedict-eng-fra``,
installed by ``make document-deps``) give those pairs. They are read once, as dictd files: an
index of (headword, offset, length) and a gzip body whose entries are a headword line and lines
of comma-separated translations ("1. care, concern"). Without them the lexicon is empty and a
translation is traced by its letters only: stricter, never looser.
"""

from __future__ import annotations

import gzip
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from app.lib.matching.terms import content_words, is_cognate, stems

log = logging.getLogger(__name__)

DICTIONARY_DIR = Path("/usr/share/dictd")
DICTIONARIES = ("freedict-fra-eng", "freedict-eng-fra")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_NUMBERING = re.compile(r"^\s*\d+\.\s*")
_NOTES = re.compile(r"/[^/]*/|<[^>]*>|\([^)]*\)")  # pronunciation, part of speech, glosses


def _number(code: str) -> int:
    value = 0
    for char in code:
        value = value * 64 + _B64.index(char)
    return value


def dictd_pairs(index: str, body: bytes) -> Iterator[tuple[str, str]]:
    """(headword, translation) of each entry of one dictd dictionary."""
    for line in index.splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00-database"):
            continue
        start, length = _number(parts[1]), _number(parts[2])
        lines = body[start : start + length].decode("utf-8", "replace").splitlines()
        for translation_line in lines[1:]:
            for translation in _NUMBERING.sub("", translation_line).split(","):
                cleaned = _NOTES.sub(" ", translation).strip()
                if cleaned:
                    yield parts[0], cleaned


class Lexicon:
    """Words linked to their translations, both ways (folded). A word is looked up by its own
    forms too (``terms.is_cognate`` within one language: "réduisit" finds "réduire")."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._links: dict[str, set[str]] = defaultdict(set)
        self._by_start: dict[str, set[str]] = defaultdict(set)
        for head, translation in pairs:
            self.add(head, translation)

    def add(self, head: str, translation: str) -> None:
        left, right = content_words(_NOTES.sub(" ", head)), content_words(translation)
        if not left or not right or (len(left) > 1 and len(right) > 1):
            return  # phrase to phrase: which word pairs with which is not said
        for a in left:
            for b in right:
                self._link(a, b)
                self._link(b, a)

    def _link(self, word: str, translation: str) -> None:
        self._links[word].add(translation)
        self._by_start[word[:BUCKET]].add(word)

    def __len__(self) -> int:
        return len(self._links)

    def links(self, word: str) -> frozenset[str]:
        """The words ``word`` (or another form of it) translates to, in either direction."""
        forms = [w for w in self._by_start.get(word[:BUCKET], ()) if _same_word(word, w)]
        return frozenset(t for form in forms for t in self._links[form])


BUCKET = 4  # forms of a word are looked for among the words with its first letters
START = 5  # the letters two forms of a word share, at least ("rédui": "réduisit", "réduire")
FORM_SHARE = 0.7  # of the shorter form ("vente" / "ventre", "gestion" / "gestation": no)
MIN_COGNATE_LETTERS = 6  # shorter words are cognates by accident ("vente" / "event")


@lru_cache(maxsize=50_000)  # as is_cognate: the same pairs recur from bullet to bullet
def _same_word(a: str, b: str) -> bool:
    """Two forms of one word of one language: a stem in common or a long shared start."""
    if a == b or stems(a) & stems(b):
        return True
    shared = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return shared >= START and shared >= FORM_SHARE * min(len(a), len(b))


def _cognates(a: str, b: str) -> bool:
    """The same word across the two languages, by its letters."""
    return min(len(a), len(b)) >= MIN_COGNATE_LETTERS and is_cognate(a, b)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    pairs: list[tuple[str, str]] = []
    for name in DICTIONARIES:
        index, body = DICTIONARY_DIR / f"{name}.index", DICTIONARY_DIR / f"{name}.dict.dz"
        try:
            pairs += dictd_pairs(index.read_text("utf-8"), gzip.decompress(body.read_bytes()))
        except OSError:
            log.warning(
                "%s is not installed (make document-deps): translations are traced by "
                "their letters only",
                name,
            )
    return Lexicon(pairs)


def traced(word: str, pool: list[str], lexicon: Lexicon) -> bool:
    """``word`` is in ``pool`` (a stem in common), a cognate of one of its words, or a
    dictionary translation of one."""
    if any(_same_word(word, p) or _cognates(word, p) for p in pool):
        return True
    return any(_same_word(t, p) for t in lexicon.links(word) for p in pool)


def traced_share(words: list[str], pool: list[str], lexicon: Lexicon | None = None) -> float:
    """Share of ``words`` traced to ``pool`` (0.0 for no words); a hyphenated word of either
    is also read as its parts ("real-time")."""
    if not words:
        return 0.0
    pool = list(dict.fromkeys(part for w in pool for part in (w, *w.split("-")) if part))
    lexicon = lexicon if lexicon is not None else default_lexicon()
    return sum(1 for w in words if traced(w, pool, lexicon)) / len(words)
