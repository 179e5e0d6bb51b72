"""Whole numbers typed into forms: ASCII digits only.

``str.isdigit`` accepts "²" and "٣", which ``int`` then refuses or reads as another number; a
form value is a number only when it is plain 0–9 digits of a sane length.
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"[0-9]{1,12}")


def whole_number(raw: str, low: int, high: int) -> int | None:
    """``raw`` (surrounding spaces ignored) as an int within ``low..high``, else None."""
    text = raw.strip()
    if not _DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None
