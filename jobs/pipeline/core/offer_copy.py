"""Offer-copy detection: a rewritten sentence that reads more like the job offer than like the
candidate's own item states the offer's missions, not the candidate's achievements.

Texts are compared by runs of content-word stems (bigrams and trigrams, ``app/lib/matching/
terms.py``), so a copy is found through inflection ("pipelines"/"pipeline", "conçu"/"conçus")
in English and French alike, whatever the individual words are.
"""

from __future__ import annotations

from functools import cached_property

from app.lib.matching.terms import content_words, stem_set, stem_share, stems

Gram = tuple[str, ...]
# Share of a sentence's stem n-grams found in the offer from which it counts as a copy (when the
# offer also explains it better than its own item does); a sentence of the item shares 1.0.
MIN_COPY_SHARE = 0.4
# A sentence written in another language than its item (a translated CV) shares no n-gram with
# it; its words are compared instead: the offer must hold this share of them, and that much more
# than the item does (only names, numbers and cognates cross languages, about half the words of
# a faithful translation; a copied mission shares next to none with the item).
MIN_TRANSLATED_SHARE = 0.6
TRANSLATED_LEAD = 0.4


def stem_key(word: str) -> str:
    """One stem per word, the same for its inflections ("trained", "training" → "train")."""
    return min(stems(word))


def grams(text: str) -> frozenset[Gram]:
    """Stem bigrams and trigrams of each line (a gram never spans two lines)."""
    out: set[Gram] = set()
    for line in text.splitlines():
        keys = [stem_key(w) for w in content_words(line)]
        for size in (2, 3):
            out.update(tuple(keys[i : i + size]) for i in range(len(keys) - size + 1))
    return frozenset(out)


def share(sentence: frozenset[Gram], text: frozenset[Gram]) -> float:
    return len(sentence & text) / len(sentence) if sentence else 0.0


class OfferCopy:
    """The offer's n-grams, built once per offer, on first use (verbatim source text, all the
    offline engine writes, never needs them)."""

    def __init__(self, offer_text: str) -> None:
        self.text = offer_text

    @cached_property
    def grams(self) -> frozenset[Gram]:
        return grams(self.text)

    @cached_property
    def stems(self) -> frozenset[str]:
        return stem_set(self.text)

    def copies(self, sentence: str, own: frozenset[Gram]) -> bool:
        """The sentence overlaps the offer at least ``MIN_COPY_SHARE`` and more than ``own``."""
        mine = grams(sentence)
        offer = share(mine, self.grams)
        return offer >= MIN_COPY_SHARE and offer > share(mine, own)

    def copies_translated(self, words: list[str], own_share: float) -> bool:
        """The same test for a sentence in another language than its item: ``words`` are its
        content words, ``own_share`` the share of them its item uses."""
        if not words:
            return False
        offer = stem_share(words, self.stems)
        return offer >= MIN_TRANSLATED_SHARE and offer > own_share + TRANSLATED_LEAD
