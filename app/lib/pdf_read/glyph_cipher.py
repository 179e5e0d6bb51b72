"""A whole font read as U+FFFD: a first reading of its glyphs from letter trigrams alone.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.

Why a separate first step: when most of a font's letters are lost, almost no word is known
until most glyphs are right, so known words give the search no slope. Letter trigrams do
(``lexicon.Vocabulary`` counts them in the word list and the document's readable words): the
classic way to read a substitution cipher is to climb their log-likelihood from random starts,
swapping two glyphs' letters or giving one an unused letter, and to keep the best of a few
climbs. ``glyph_solver`` then finishes the job with known words. Seeded: the same document
always reads the same.
"""

from __future__ import annotations

import math
import random
from collections import Counter

from .lexicon import Vocabulary, trigrams

RESTARTS = 6
MAX_WORDS = 250  # the most frequent distinct words: evidence enough, time bounded
PATIENCE = 300  # moves without a gain before a climb stops


def _is_marker(char: str) -> bool:
    return 0xF0000 <= ord(char) <= 0xFFFFD


class _Model:
    """Trigram log-likelihood of spelled words, memoised (a climb spells the same words often)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.logs: dict[str, float] = {}
        self.words: dict[str, float] = {}

    def word(self, word: str) -> float:
        if word not in self.words:
            total = 0.0
            for gram in trigrams(word):
                if gram not in self.logs:
                    counts, pairs = self.vocabulary.trigrams, self.vocabulary.bigrams
                    self.logs[gram] = math.log(
                        (counts[gram] + 1) / (pairs[gram[:2]] + self.vocabulary.alphabet)
                    )
                total += self.logs[gram]
            self.words[word] = total
        return self.words[word]


def climb(
    tokens: Counter[str],
    candidates: dict[str, list[str]],
    vocabulary: Vocabulary,
    seed: int = 0,
) -> dict[str, str]:
    """A text for each marker of ``candidates`` (one font's lost letters, each a different
    letter), best by the trigram log-likelihood of ``tokens``; other markers read as nothing."""
    markers = sorted(candidates)
    if len({text for texts in candidates.values() for text in texts}) < len(markers):
        return {}
    tokens = Counter(dict(tokens.most_common(MAX_WORDS)))
    holding = {m: [t for t in tokens if m in t] for m in markers}
    model = _Model(vocabulary)
    rng = random.Random(seed)
    # Markers of other fonts read as nothing here (str.translate deletes what maps to None).
    others = {ord(c): None for t in tokens for c in t if _is_marker(c) and c not in candidates}

    def table(assignment: dict[str, str]) -> dict[int, str | None]:
        return others | {ord(m): text for m, text in assignment.items()}

    def score(word: str, spelling: dict[int, str | None]) -> float:
        return model.word(word.translate(spelling)) * tokens[word]

    best: dict[str, str] = {}
    best_score = -math.inf
    for _ in range(RESTARTS):
        assignment = _random_start(markers, candidates, rng)
        spelling = table(assignment)
        scores = {word: score(word, spelling) for word in tokens}
        stale = 0
        while stale < PATIENCE:
            first, second = rng.choice(markers), rng.choice(markers)
            free = [t for t in candidates[first] if t not in assignment.values()]
            swappable = (
                second != first
                and assignment[second] in candidates[first]
                and assignment[first] in candidates[second]
            )
            if rng.random() < 0.5 and swappable:
                move = {first: assignment[second], second: assignment[first]}
            elif free:
                move = {first: rng.choice(free)}
            else:
                stale += 1
                continue
            moved = assignment | move
            spelling = table(moved)
            changed = {w: score(w, spelling) for m in move for w in holding[m]}
            if sum(changed.values()) > sum(scores[w] for w in changed):
                assignment = moved
                scores.update(changed)
                stale = 0
            else:
                stale += 1
        total = sum(scores.values())
        if total > best_score:
            best, best_score = assignment, total
    return best


def _random_start(
    markers: list[str], candidates: dict[str, list[str]], rng: random.Random
) -> dict[str, str]:
    """Each marker a random text of its own candidates (capitals stay capitals), all different
    while there are enough."""
    assignment: dict[str, str] = {}
    for marker in rng.sample(markers, len(markers)):
        free = [t for t in candidates[marker] if t not in assignment.values()]
        assignment[marker] = rng.choice(free or candidates[marker])
    return assignment
