"""Dates and date ranges as CVs write them, in French and English.

"2019 – 2023", "janv. 2020 - présent", "03/2018–Present", "Jan 2020 to Dec 2021",
"depuis septembre 2021", "2018-19", "de 2015 à 2017 (2 ans)", "Feb 22-Dec 23", "09/21 - 06/22",
"Été 2022", "juin-août 2023", "De mars à juillet 2023", "02/01 au 30/06/2024", "6 mois - 2021"
→ start/end normalised to ``YYYY`` or ``YYYY-MM``, ``current`` for ongoing ranges, and the span
of the match in the line (prepositions and durations included, so cutting the span out of a
heading leaves the title clean). The token grammar lives in ``date_tokens.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.lib.parsing.date_tokens import MONTHS, Token, tokens
from app.lib.parsing.text import fold_same_length

__all__ = [
    "MONTHS",
    "DateRange",
    "date_at_edge",
    "find_date_range",
    "is_duration",
    "normalise_date_input",
]

RANGE_SEPARATOR_RE = re.compile(
    r"^\s*(?:-|–|—|‒|−|~|a|au|to|till|until|jusqu'?a|jusqu'?en|et|and|->|→|>|/|-\s*>)?\s*$"
)
SHORT_END_RE = re.compile(r"^\s*[-–—/]\s*(\d{2})(?!\d)")
SINCE_RE = re.compile(r"(?:depuis|since|from|des|a partir de|a compter de)\s*(?:le\s+)?$")
FROM_RE = re.compile(r"(?:(?<![a-z])(?:de|du|from|d')\s*)$")
OPEN_END_RE = re.compile(r"^\s*[-–—]\s*$")
_DURATION = (
    r"\d+\s*(?:ans?|annees?|mois|years?|yrs?|months?|mos?|semaines?|weeks?)\b"
    r"(?:\s*(?:et|and|,)?\s*\d+\s*(?:mois|months?|mos?)\b)?"
)
DURATION_AFTER_RE = re.compile(rf"^\s*[(·,|:-]?\s*\(?{_DURATION}\s*\)?")
DURATION_BEFORE_RE = re.compile(rf"\(?{_DURATION}\s*\)?\s*[-–—:,·|]?\s*$")
DURATION_LINE_RE = re.compile(rf"^\s*\(?{_DURATION}\s*\)?\s*$")


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str | None
    end: str | None
    current: bool
    span: tuple[int, int]
    single: bool = False  # one date, not a range (a graduation year, a certification date)

    def raw(self, line: str) -> str:
        return line[self.span[0] : self.span[1]].strip()


def _extend(folded: str, start: int, end: int) -> tuple[int, int]:
    """Widen a date span over a leading "de"/"from" and a duration before or after it."""
    after = DURATION_AFTER_RE.match(folded[end:])
    if after:
        end += after.end()
    before = folded[:start]
    duration = DURATION_BEFORE_RE.search(before)
    if duration:
        start = duration.start()
    else:
        since = FROM_RE.search(before)
        if since:
            start = since.start()
    return start, end


def _yearless_start(first: Token, end_value: str) -> str | None:
    """The start of "juin-août 2023" / "02/01 au 30/06/2024": the end's year, or the year
    before when the start month comes later in the year than the end month."""
    if first.month is None or len(end_value) < 7:
        return None
    year = int(end_value[:4])
    if first.month > int(end_value[5:7]):
        year -= 1
    return f"{year}-{first.month:02d}"


def _yearless_end(first: Token, last: Token) -> str | None:
    """The end of "Avril 2009 à Décembre": that month in the start's year (or the next)."""
    if first.kind not in {"month", "short"} or first.value is None or last.month is None:
        return None
    year = int(first.value[:4]) + (1 if last.month < int(first.value[5:7]) else 0)
    return f"{year}-{last.month:02d}"


