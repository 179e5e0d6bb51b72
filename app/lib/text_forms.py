"""The forms texts are compared in, for the whole project: one set of rules, so a word the
import folds one way is never folded another way by the fact guard, the glyph lexicon or the
inbox's duplicate check.

- ``fold``: lowercase (``casefold``) without accents or compatibility forms: "Expérience",
  "EXPERIENCE" and "experience" are one word, and a ligature "ﬁ" reads "fi" (lengths may
  change).
- ``fold_same_length``: the same, one character out per character in, so match spans found in
  the folded text line up with the original.
- ``squash``: folded, with every run of whitespace one space: how a quote is looked for in its
  source.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lowercase without accents: "Expérience" → "experience" (lengths may change)."""
    if text.isascii():  # nothing to decompose: most text, and a tenth of the tailoring's CPU
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_same_length(text: str) -> str:
    """Like ``fold`` but one output character per input character, so match spans line up."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[0]
        lowered = base.lower()
        out.append(lowered if len(lowered) == 1 else base)
    return "".join(out)


def squash(text: str) -> str:
    """Folded, single-spaced: the form used to compare a text with its source."""
    return " ".join(fold(text).split())
