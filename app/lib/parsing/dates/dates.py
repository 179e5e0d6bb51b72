"""Dates and date ranges as CVs write them, in French and English.

"2019 – 2023", "janv. 2020 - présent", "03/2018–Present", "Jan 2020 to Dec 2021",
"depuis septembre 2021", "2018-19", "de 2015 à 2017 (2 ans)", "Feb 22-Dec 23", "09/21 - 06/22",
"Été 2022 (2 mois)", "juin-août 2023", "De mars à juillet 2023", "02/01 au 30/06/2024",
"6 mois - 2021", "March, 2019 - June, 2020", "2018 …", "2017, 2018, 2019", "Sept/Oct/Nov 2022"
→ start/end normalised to ``YYYY`` or ``YYYY-MM``, ``current`` for ongoing ranges, and the span
of the match in the line (prepositions and durations included, so cutting the span out of a
heading leaves the title clean). The token grammar lives in ``date_tokens.py``, how tokens join
into ranges in ``date_ranges.py``, ranges broken over two lines in ``date_lines.py``.
"""

from __future__ import annotations

import re

from app.lib.parsing.dates.date_ranges import DURATION, DateRange, extend, range_at
from app.lib.parsing.dates.date_tokens import MONTHS, fold_dates, tokens

__all__ = [
    "MONTHS",
    "DateRange",
    "date_at_edge",
    "find_date_range",
    "is_duration",
    "normalise_date_input",
]

SINCE_RE = re.compile(r"(?:depuis|since|from|des|a partir de|a compter de)\s*(?:le\s+)?$")
OPEN_END_RE = re.compile(r"^\s*[-–—]\s*(?:$|(?=[)\]]))")  # "2020 –", "(2024-)"
# The first day of a range of days before "14 février 2020": "du 10 au ", "from 3 to ", "10-".
DAYS_BEFORE_RE = re.compile(r"(?:\b(?:du|from)\s+)?\b\d{1,2}(?:er)?\s*(?:au|to|-|–)\s*$")
DURATION_LINE_RE = re.compile(rf"^\s*\(?{DURATION}\s*\)?\s*$")


def find_date_range(line: str) -> DateRange | None:
    """The first date range of ``line`` (or, failing that, its first single date)."""
    folded = fold_dates(line)
    found = tokens(folded)
    for index in range(len(found)):
        result = range_at(folded, found, index)
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
        days = DAYS_BEFORE_RE.search(folded[: token.start]) if token.kind == "month" else None
        if days:  # "du 10 au 14 février 2020": a range of days, within one month
            return DateRange(token.value, token.value, False, (days.start(), token.end))
        span = extend(folded, token.start, token.end)
        return DateRange(token.value, token.value, False, span, single=True)
    return None


def range_alone(line: str) -> DateRange | None:
    """The range a line holds with nothing else ("2015 — 2016", "mars 2016 — novembre 2016"):
    a start and an end (or "present"), no single date, no word left around it."""
    text = line.strip()
    found = find_date_range(text) if text else None
    if found is None or found.single or not found.start or remove_span(text, found.span):
        return None
    return found


def remove_span(line: str, span: tuple[int, int]) -> str:
    """The line without the date text, separators and empty brackets left behind cleaned up."""
    text = line[: span[0]] + " " + line[span[1] :]
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    text = re.sub(r"(?:^|\s)(?:de|du|from|depuis|since)\s*$", " ", text.rstrip())
    text = re.sub(r"\s*([—–|·•,-])\s*([—–|·•,-]\s*)+", r" \1 ", text)
    text = re.sub(r"[\s,;]+\.$", "", text)  # "Assiut University, Assiut ,2015." → no " ."
    return text.strip(" \t,;:|/·•-–—(")  # "JUIN 2020 / Serveur": the date's slash goes too


def is_duration(text: str) -> bool:
    """Is the line only a length of time ("2 years 9 months", "(5 ans 2 mois)")? Profile exports
    write an employer's total time under its name, above the roles held there."""
    return bool(DURATION_LINE_RE.match(fold_dates(text)))


def date_at_edge(line: str, found: DateRange) -> bool:
    """Is the date at the start or the end of the line (where CVs put entry dates)?"""
    before = line[: found.span[0]].strip(" \t,;:|/·•-–—(")
    after = line[found.span[1] :].strip(" \t,;:|/·•-–—).")
    return not before or not after


def normalise_date_input(value: str) -> str | None:
    """A date typed in a form → ``YYYY`` / ``YYYY-MM``; ``None`` if empty.

    Raises ``ValueError`` when the text is not a single date we understand.
    """
    text = value.strip()
    if not text:
        return None
    folded = fold_dates(text)
    found = [t for t in tokens(folded) if t.kind in {"month", "year", "season"}]
    leftover = folded
    for token in found:
        leftover = leftover[: token.start] + " " * (token.end - token.start) + leftover[token.end :]
    if len(found) != 1 or leftover.strip(" .,"):
        raise ValueError(value)
    return found[0].value