def _range_at(folded: str, found: list[Token], index: int) -> DateRange | None:
    token = found[index]
    following = found[index + 1] if index + 1 < len(found) else None
    if following is None or not RANGE_SEPARATOR_RE.match(folded[token.end : following.start]):
        if token.kind == "year":
            short = SHORT_END_RE.match(folded[token.end :])  # "2018-19"
            if short and token.value and f"{token.value[:2]}{short.group(1)}" > token.value:
                end = token.end + short.end()
                return DateRange(
                    token.value, f"{token.value[:2]}{short.group(1)}", False, (token.start, end)
                )
        return None
    if following.kind == "yearless":
        end_value = _yearless_end(token, following)
        if end_value is None:
            return None
        return DateRange(token.value, end_value, False, _extend(folded, token.start, following.end))
    start_value = token.value
    if token.kind == "yearless":
        start_value = _yearless_start(token, following.value or "")
        if start_value is None:
            return None
    if start_value is None:
        return None
    if following.kind == "present":
        span = _extend(folded, token.start, following.end)
        return DateRange(start_value, None, True, span)
    assert following.value is not None
    if following.value < start_value:
        return None  # "2023 - 2019" is not a range we understand
    span = _extend(folded, token.start, following.end)
    return DateRange(start_value, following.value, False, span)


def find_date_range(line: str) -> DateRange | None:
    """The first date range of ``line`` (or, failing that, its first single date)."""
    folded = fold_same_length(line)
    found = tokens(folded)
    for index in range(len(found)):
        result = _range_at(folded, found, index)
        if result is not None:
            return result
    for token in found:
        if token.value is None or token.kind in {"short", "yearless"}:
            continue
        since = SINCE_RE.search(folded[: token.start])
        if since:
            return DateRange(token.value, None, True, (since.start(), token.end))
        open_end = OPEN_END_RE.match(folded[token.end :])
        if open_end:  # "2020 –" at the end of a line: still going
            return DateRange(token.value, None, True, (token.start, token.end + open_end.end()))
        span = _extend(folded, token.start, token.end)
        return DateRange(token.value, token.value, False, span, single=True)
    return None


def remove_span(line: str, span: tuple[int, int]) -> str:
    """The line without the date text, separators and empty brackets left behind cleaned up."""
    text = line[: span[0]] + " " + line[span[1] :]
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    text = re.sub(r"(?:^|\s)(?:de|du|from|depuis|since)\s*$", " ", text.rstrip())
    text = re.sub(r"\s*([—–|·•,-])\s*([—–|·•,-]\s*)+", r" \1 ", text)
    text = re.sub(r"[\s,;]+\.$", "", text)  # "Assiut University, Assiut ,2015." → no " ."
    return text.strip(" \t,;:|·•-–—(")


def is_duration(text: str) -> bool:
    """Is the line only a length of time ("2 years 9 months", "(5 ans 2 mois)")? Profile exports
    write an employer's total time under its name, above the roles held there."""
    return bool(DURATION_LINE_RE.match(fold_same_length(text)))


def date_at_edge(line: str, found: DateRange) -> bool:
    """Is the date at the start or the end of the line (where CVs put entry dates)?"""
    before = line[: found.span[0]].strip(" \t,;:|·•-–—(")
    after = line[found.span[1] :].strip(" \t,;:|·•-–—).")
    return not before or not after


def normalise_date_input(value: str) -> str | None:
    """A date typed in a form → ``YYYY`` / ``YYYY-MM``; ``None`` if empty.

    Raises ``ValueError`` when the text is not a single date we understand.
    """
    text = value.strip()
    if not text:
        return None
    folded = fold_same_length(text)
    found = [t for t in tokens(folded) if t.kind in {"month", "year", "season"}]
    leftover = folded
    for token in found:
        leftover = leftover[: token.start] + " " * (token.end - token.start) + leftover[token.end :]
    if len(found) != 1 or leftover.strip(" .,"):
        raise ValueError(value)
    return found[0].value
