"""Glyphs whose text the PDF lost, kept as markers and solved from the words they sit in.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.

Two defects of producers' Unicode maps, both per font: a ligature mapped to U+0000 (or another
control code: "So\\0ware", "e\\0cient"), and glyphs mapped to U+FFFD (or left unmapped, read
"(cid:NN)"). A glyph is one code of one font, so each always stands for the same text: "fi"
everywhere, or "é" everywhere. Dropping it leaves broken words ("So ware"); instead the character
stage (``chars.py``) keeps it as a *marker*, a private-use code point standing for that font and
glyph, words are built around it, and once every page is read ``repair_pages`` asks
``glyph_solver`` what each marker spells. A marker the evidence does not support is removed, as
the glyph was before.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from .glyph_solver import Solver
from .lexicon import Vocabulary, letter_runs

MARKER_BASE = 0xF0000  # plane-15 private use: ``chars.strip_junk`` drops such glyphs first
MARKER_LIMIT = 0xFFFFD
TOKEN = re.compile(r"(?:[^\W\d_]|[\U000F0000-\U000FFFFD])+")


class Markers:
    """Marker code points by (font, glyph), with each glyph's font and kind."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], str] = {}
        self.kind: dict[str, str] = {}  # marker → "ligature" | "letter"
        self.font: dict[str, str] = {}

    def marker(self, font: str, glyph: str, kind: str) -> str | None:
        key = (font, glyph)
        if key not in self.by_key:
            if MARKER_BASE + len(self.by_key) > MARKER_LIMIT:
                return None
            made = chr(MARKER_BASE + len(self.by_key))
            self.by_key[key], self.kind[made], self.font[made] = made, kind, font
        return self.by_key[key]


# One table per document: the child process reads one PDF (``reset`` starts another).
MARKERS = Markers()


def reset() -> None:
    global MARKERS
    MARKERS = Markers()


def is_marker(char: str) -> bool:
    return MARKER_BASE <= ord(char) <= MARKER_LIMIT


def lost_kind(text: str) -> str | None:
    """ "ligature" for a glyph read as control codes only, "letter" for U+FFFD, else None."""
    if text and all(c == "\ufffd" for c in text):
        return "letter"
    if text and all(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in text) and not text.isspace():
        return "ligature"
    return None


def marked_tokens(texts: Iterable[str]) -> Counter[str]:
    """Words holding a marker (a glyph standing alone is no evidence: an icon, a bullet)."""
    found: Counter[str] = Counter()
    for text in texts:
        for token in TOKEN.findall(text):
            if len(token) >= 2 and any(map(is_marker, token)):
                found[token] += 1
    return found


def solve(texts: list[str], markers: Markers, document_words: Iterable[str]) -> dict[str, str]:
    """Marker → text, for the markers in ``texts`` the evidence supports."""
    tokens = marked_tokens(texts)
    present = {c for token in tokens for c in token if is_marker(c)}
    if not present:
        return {}
    kinds = {m: markers.kind.get(m, "letter") for m in present}
    fonts = {m: markers.font.get(m, "") for m in present}
    vocabulary = Vocabulary(document_words)
    return Solver(tokens, kinds, fonts, vocabulary, sentence_starts(texts)).solve()


def sentence_starts(texts: list[str]) -> dict[str, float]:
    """Per marker starting a word, the share of those words that start a sentence: a capital
    letter's glyph starts sentences, a lowercase one's ("for", "with") rarely does."""
    starts: Counter[str] = Counter()
    initials: Counter[str] = Counter()
    after_stop = True
    for text in texts:
        first = text.lstrip("\"'([«“‘•-–—")[:1]
        if first and is_marker(first):
            initials[first] += 1
            starts[first] += after_stop
        stripped = text.rstrip("\"')]»”’")
        after_stop = stripped.endswith((".", "!", "?", ":")) or not stripped
    return {marker: starts[marker] / count for marker, count in initials.items()}


def repair_pages(pages: Iterable[Any], problems: dict[str, int]) -> None:
    """Put each marker's solution into the pages' words (``layout.PageWords``), in place.
    Solved glyphs are counted as ``guessed_glyphs`` (worth a look: a guess), the others are
    removed and counted as ``junk_glyphs``, as dropped glyphs always were."""
    pages = list(pages)
    texts = [w["text"] for page in pages for w in page.words]
    if not any(is_marker(c) for text in texts for c in text):
        return
    plain = [run for t in texts if not any(map(is_marker, t)) for run in letter_runs(t)]
    solution = solve(texts, MARKERS, plain)
    for page in pages:
        kept = []
        for word in page.words:
            text = word["text"]
            if any(map(is_marker, text)):
                for char in filter(is_marker, text):
                    code = "guessed_glyphs" if char in solution else "junk_glyphs"
                    problems[code] = problems.get(code, 0) + 1
                text = "".join(solution.get(c, "") if is_marker(c) else c for c in text)
                word = {**word, "text": text}
            if text:
                kept.append(word)
        page.words = kept
