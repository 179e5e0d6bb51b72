"""The style a CV gives its section headings, learned from the headings its words name.

A CV sets all its headings alike — size, weight, colour — and differently from its entries. When
the text comes with line styles (a PDF's, ``app/lib/styled_text.py``), the headings recognised by
their words (``app/lib/parsing/sections/headings.py``) teach that style; then a line of that style
is a
heading whatever its words ("PARCOURS", a pictogram and a word), and a line of another style is
none, however much it looks like one (an employer in capitals between two jobs).

Without styles (pasted text), or when the recognised headings do not agree on one style, or when
that style is also the body's, nothing is learned and the splitter keeps its text-only rules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app.lib.styled_text import LineStyle

Signature = tuple[float, bool, str, bool]  # size, bold, colour, set in capitals
MIN_KNOWN = 2  # recognised headings that must share a style for it to be learned
MAX_SHARE = 0.25  # of the non-blank lines: a style that common is the body's, not headings'
MAX_WORDS = 6


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _signature(line: str, style: LineStyle | None) -> Signature | None:
    """The line's style; capitals count as style, since CVs often set entries in the headings'
    font and size and tell them apart by case only."""
    if not style:
        return None
    size, bold = float(style.get("size", 0.0)), bool(style.get("bold"))
    return (size, bold, str(style.get("colour", "")), _capitals(line))


@dataclass(frozen=True, slots=True)
class HeadingStyle:
    styles: frozenset[Signature]  # a sidebar's headings are often set unlike the main column's
    signatures: tuple[Signature | None, ...]  # one per line

    def matches(self, index: int) -> bool:
        return 0 <= index < len(self.signatures) and self.signatures[index] in self.styles


def learn_heading_style(
    lines: list[str], styles: tuple[LineStyle | None, ...], known: list[int]
) -> HeadingStyle | None:
    """The styles of the recognised headings at ``known`` (line indexes) that are heading
    styles: shared by two of them at least, mostly used for them (a style the entry titles
    share is no heading style) and rare in the document."""
    if len(styles) != len(lines) or len(known) < MIN_KNOWN:
        return None
    signatures = tuple(_signature(line, style) for line, style in zip(lines, styles, strict=True))
    in_headings = Counter(signatures[i] for i in known if signatures[i] is not None)
    everywhere = Counter(s for s, line in zip(signatures, lines, strict=True) if line.strip() and s)
    filled = sum(everywhere.values())
    found = frozenset(
        signature
        for signature, shared in in_headings.items()
        if signature is not None
        and shared >= MIN_KNOWN
        and everywhere[signature] - shared <= shared
        and everywhere[signature] <= MAX_SHARE * filled
    )
    return HeadingStyle(found, signatures) if found else None


def styled_like_heading(line: str) -> bool:
    """A line a heading style may promote: short, with letters, not a sentence or a list item."""
    text = line.strip()
    words = text.split()
    return (
        0 < len(words) <= MAX_WORDS
        and sum(c.isalpha() for c in text) >= 3
        and not text.endswith((".", ";", ","))
        and not any(c.isdigit() for c in text)
    )
