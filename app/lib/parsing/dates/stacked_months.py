"""A date column whose start and end sit one above the other, each read into its row's text.

"MAR 2021 Kelvane" / "JUN 2023 Design of a pipeline…": a narrow left column holds the start month
over the end month, and the PDF reader joins each cell to the text beside it with a single
space (no tab, unlike the cells ``date_lines.py`` joins). Two such lines in a row, the later
month second, are one range: "MAR 2021 – JUN 2023 Kelvane" / "Design of a pipeline…". A list of
dated one-line items writes its months newest first, or three or more in a row: neither joins.
"""

from __future__ import annotations

import re

from app.lib.parsing.dates.date_tokens import Token, fold_dates, tokens
from app.lib.parsing.text.text import is_bullet

# What a cell's row text must not open with: a range's own connector ("March 2015 to" /
# "January 2016" is a range wrapped in its cell, which ``date_lines.py`` joins).
CONNECTOR_RE = re.compile(r"^(?:to|till|until|a|au|jusqu|-|–|—|/)(?![^\W_])", re.IGNORECASE)


def _leading_month(line: str) -> Token | None:
    """The month-and-year token a line opens with, when it is the line's only date."""
    text = line.strip()
    if not text or is_bullet(text):
        return None
    found = tokens(fold_dates(text))
    if len(found) != 1 or found[0].kind != "month" or found[0].start != 0:
        return None
    rest = fold_dates(text)[found[0].end :].strip()
    if not re.search(r"[^\W\d_]{2,}", rest) or CONNECTOR_RE.match(rest):
        return None  # a date alone, or a range's start waiting for its end
    return found[0]


def _next_text(lines: list[str], index: int, step: int) -> int | None:
    """The next line with text from ``index`` (excluded) in direction ``step``."""
    at = index + step
    while 0 <= at < len(lines):
        if lines[at].strip():
            return at
        at += step
    return None


def join_stacked_dates(lines: list[str]) -> list[str]:
    """Join a start month and the end month under it into one range on the first line."""
    out = list(lines)
    index = 0
    while index + 1 < len(out):
        first = _leading_month(out[index])
        below = index + 1  # the two cells sit on consecutive lines
        second = _leading_month(out[below]) if first is not None else None
        if first is None or second is None or not (first.value or "") < (second.value or ""):
            index += 1
            continue
        before, after = _next_text(out, index, -1), _next_text(out, below, 1)
        if (before is not None and _leading_month(out[before])) or (
            after is not None and _leading_month(out[after])
        ):
            index += 1  # a run of dated items, not one cell over another
            continue
        top, bottom = out[index].strip(), out[below].strip()
        rest = bottom[second.end :].strip()
        out[index] = f"{top[: first.end]} – {bottom[: second.end]} {top[first.end :].strip()}"
        out[below] = rest
        index += 2
    return out
