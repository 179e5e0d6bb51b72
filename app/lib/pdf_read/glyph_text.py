"""What a glyph's text really says: characters that draw nothing, control codes, soft hyphens,
and glyphs whose text the PDF lost.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only, on
pdfplumber char dicts (``chars.strip_junk`` calls it for every glyph).

* Format characters draw nothing (bidi marks and embeddings, joiners, word joiner, BOM): they are
  stripped from the glyph's text, the glyph kept. A zero-width space still separates words: it
  reads as a space. Control codes inside a longer text are stripped the same way.
* A soft hyphen drawn without width is invisible and removed; a drawn one is kept for
  ``hyphenation`` (where a word processor broke a word, or a hyphen drawn with that code).
* A glyph of a text font read as control codes only (an unmapped ligature, often U+0000), as
  U+FFFD, or as ``(cid:NN)`` (no Unicode map at all) lost its text: it becomes a marker standing
  for its font and glyph, which ``glyph_repair`` solves once the whole document is read.
"""

from __future__ import annotations

import re
from typing import Any

from . import glyph_repair

INVISIBLE = re.compile(r"[\u200c-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab, LF, CR are spaces
ZERO_WIDTH_SPACE = "\u200b"
CID = re.compile(r"\(cid:\d+\)")
SOFT_HYPHEN = "\u00ad"
MIN_SOFT_HYPHEN_WIDTH = 0.1  # of the font size: narrower, the soft hyphen was not drawn


def lost_kind(text: str) -> str | None:
    """ "ligature" for control codes only, "letter" for U+FFFD or ``(cid:NN)``, else None."""
    if text.isascii() and text.isprintable():  # the common case, answered fast
        return "letter" if text.startswith("(cid:") and CID.fullmatch(text) else None
    return glyph_repair.lost_kind(text)


def lost_glyph(char: dict[str, Any]) -> dict[str, Any] | None:
    """A text font's glyph with no usable text, as a marker; None for any other glyph."""
    text = char["text"]
    kind = lost_kind(text)
    if kind is None:
        return None
    cid = char.get("cid")
    size = max(float(char.get("size", 10.0)), 1.0)
    # Without the glyph code (``glyph_source``), the same text and advance width stand for
    # the same glyph.
    glyph = str(cid) if cid is not None else f"{text}/{(char['x1'] - char['x0']) / size:.2f}"
    marker = glyph_repair.MARKERS.marker(str(char.get("fontname", "")), glyph, kind)
    return {**char, "text": marker} if marker else None


def clean_text(char: dict[str, Any]) -> str:
    """The glyph's text without what draws nothing; "" when nothing is left."""
    text = char["text"]
    if text.isascii() and text.isprintable():  # the common case: nothing to strip
        return text
    if text == ZERO_WIDTH_SPACE:
        return " "
    text = CONTROL.sub("", INVISIBLE.sub("", text.replace(ZERO_WIDTH_SPACE, "")))
    if text == SOFT_HYPHEN:
        width = char["x1"] - char["x0"]
        if width < MIN_SOFT_HYPHEN_WIDTH * float(char.get("size", 10.0)):
            return ""
    return text
