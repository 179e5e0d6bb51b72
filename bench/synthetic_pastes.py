"""What a CV's text becomes when it is copied out of a viewer rather than uploaded: the pasted
variants of the layout fuzzer's families (bench/synthetic_cvs.py).

``letter_spaced``: a designer's letter-spacing (tracking) copied as text, as some PDF tools
give it: a space between letters, or between the pieces a kerning table kept together (one to
three characters), and word gaps no wider than those spaces. Tabs (column gaps) and line ends
stay. The reader must make words of it again (app/lib/parsing/text/letter_spacing.py).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

Paste = Callable[[str, random.Random], str]
# Piece lengths as kerning leaves them: mostly single letters, some pairs, a few triples.
PIECE_LENGTHS = (1, 1, 1, 1, 1, 1, 2, 2, 2, 3)


def _pieces(word: str, rng: random.Random) -> list[str]:
    out: list[str] = []
    while word:
        size = rng.choice(PIECE_LENGTHS)
        out.append(word[:size])
        word = word[size:]
    return out


def letter_spaced(text: str, rng: random.Random) -> str:
    """``text`` with every word cut in kerned pieces and every gap one space (see the module)."""
    lines = []
    for line in text.split("\n"):
        cells = [
            " ".join(piece for word in cell.split() for piece in _pieces(word, rng))
            for cell in re.split(r"\t", line)
        ]
        lines.append("\t".join(cells))
    return "\n".join(lines)
