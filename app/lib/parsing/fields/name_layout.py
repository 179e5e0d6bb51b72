"""The header's lines by their type size: the lines set largest at the top of a PDF's text, where
a CV sets its owner's name, and the body's size.

The reading order of a PDF puts the name anywhere (after a sidebar's contact block, below a
headline, in a table's cell); its size does not move: the name is the largest type near the top,
well above the body's. Only the PDF's line styles tell it (``app/lib/styled_text.py``); pasted
text has none, and then no line is told by its size.
"""

from __future__ import annotations

from collections import Counter

from app.lib.parsing.text.text import normalise_text
from app.lib.styled_text import line_styles_of

MAX_LAYOUT_LINES = 80  # lines from the top: about a first page, where the name is set
# A name set on two lines in two sizes ("Amani" / "KOUASSI", the surname larger) is one name:
# lines within this share of the largest size count as set in it.
SAME_SIZE = 0.85
MIN_LEAD = 1.15  # the name's size over the body's: a name no larger than the text is not told
MAX_TIERS = 2  # sizes tried from the largest down (a headline or a monogram may be larger)


def _size(style: dict[str, object] | None) -> float:
    size = style.get("size") if style else None
    return float(size) if isinstance(size, int | float) else 0.0


def body_size(text: str) -> float:
    """The size most of the text's lines are set in (0 without styles)."""
    sizes = Counter(_size(style) for style in line_styles_of(text) if _size(style))
    return sizes.most_common(1)[0][0] if sizes else 0.0


def large_tiers(text: str) -> list[list[tuple[int, str]]]:
    """The top lines (index, text, letter-spaced words made whole) by size tier, largest first:
    each tier holds the lines set within ``SAME_SIZE`` of its size, in reading order; only
    sizes well above the body's."""
    styles = line_styles_of(text)
    lines = normalise_text(text).split("\n")
    if not styles or len(styles) != len(lines):
        return []
    body = body_size(text)
    top = [
        (index, lines[index], _size(style))
        for index, style in enumerate(styles[:MAX_LAYOUT_LINES])
        if lines[index].strip() and _size(style) >= body * MIN_LEAD
    ]
    sizes = sorted({size for _, _, size in top}, reverse=True)
    tiers: list[list[tuple[int, str]]] = []
    for size in sizes:
        tier = [(i, line) for i, line, s in top if size * SAME_SIZE <= s <= size]
        if tiers and [i for i, _ in tier] == [i for i, _ in tiers[-1]]:
            continue
        tiers.append(tier)
        if len(tiers) >= MAX_TIERS:
            break
    return tiers
