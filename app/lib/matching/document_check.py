"""Quotes checked against the document the CV was read from, not only against the fields the
reader made of it.

A layout reader rebuilds a page from its pieces, and where it pieces them wrong (a place set
beside a bullet's line joined into the bullet, a second column's line run into the first) a
field holds words that no reader of the file sees together. The ledger's quotes are cut from
fields (quotes.py), so such a quote would be "in the CV" for the code and not for a recruiter
who opens the file. When the file's plain text is known, a quote of the source's words must
stand in it as such; ``quotes.standing_part`` keeps the longest stretch of it that does.

The plain text is a second reading of the file, and a second reading can fail on its own (a
font without a text map, a page read in another order): it is used only where it agrees with
the fields the reader made, most of their words found in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.lib.cv_content import CvContent
from app.lib.matching.evidence import Stands, cv_fields
from app.lib.matching.quotes import QuoteCheck, find_in, holds, line_pieces
from app.lib.text_forms import fold

# The share of the source's words the plain text must hold for the two readings to count as
# agreeing; below it, the plain text is not used. Words, not sentences: where the layout
# reader glued a field together (the very fields the check is for) its sentences are not in
# the plain text, while a reading that failed (a font without a text map) holds few words.
AGREEMENT = 0.8
_WORD = re.compile(r"[^\W\d_]{3,}")


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def agreement(source: CvContent, document: str) -> float:
    """The share of the source's words that ``document`` holds (1.0 without any)."""
    found = [w for f in cv_fields(source) if f for w in _words(f)]
    if not found:
        return 1.0
    held = set(_words(document))
    return sum(1 for w in found if w in held) / len(found)


@dataclass(frozen=True, slots=True)
class DocumentCheck:
    """A quote stands in the document's text (``quotes.find_in``)."""

    document: str

    def __call__(self, quote: str) -> bool:
        return find_in(quote, self.document) is not None

    def lines(self, quote: str) -> list[str]:
        return line_pieces(quote, self.document)

    def written(self, quote: str) -> str:
        return find_in(quote, self.document) or quote


@dataclass(frozen=True, slots=True)
class TailoredCheck:
    """Words taken as they are from the source must stand in its document; words the
    tailoring wrote are its own (the sendable contract checks them against the source)."""

    source: QuoteCheck
    fields: list[str]

    def __call__(self, quote: str) -> bool:
        return self.source(quote) or not holds(self.fields, quote)

    def lines(self, quote: str) -> list[str]:
        return self.source.lines(quote) if self.source(quote) else [quote]

    def written(self, quote: str) -> str:
        return self.source.written(quote) if self.source(quote) else quote


def document_check(source: CvContent, document: str) -> Stands:
    """Whether a quote stands in ``document``; None (no check) without a document or when the
    document's reading disagrees with the source's fields."""
    if not document.strip() or agreement(source, document) < AGREEMENT:
        return None
    return DocumentCheck(document)


def source_words(source: CvContent, stands: Stands) -> Stands:
    """The check for a tailored CV's quotes (``TailoredCheck``)."""
    if stands is None:
        return None
    return TailoredCheck(stands, [f for f in cv_fields(source) if f])
