"""A job board's rating of an employer, copied with its line ("Meadowbrook Care 3,9★",
"Meadowbrook Care" over "3.9 out of 5 stars" or "4,1 sur 5 étoiles").

A rating is no name: a line of it is refused as the company, a rating glued to a name is cut off.
And a board rates employers only: the line it rates is the employer's line, whatever its words
say (a name that is also a town's, "Green Valley", is otherwise a place).
"""

from __future__ import annotations

import re

from app.lib.parsing.text.text import clean

_SCORE = r"\d(?:[.,]\d{1,2})?"
_OUT_OF = r"(?:/\s*5|sur 5|out of 5|of 5)"
# A rating alone on its line: "3.9 out of 5 stars", "4,1 sur 5 étoiles", "4,1", "3.9 ★".
RATING_LINE_RE = re.compile(
    rf"(?i)^{_SCORE}\s*(?:[★☆⭐]+|{_OUT_OF}(?:\s*(?:stars?|[ée]toiles?))?|stars?|[ée]toiles?)?"
    r"(?:\s*[(\[]?\d[\d\s.,]*\s*(?:avis|reviews?|ratings?|notes?)[)\]]?)?$"
)
# A rating glued after a name: "Meadowbrook Care 3,9★", "Velcour 4.1/5", "Velcour (3.9 ★)".
GLUED_RATING_RE = re.compile(
    rf"(?i)\s*[(\[]?\s*{_SCORE}\s*(?:[★☆⭐]+|{_OUT_OF}(?:\s*(?:stars?|[ée]toiles?))?)"
    r"(?:\s*[(\[]?\d[\d\s.,]*\s*(?:avis|reviews?|ratings?)[)\]]?)?\s*[)\]]?$"
)


def is_rating(text: str) -> bool:
    """``text`` is a board's rating and nothing else."""
    return bool(RATING_LINE_RE.match(clean(text)))


def without_rating(text: str) -> str:
    """``text`` without a rating glued at its end (never emptied)."""
    rest = GLUED_RATING_RE.sub("", clean(text)).strip()
    return rest if rest else clean(text)


def rated(lines: list[str], index: int) -> bool:
    """Line ``index`` carries a rating or the next line with text is one: an employer's line."""
    line = clean(lines[index]) if 0 <= index < len(lines) else ""
    if not line or is_rating(line):
        return False
    if without_rating(line) != line:
        return True
    following = next((clean(x) for x in lines[index + 1 : index + 3] if clean(x)), "")
    return is_rating(following)
