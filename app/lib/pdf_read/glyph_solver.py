"""What each lost glyph spells: a substitution cipher, per font, solved against known words.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.
``glyph_repair`` hands over the words holding markers (one marker per lost glyph of a font).

A text for every marker is chosen to make the most of their words known words
(``lexicon.Vocabulary``: the word list plus the document's own readable words), the letter
trigram plausibility breaking ties. Search: each marker in turn takes its best text, by
coordinate ascent; a text another glyph of the same font holds is swapped with it (two glyphs
of one font are two different texts). A whole font read as U+FFFD starts from its letter-
trigram reading (``glyph_cipher``), as no word is known until most glyphs are right; a few
readings are tried, and one that leaves most of the font's words unknown is wrong somewhere:
none of it is kept. A marker's text is kept only when its words support it: some of them
known words, more than with any other text, and either a known word with two sure letters
beside the marker (real, or solved already) or several known words making up most of its words.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from .glyph_cipher import climb
from .lexicon import Vocabulary

LIGATURES = ("fi", "fl", "ff", "ffi", "ffl", "ft", "fb", "fh", "fj", "fk", "tt", "tf", "ti",
             "tz", "st", "ct", "th", "ck", "sp")  # fmt: skip
LETTERS = "abcdefghijklmnopqrstuvwxyzàâçéèêëîïôöùûüœ"
KNOWN_WEIGHT = 4.0  # a known word outweighs any difference of letter-trigram plausibility
MAX_TOKENS = 80  # distinct words scored per glyph: enough evidence, bounded time
ROUNDS = 8
WHOLE_FONT = 8  # lost letter glyphs from which a font is read as a whole-font cipher
BROAD_SUPPORT = 3  # known words needed when none has real letters beside the marker
CLIMBS = 3  # whole-font readings tried, until one makes GOOD_SHARE of its words known
GOOD_SHARE = 0.8
MIN_SHARE = 0.6  # below, a whole-font reading is wrong somewhere: nothing of it is kept


def _is_marker(char: str) -> bool:
    return 0xF0000 <= ord(char) <= 0xFFFFD


class Solver:
    def __init__(
        self,
        tokens: Counter[str],
        kinds: dict[str, str],
        fonts: dict[str, str],
        vocabulary: Vocabulary,
        sentence_starts: dict[str, float] | None = None,
    ) -> None:
        """``sentence_starts``: per marker, the share of its word-initial places that start a
        sentence (the document's first word, or after ". ! ? :")."""
        self.vocabulary = vocabulary
        self.sentence_starts = sentence_starts or {}
        self.tokens = tokens
        self.fonts = fonts
        self.by_marker: dict[str, list[str]] = defaultdict(list)
        for token, _ in tokens.most_common():
            for marker in {c for c in token if _is_marker(c)}:
                if len(self.by_marker[marker]) < MAX_TOKENS:
                    self.by_marker[marker].append(token)
        lost_letters = Counter(fonts[m] for m, kind in kinds.items() if kind == "letter")
        self.whole_font = {font for font, count in lost_letters.items() if count >= WHOLE_FONT}
        self.candidates = {
            m: _candidates(kinds[m], self._upper(m), fonts[m] in self.whole_font) for m in kinds
        }
        self.both_cases = {
            m: fonts[m] in self.whole_font and kinds[m] == "letter" and self._initial(m)
            for m in kinds
        }
        for m in kinds:
            if self.both_cases[m]:
                # Only ever first in its words: a capital, or a letter seen only there ("for");
                # both cases are open, the other glyphs and the sentence decide (``_cased``).
                lower = [text.lower() for text in self.candidates[m]]
                self.candidates[m] = lower + [text.upper() for text in lower]
        self.cache: dict[str, tuple[float, float]] = {}
        # A marker without a text yet reads as nothing (str.translate deletes it).
        self.unread: dict[int, str | None] = {ord(m): None for m in kinds}

    def _upper(self, marker: str) -> bool:
        """A glyph is an upper- or a lowercase letter: uppercase when its words are capitals."""
        votes: Counter[bool] = Counter()
        for token in self.by_marker[marker]:
            letters = [c for c in token if not _is_marker(c)]
            if len(letters) >= 2 and all(c.isupper() for c in letters):
                votes[True] += 1
            elif any(c.islower() for c in letters):
                votes[False] += 1
        return votes[True] > votes[False]

    def _initial(self, marker: str) -> bool:
        tokens = self.by_marker[marker]
        return bool(tokens) and all(token[0] == marker for token in tokens)

    def _cased(self, marker: str, text: str, assignment: dict[str, str]) -> str:
        """A word-initial glyph's case, when its other case is no other glyph's: a capital
        when its words mostly start sentences."""
        other = text.swapcase()
        if other == text or self._holder(other, marker, assignment) is not None:
            return text
        return text.upper() if self.sentence_starts.get(marker, 0.0) >= 0.5 else text.lower()

    def _word(self, word: str) -> tuple[float, float]:
        """(known, score) of one spelled word: known is 0–1, score adds plausibility."""
        if word not in self.cache:
            known = self.vocabulary.known(word)
            self.cache[word] = (known, KNOWN_WEIGHT * known + self.vocabulary.plausibility(word))
        return self.cache[word]

    def score(self, markers: Iterable[str], assignment: dict[str, str]) -> tuple[float, float]:
        """(known words, score) over the words holding any of ``markers``, by occurrences."""
        known = total = 0.0
        table = self.unread | {ord(m): text for m, text in assignment.items()}
        for token in {t for m in markers for t in self.by_marker[m]}:
            word_known, word_score = self._word(token.translate(table))
            known += word_known * self.tokens[token]
            total += word_score * self.tokens[token]
        return known, total

    def _holder(self, text: str, marker: str, assignment: dict[str, str]) -> str | None:
        font = self.fonts[marker]
        return next(
            (
                m
                for m, t in assignment.items()
                if t == text and m != marker and self.fonts[m] == font
            ),
            None,
        )

    def _improve(self, marker: str, assignment: dict[str, str]) -> bool:
        """Move ``marker`` to its best text (swapping with the glyph holding it); True if moved."""
        best: dict[str, str] | None = None
        best_gain = 1e-9
        current = assignment[marker]
        for text in self.candidates[marker]:
            if text == current:
                continue
            move = {marker: text}
            holder = self._holder(text, marker, assignment)
            if holder is not None:
                if current not in self.candidates[holder]:
                    continue
                move[holder] = current
            gain = self.score(move, assignment | move)[1] - self.score(move, assignment)[1]
            if gain > best_gain:
                best, best_gain = move, gain
        if best is None:
            return False
        assignment.update(best)
        return True

    def _start(self, markers: list[str], seed: int) -> dict[str, str]:
        """A whole-font cipher starts from its letter-trigram reading (``glyph_cipher``);
        other glyphs from their best text alone, each font's glyphs taking different texts,
        most evidenced first."""
        assignment: dict[str, str] = {}
        for font in self.whole_font:
            # Trigrams do not tell "é" from "e": the climb reads plain letters, known words
            # then put the accents back.
            lost = {
                m: [t for t in self.candidates[m] if t.isascii()]
                for m in markers
                if self.fonts[m] == font
            }
            assignment |= climb(self.tokens, lost, self.vocabulary, seed)
        for marker in markers:
            font = self.fonts[marker]
            if marker in assignment:
                continue
            taken = {t for m, t in assignment.items() if self.fonts[m] == font}
            options = [c for c in self.candidates[marker] if c not in taken]
            assignment[marker] = max(
                options or self.candidates[marker],
                key=lambda text: self.score([marker], assignment | {marker: text})[1],
            )
        return assignment

    def _supported(self, marker: str, assignment: dict[str, str], sure: set[str]) -> bool:
        """Its words are known words, more than with any other text, and either one of them
        has two letters beside the marker that are sure (real, or solved already) or several
        known words make up most of its words."""
        known, _ = self.score([marker], assignment)
        if known < 1:
            return False
        for other in (*self.candidates[marker], ""):
            if other.lower() == assignment[marker].lower() or (
                other and self._holder(other, marker, assignment) is not None
            ):
                continue  # the same letter (its case is decided apart), or another glyph's
            if self.score([marker], assignment | {marker: other})[0] >= known:
                return False
        tokens = self.by_marker[marker]
        table = self.unread | {ord(m): text for m, text in assignment.items()}
        spelled = [token.translate(table) for token in tokens]
        beside = any(
            self._word(word)[0] >= 1
            and sum(not _is_marker(c) or (c in sure and c != marker) for c in token) >= 2
            for token, word in zip(tokens, spelled, strict=True)
        )
        occurrences = sum(self.tokens[t] for t in tokens)
        broad = sum(self._word(w)[0] >= 1 for w in spelled) >= BROAD_SUPPORT
        return beside or (broad and known >= 0.5 * occurrences)

    def _sure(self, markers: list[str], assignment: dict[str, str]) -> set[str]:
        """The supported markers; each one found lends its support to its neighbours' words
        (a whole-font cipher's rare letters sit among solved ones)."""
        sure: set[str] = set()
        while True:
            found = {m for m in markers if m not in sure and self._supported(m, assignment, sure)}
            if not found:
                return sure
            sure |= found

    def solve(self) -> dict[str, str]:
        markers = sorted(self.by_marker, key=lambda m: -len(self.by_marker[m]))
        best: dict[str, str] = {}
        best_share = -1.0
        for seed in range(CLIMBS if self.whole_font else 1):
            assignment = self._start(markers, seed)
            for _ in range(ROUNDS):
                if not any([self._improve(marker, assignment) for marker in markers]):
                    break
            share = min((self._share(font, assignment) for font in self.whole_font), default=1)
            if share > best_share:
                best, best_share = assignment, share
            if share >= GOOD_SHARE:
                break
        sure = self._sure(markers, best)
        # A font lost whole whose words mostly stay unknown was not read: none of it is kept.
        unread = {font for font in self.whole_font if self._share(font, best) < MIN_SHARE}
        return {
            m: self._cased(m, best[m], best) if self.both_cases.get(m) else best[m]
            for m in sure
            if self.fonts[m] not in unread
        }

    def _share(self, font: str, assignment: dict[str, str]) -> float:
        """The share of the font's words (occurrences) that read as known words."""
        markers = [m for m in self.by_marker if self.fonts[m] == font]
        known, _ = self.score(markers, assignment)
        tokens = {t for m in markers for t in self.by_marker[m]}
        return known / max(sum(self.tokens[t] for t in tokens), 1)


def _candidates(kind: str, upper: bool, whole_font: bool) -> list[str]:
    """Ligatures for a glyph read as a control code; letters for U+FFFD (and the common
    ligatures, unless the whole font is lost: then each glyph is one letter)."""
    if kind == "ligature":
        texts = list(LIGATURES)
    else:
        texts = [*LETTERS] if whole_font else [*LETTERS, "fi", "fl", "ff", "ffi", "ffl"]
    return [t.upper() for t in texts] if upper else texts
