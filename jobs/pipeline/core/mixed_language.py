"""Words of the other language inside a sentence: "Réduise la p95 latency", a French sentence
with an English word a French reader would not write (the local 1.5B model does this).

A word is foreign to a sentence written in ``target`` when the target language's word list
(pyspellchecker's frequency dictionaries) does not know it and the other language's does. Words
a job seeker does write in either language are never foreign: names (capitalised inside the
sentence), technical tokens (digits, dots, ``+``, ``#``), the job vocabulary's tool names
(``app/lib/matching/vocabulary_data.py``: "Power BI", "Google Analytics"), and the words the
caller allows (the offer's own words, and the source CV's when it is in the target language:
its author's "reporting" or "dashboard").

One foreign word in a short sentence, or two in any, break it: long French sentences carry an
English word or two ("un framework maison") that a short one cannot hide.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import cache

from spellchecker import SpellChecker

from app.lib.matching.vocabulary import default_vocabulary
from app.lib.text_forms import fold
from jobs.pipeline.core.text import sentences

SHORT_SENTENCE_WORDS = 8  # up to this many words, one foreign word is enough
MIN_FOREIGN_WORDS = 2
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\S+")
_PLAIN_RE = re.compile(r"[^\W\d_]{3,}")
_WORDS_RE = re.compile(r"[^\W\d_]{2,}")
OTHER = {"fr": "en", "en": "fr"}
# English function words too short for the dictionaries' test and never French: "Return
# Forecasting of … : Rang 11/51" is an English line with one word translated. (French ones are
# not listed: "de", "la", "en" sit inside the names an English CV keeps.)
_SHORT_ENGLISH = frozenset({"of", "to", "at", "by", "is", "it", "we", "be"})  # not "on", "an", "as"


@cache
def _dictionary(language: str) -> SpellChecker:
    return SpellChecker(language=language, distance=1)


@cache
def _tool_words() -> frozenset[str]:
    """Every word of the job vocabulary's tool names ("Power BI", "Google Analytics"),
    folded: a tool is written the same in every language."""
    vocabulary = default_vocabulary()
    return frozenset(
        word
        for concept, forms in vocabulary.labels.items()
        if vocabulary.is_tool(concept)
        for form in forms
        if form != form.lower()  # a product's name ("Power BI"), not a phrase about it
        for word in re.findall(r"[a-z]+", fold(form))
    )


def _phrase_words(text: str) -> frozenset[str]:
    """The words of the vocabulary's phrases ``text`` uses ("supply chain", "growth hacking"):
    set phrases a French CV borrows whole. A single word ("latency") has a translation."""
    vocabulary = default_vocabulary()
    found = (vocabulary.form_in(c, text) for c in vocabulary.concepts_in(text))
    return frozenset(
        word for form in found if form and len(form.split()) > 1 for word in words_of(form)
    )


def words_of(text: str) -> frozenset[str]:
    """The folded plain words of ``text`` (what ``allowed`` expects)."""
    return frozenset(fold(w) for w in _WORDS_RE.findall(unicodedata.normalize("NFC", text)))


def foreign_words(text: str, target: str, allowed: Collection[str] = ()) -> list[str]:
    """The words of ``text`` that belong to the other language than ``target`` ("fr"/"en")."""
    other = OTHER.get(target)
    if other is None:
        return []
    own, theirs = _dictionary(target), _dictionary(other)
    tools = _tool_words() | _phrase_words(text)
    found: list[str] = []
    for index, token in enumerate(_WORD_RE.findall(unicodedata.normalize("NFC", text))):
        if target == "fr" and token in _SHORT_ENGLISH:
            if token not in allowed:  # "Bank of X" among the CV's names may keep its "of"
                found.append(token)
            continue
        if not _PLAIN_RE.fullmatch(token) or (index and token[0].isupper()) or token.isupper():
            continue
        word = token.lower()
        key = fold(word)
        if key in allowed or key in tools or word in own or key in own:
            continue
        if word in theirs or key in theirs:
            found.append(token)
    return found


def other_script(text: str, source_text: str) -> list[str]:
    """Letters of another alphabet than the Latin one (Cyrillic, Arabic, CJK…) that the source
    CV never uses: a small model slips into its training languages mid-sentence."""
    letters = [c for c in unicodedata.normalize("NFC", text) if c.isalpha()]
    return list(
        dict.fromkeys(
            c
            for c in letters
            if not unicodedata.name(c, "LATIN").startswith("LATIN") and c not in source_text
        )
    )


def mixed(text: str, target: str, allowed: Collection[str] = ()) -> list[str]:
    """The foreign words of ``text``'s sentences that have enough of them to be broken (else
    []): "Real-Time Depth Estimation with Monocular Camera. Applied MiDaS à la détection…" is
    one bullet, two sentences, the first one English."""
    found: list[str] = []
    for part in sentences(text) or [text]:
        words = foreign_words(part, target, allowed)
        short = len(part.split()) <= SHORT_SENTENCE_WORDS
        if len(words) >= (1 if short else MIN_FOREIGN_WORDS):
            found += words
    return found


def dictionary_language(text: str) -> str:
    """ "fr" or "en" by the words only one language's word list knows ("Energy contract
    sales": three English words), "" when they do not tell: for the short noun phrases that
    carry no function word for ``text.guess_language`` to count."""
    english, french = _dictionary("en"), _dictionary("fr")
    votes = {"en": 0, "fr": 0}
    for token in _PLAIN_RE.findall(unicodedata.normalize("NFC", text)):
        word = token.lower()
        in_english, in_french = word in english, word in french or fold(word) in french
        if in_english != in_french:
            votes["en" if in_english else "fr"] += 1
    if votes["en"] == votes["fr"]:
        return ""
    return "en" if votes["en"] > votes["fr"] else "fr"
