"""How likely a string is a word of a French or English CV: the cost (a negative log
probability) the letter-spacing repair (``app/lib/parsing/text/letter_spacing.py``) adds up to
choose where the words of a letter-spaced line end.

Sources:

- pyspellchecker's word-frequency lists for French and English (a dependency already, see
  ``jobs/pipeline/core/mixed_language.py``): a word costs ``-log(count / total)`` in the language
  that knows it better, so "de", "the" are cheap and "Marrakech" dear but known;
- the parsers' own CV vocabulary (months, job titles, legal forms, degrees, schools): as cheap
  as a common word, whatever its case ("GmbH", "MSc");
- the FR/EN word list of the PDF text repair (``app/lib/pdf_read/lexicon.py``), the skills the
  parsers know ("JavaScript", "Laravel") and the document's own intact words: known, at the
  cost of a rare word;
- anything else: an unseen word, whose cost grows with its length and with how unlikely its
  letter trigrams are (the same lexicon's model), so that one unknown name costs less than a
  salad of rare short words, and a long run of known words less than one unknown word.

A case change inside a word ("eWay", "HCIACloud") is dear: it is usually a word gap.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from spellchecker import SpellChecker

from app.lib.parsing.fields.skills_vocab import SKILLS
from app.lib.pdf_read.lexicon import Vocabulary, letter_runs
from app.lib.text_forms import fold

LANGUAGES = ("fr", "en")
KNOWN_COST = 14.0  # a word of the lists or the document without a frequency: a rare word
CV_WORD_COST = 8.0  # a word of the CV vocabulary: as common in a CV as a common word
MIN_KNOWN = 3  # shorter, a listed word needs a real frequency: "ch", "rs" are abbreviations
SHORT_WORD_FLOOR = 1e-5  # a two-letter word is one if it is common ("de", "of", "en")
# An unseen word: this, plus per letter how unlikely its letter trigrams are (at least
# LETTER_COST), so "Kalivero" costs less than "Kaliverotech" and a salad of letters the most.
UNKNOWN_COST = 6.0
LETTER_COST = 2.3
# Unseen words are seldom long; a long unseen "word" is more often known words run together.
LONG_WORD = 8
LONG_LETTER_COST = 1.5
# The only words of one letter; any other lone letter is a fragment of a word.
ONE_LETTER_WORDS = frozenset("aàyio")
# A letter piece whose case changes inside ("rF" of "TensorFlow", "ACl" of "HCIACloud") is
# usually two words, unless a list knows it as one.
CAMEL_COST = 20.0
SHOUT_COST = 20.0  # capitals running into a capitalised word: "HCIAC|loud"


@cache
def _frequencies() -> tuple[tuple[dict[str, int], float], ...]:
    """Each language's word counts and their total (loaded on first use: about 0.2 s each)."""
    lists = []
    for language in LANGUAGES:
        frequency = SpellChecker(language=language, distance=1).word_frequency
        lists.append((frequency.dictionary, float(frequency.total_words)))
    return tuple(lists)


@cache
def _skill_words() -> frozenset[str]:
    return frozenset(word.lower() for word in letter_runs(SKILLS))


@cache
def _cv_words() -> frozenset[str]:
    """The parsers' own CV vocabulary, folded: month names and abbreviations ("Sep", "janv"),
    job titles, employers' legal forms, degrees and schools ("GmbH", "MSc", "Cheffe")."""
    # Imported here: these modules import the text helpers, which import this module.
    from app.lib.parsing.dates.date_tokens import MONTHS
    from app.lib.parsing.entries.entry_words import COMPANY_WORDS, TITLE_WORDS
    from app.lib.parsing.entries.roles import DEGREE_WORDS, SCHOOL_WORDS

    words = {*MONTHS, *TITLE_WORDS, *COMPANY_WORDS, *DEGREE_WORDS, *SCHOOL_WORDS}
    return frozenset(word for word in words if len(word) >= MIN_KNOWN and word.isalpha())


@cache
def _skill_forms() -> frozenset[str]:
    """The skills' words as printed, their inner capitals kept: "JavaScript", "MySQL"."""
    return frozenset(letter_runs(SKILLS))


@dataclass
class WordCosts:
    """Costs of letter runs, for one document (its own words count as known)."""

    vocabulary: Vocabulary
    # The segmentation asks again and again: costs already worked out, by piece and by word.
    seen: dict[str, float] = field(default_factory=dict)
    words: dict[str, float] = field(default_factory=dict)
    grams: dict[str, float] = field(default_factory=dict)

    @classmethod
    def for_document(cls, document_words: Iterable[str]) -> WordCosts:
        return cls(Vocabulary(document_words))

    def word(self, word: str, cost: Callable[[str, WordCosts], float]) -> float:
        """``cost(word, self)``, worked out once per word."""
        if word not in self.words:
            self.words[word] = cost(word, self)
        return self.words[word]

    def letters(self, piece: str) -> float:
        """The cost of a run of letters as one word."""
        if piece not in self.seen:
            self.seen[piece] = self._letters(piece)
        return self.seen[piece]

    def _letters(self, piece: str) -> float:
        lower = piece.lower()
        folded = fold(lower)
        cost = math.inf
        if len(lower) > 1 or lower in ONE_LETTER_WORDS:
            cost = min((self._counted(lower, c, t) for c, t in _frequencies()), default=cost)
            if len(lower) >= MIN_KNOWN and (
                lower in _skill_words() or lower in self.vocabulary.words
            ):
                cost = min(cost, KNOWN_COST)
            if folded in _cv_words():
                cost = min(cost, CV_WORD_COST)
        if cost == math.inf:
            per_letter = max(LETTER_COST, -self._plausibility(folded))
            beyond = max(0, len(lower) - LONG_WORD)
            cost = UNKNOWN_COST + per_letter * len(lower) + LONG_LETTER_COST * beyond
        return cost + self.shape(piece, folded)

    def _plausibility(self, folded: str) -> float:
        """``Vocabulary.plausibility`` of the folded word, each trigram's log-probability worked
        out once (the segmentation scores many overlapping candidates)."""
        padded = f"^^{folded}$"
        grams = [padded[index : index + 3] for index in range(len(padded) - 2)]
        return sum(self._gram(gram) for gram in grams) / len(grams)

    def _gram(self, gram: str) -> float:
        if gram not in self.grams:
            vocabulary = self.vocabulary
            seen = vocabulary.trigrams[gram] + 1
            self.grams[gram] = math.log(seen / (vocabulary.bigrams[gram[:2]] + vocabulary.alphabet))
        return self.grams[gram]

    @staticmethod
    def _counted(word: str, counts: dict[str, int], total: float) -> float:
        """The word's cost in one frequency list; infinite when the list lacks it, or when it
        is short and rare there ("ch", "rs": abbreviations, not words)."""
        count = counts.get(word, 0)
        if count and (len(word) >= MIN_KNOWN or count / total >= SHORT_WORD_FLOOR):
            return -math.log(count / total)
        return math.inf

    @staticmethod
    def shape(piece: str, folded: str) -> float:
        """What a case change inside the piece costs: nothing for "word", "Word", "WORD" or a
        word printed so in the lists ("JavaScript", "GmbH")."""
        if piece in _skill_forms() or folded in _cv_words():
            return 0.0
        marks = "".join("U" if char.isupper() else "l" for char in piece)
        if "UUl" in marks:
            return SHOUT_COST
        return CAMEL_COST if "lU" in marks else 0.0
