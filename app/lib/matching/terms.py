"""Words as the matcher compares them: folded, stemmed in English and French, stop words out.

A word matches another when any of their stems agree, so "trained" meets "training" and
"utilisateurs" meets "utilisateur" whichever language the sentence is in (CVs mix both).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache

import snowballstemmer
from snowballstemmer.basestemmer import BaseStemmer

from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

# Words kept whole: "c++", "c#", "node.js", ".net", "ci/cd".
# "&" inside a word keeps a name whole: "AT&T", "R&D", "C&A" are not the languages "C" and "R".
WORD_RE = re.compile(r"[\w][\w+#./&-]*[\w+#]|[\w+#]", re.UNICODE)
# A snowball stemmer keeps the word it works on in the object: two threads sharing one (sync
# handlers run in a thread pool) corrupt each other's word (an IndexError inside the stemmer was
# seen on the offer page). One pair per thread.
_STEMMERS = threading.local()
MIN_FRENCH_STEM = 4

FUNCTION_WORDS = word_set(
    """
    a an and are as at be been by for from has have in into is it its of on or that the this
    to was were will with we you your our their they them he she his her i my me us also
    such than then there these those which who whom whose what when where while within
    de des du la le les l d un une et ou en au aux a dans par pour sur avec sans sous chez
    ce cet cette ces son sa ses leur leurs notre nos votre vos mon ma mes ton ta tes qui que
    quoi dont ou est sont etre avoir tu vous nous il elle ils elles on se s y n ne pas plus
    tres bien tout tous toute toutes j ai
    """
)


def words(text: str) -> list[str]:
    return WORD_RE.findall(fold(text))


@lru_cache(maxsize=100_000)
def stems(word: str) -> frozenset[str]:
    """The word's English and French stems (the word itself when it is not plain letters)."""
    if not word.isalpha():
        return frozenset({word})
    english, french_stemmer = _stemmers()
    french = french_stemmer.stemWord(word)
    # A short French stem meets English words by accident ("data" and "date" both give "dat").
    extra = {french} if len(french) >= MIN_FRENCH_STEM else set()
    return frozenset({english.stemWord(word), word, *extra})


def _stemmers() -> tuple[BaseStemmer, BaseStemmer]:
    """This thread's English and French stemmers."""
    pair: tuple[BaseStemmer, BaseStemmer] | None = getattr(_STEMMERS, "pair", None)
    if pair is None:
        pair = (snowballstemmer.stemmer("english"), snowballstemmer.stemmer("french"))
        _STEMMERS.pair = pair
    return pair


def is_content(word: str) -> bool:
    return word not in FUNCTION_WORDS and (len(word) > 1 or not word.isalpha())


def content_words(text: str) -> list[str]:
    return list(_content_words(text))


@lru_cache(maxsize=20_000)  # the tailoring's checks read each source sentence many times
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in words(text) if is_content(w))


def stem_set(text: str) -> frozenset[str]:
    """Every English and French stem of the text's content words."""
    return frozenset(s for w in content_words(text) for s in stems(w))


def stem_share(words: list[str], against: frozenset[str]) -> float:
    """Share of ``words`` (content words) with a stem in ``against``; 0.0 for no words."""
    if not words:
        return 0.0
    return sum(1 for w in words if stems(w) & against) / len(words)


COGNATE_PREFIX = 5  # "commercialisation"/"commercialization", "démonstrateurs"/"demonstrators"
COGNATE_RATIO = 0.75  # "concerts"/"concerts", "organisation"/"organized" by letters in common


# A source's words meet the same pool words again and again; bounded for a long-lived worker.
@lru_cache(maxsize=50_000)
def is_cognate(word: str, other: str) -> bool:
    """The same word across French and English by its letters (folded): a shared 5-letter
    start, or mostly the same letters. Says nothing of "taux" and "rate"; it only lets a
    translation be traced back to its source sentence where the two languages share a root."""
    a, b = fold(word), fold(other)
    if len(a) < 4 or len(b) < 4:
        return a == b
    prefix = COGNATE_PREFIX
    if len(a) >= prefix and len(b) >= prefix and a[:prefix] == b[:prefix]:
        return True
    return SequenceMatcher(None, a, b).ratio() >= COGNATE_RATIO


def cognate_share(words: list[str], against: Iterable[str]) -> float:
    """Share of ``words`` (4 letters or more) with a cognate among ``against``; 1.0 when no
    word is long enough to tell."""
    pool = [w for w in against if len(w) >= 4]
    long_words = [w for w in words if len(fold(w)) >= 4]
    if not long_words:
        return 1.0
    return sum(1 for w in long_words if any(is_cognate(w, p) for p in pool)) / len(long_words)


# French feminine endings and their masculine ("développeuse" / "développeur"): an ad written
# for one gender names the same job as a search written for the other.
_FEMININE = (("euse", "eur"), ("trice", "teur"), ("iere", "ier"), ("ienne", "ien"), ("ive", "if"))
SAME_STEM_SHARE = 0.7  # a shared stem covering less of the words is a coincidence ("anim")


@lru_cache(maxsize=100_000)
def word_forms(word: str) -> frozenset[str]:
    """The stems of ``word`` and of its masculine form, each long enough to name the word."""
    forms = {word}
    for feminine, masculine in _FEMININE:
        if word.endswith(feminine) and len(word) > len(feminine) + 2:
            forms.add(word[: -len(feminine)] + masculine)
    return frozenset(s for form in forms for s in stems(form) | {form})


def same_word(a: str, b: str) -> bool:
    """Two folded words are one word in different forms (plural, gender, conjugation): equal,
    or sharing a stem that covers most of the shorter ("java" is not "javascript")."""
    if a == b:
        return True
    shortest = min(len(a), len(b))
    shared = word_forms(a) & word_forms(b)
    return any(len(s) >= SAME_STEM_SHARE * shortest for s in shared)


@lru_cache(maxsize=32)
def _words_of(text: str) -> tuple[str, ...]:
    """One text's words, kept while several phrases are looked for in it."""
    return tuple(words(text))


def contains_words(text: str, phrase: str) -> bool:
    """``phrase`` appears in ``text`` as consecutive whole words, each in any of its forms."""
    wanted, found = words(phrase), _words_of(text)
    size = len(wanted)
    if not size:
        return False
    return any(
        all(same_word(found[i + j], wanted[j]) for j in range(size))
        for i in range(len(found) - size + 1)
    )
