"""The typographic style of a word and of a text line: size, weight and colour.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only.

Why: a CV sets all its section headings alike (size, weight, colour), and differently from its
entries. The section splitter (``app/lib/parsing/sections/section_split.py``) learns that style
from the
headings it recognises by their words, then reads any line of that style as a heading and no
line of another style as one, whatever its words. The style travels beside the text, one per
text line (``PdfText.line_styles``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

# Weight words in font names: "Arial-BoldMT", "OpenSans-Semibold", "Lato Black", "F1,Bold".
BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|extrabold|[-,]bd\b|\bbd\b", re.I)
SIZE_STEP = 0.5  # sizes closer than this are one size (rounding of producers)


def _colour(value: Any) -> str:
    """A fill colour as a short stable string; grey levels, RGB and CMYK alike."""
    if isinstance(value, (tuple, list)):
        return ",".join(f"{float(v):.2f}" for v in value if isinstance(v, (int, float)))
    if isinstance(value, (int, float)):
        return f"{float(value):.2f}"
    return ""


def char_style(char: dict[str, Any]) -> tuple[bool, str]:
    """(bold, colour) of one glyph."""
    font = str(char.get("fontname", ""))
    return bool(BOLD_FONT.search(font.split("+")[-1])), _colour(char.get("non_stroking_color"))


def word_style(chars: list[dict[str, Any]]) -> dict[str, Any]:
    """The style most of a word's letters share."""
    counts = Counter(char_style(c) for c in chars if not c["text"].isspace())
    bold, colour = counts.most_common(1)[0][0] if counts else (False, "")
    return {"bold": bold, "colour": colour}


def line_style(words: list[dict[str, Any]]) -> dict[str, Any]:
    """The style most of a line's letters share: {"size", "bold", "colour"}."""
    weights: Counter[tuple[float, bool, str]] = Counter()
    for word in words:
        size = round(float(word.get("size", 0.0)) / SIZE_STEP) * SIZE_STEP
        weights[(size, bool(word.get("bold")), str(word.get("colour", "")))] += len(word["text"])
    size, bold, colour = weights.most_common(1)[0][0] if weights else (0.0, False, "")
    return {"size": size, "bold": bold, "colour": colour}
