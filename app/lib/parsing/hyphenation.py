"""Words a line end hyphenated ("manage-" / "ment service…") made whole again.

PDFs and pasted text keep the hyphen a word processor put where it wrapped a word. Read as they
are, the two lines join into "manage- ment", a word no reader, search or skill match knows. The
word is rejoined when the joined form is a word: one the CV writes elsewhere, a skill the
parsers know ("Kuber-" / "netes"), or a word of the English or French dictionary (pyspellchecker's
frequency lists). Otherwise the hyphen was the word's own ("self-" / "service", "e-" /
"commerce") and stays, with no space after it; a hyphenated form the CV writes elsewhere wins over
the dictionary. "short- and long-term" (a hyphen that stands for a word still to come) is left as
it is. The fragment moves up to the line it belongs to, so every line keeps its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from app.lib.parsing.skills_vocab import SKILLS
from app.lib.parsing.text import fold

# A line ending with letters glued to a hyphen (a range's "2019 -" is no word part); of
# "real-time-", the last part.
_BROKEN_END = re.compile(r"([^\W\d_]+)-\s*$")
# The next line starting with the word's end (lower case: a capital starts a new phrase).
_NEXT_PART = re.compile(r"^(\s*)([^\W\d_A-ZÀ-Ý][^\W\d_]*)(.*)$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# After "short-": the hyphen stands for "-term" still to come ("short- and long-term").
_SUSPENDED = frozenset({"and", "or", "to", "et", "ou", "à", "a"})
LANGUAGES = ("en", "fr")


@lru_cache(maxsize=1)
def _skill_words() -> frozenset[str]:
    return frozenset(fold(name).replace(" ", "") for name in SKILLS.split("|") if name.strip())


@lru_cache(maxsize=len(LANGUAGES))
def _dictionary(language: str) -> Callable[[str], bool]:
    from spellchecker import SpellChecker  # loaded on the first hyphenated line end only

    checker = SpellChecker(language=language, distance=1)
    return checker.__contains__


def _is_word(word: str, vocabulary: frozenset[str]) -> bool:
    """In the CV (``vocabulary``, folded), a known skill, or a dictionary word (accented)."""
    folded, lowered = fold(word), word.casefold()
    return (
        folded in vocabulary
        or folded in _skill_words()
        or any(_dictionary(language)(lowered) for language in LANGUAGES)
    )


def _rejoined(head: str, tail: str, vocabulary: frozenset[str]) -> str:
    whole = fold(head + tail)
    if whole in vocabulary:
        return head + tail
    if f"{fold(head)}-{fold(tail)}" in vocabulary or not _is_word(head + tail, vocabulary):
        return f"{head}-{tail}"
    return head + tail


def rejoin_hyphenated(text: str) -> str:
    """``text`` with every hyphenated line end joined to its word's end (see the module)."""
    lines = text.split("\n")
    candidates = [
        i
        for i in range(len(lines) - 1)
        if _BROKEN_END.search(lines[i]) and _NEXT_PART.match(lines[i + 1])
    ]
    if not candidates:
        return text
    vocabulary = frozenset(fold(word) for word in _WORD.findall(text))
    emptied: set[int] = set()  # lines that held only the word's end
    for i in candidates:
        end = _BROKEN_END.search(lines[i])
        following = _NEXT_PART.match(lines[i + 1])
        if end is None or following is None:
            continue  # the line above took this line's start
        head, (indent, tail, rest) = end.group(1), following.groups()
        if fold(tail) in _SUSPENDED:
            continue
        lines[i] = lines[i][: end.start()] + _rejoined(head, tail, vocabulary)
        lines[i + 1] = indent + rest.lstrip()
        if not rest.strip():
            emptied.add(i + 1)  # gone, not left blank: a blank line would end the paragraph
    return "\n".join(line for i, line in enumerate(lines) if i not in emptied)
