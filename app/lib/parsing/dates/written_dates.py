"""Which normalised dates a text writes, at which precision (for checking an LLM's extraction).

A model asked for ``YYYY-MM`` may answer "2021-04" or even "2021-04-11" when the CV says only
"2021". A value is supported only at the precision the text writes it:

* ``YYYY``       — the year appears ("2021", "04/2021", "Été 2021", "avril 2021"…);
* ``YYYY-MM``    — that month of that year is written: a month name with the year ("avril
  2021", "Apr. 2021", "April of 2021"), numbers ("04/2021", "2021-04", "04.2021"), a whole day
  ("11/04/2021", "11 avril 2021", "April 11, 2021"), or a range whose ends borrow a year or
  use two digits ("avril-juin 2021", "Apr 21 - Jun 22", "04/21 – 06/22": only inside a range,
  as in dates.py, where they cannot be a day or a fraction); a month and its year may sit on
  two lines that follow each other (a PDF's line or column break);
* ``YYYY-MM-DD`` — that very day is written ("11/04/2021", "2021-04-11", "11 avril 2021",
  "1er avril 2021", "April 11, 2021"). A numeric day whose two first numbers could both be a
  month ("04/11/2021") supports both readings: CVs write day/month and month/day.
"""

from __future__ import annotations

import re
from itertools import pairwise

from app.lib.parsing.dates.date_tokens import MONTHS, fold_dates, tokens
from app.lib.parsing.dates.dates import find_date_range

TAB = "\t"  # PDF text separates a page's columns on one line with a tab
_YEAR = r"(?:19|20)\d\d"
_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
_ANY_YEAR_RE = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")
_ISO_DAY_RE = re.compile(rf"(?<![\d/.])({_YEAR})[-/.](\d{{1,2}})[-/.](\d{{1,2}})(?![\d/.])")
_NUMERIC_DAY_RE = re.compile(rf"(?<![\d/.])(\d{{1,2}})[-/.](\d{{1,2}})[-/.]({_YEAR})(?!\d)")
_DAY_MONTH_RE = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?:de\s+|of\s+)?({_MONTH_NAME})\.?,?\s+"
    rf"(?:de\s+)?({_YEAR})(?!\d)"
)
_MONTH_DAY_RE = re.compile(
    rf"(?<![a-z])({_MONTH_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})(?!\d)"
)
_NORMALISED_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _day(year: str, month: int, day: int) -> str | None:
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year}-{month:02d}-{day:02d}"
    return None


class WrittenDates:
    """The years, months and days ``text`` writes, each as its normalised value."""

    def __init__(self, text: str) -> None:
        self.years: set[str] = set(_ANY_YEAR_RE.findall(text))
        self.months: set[str] = set()
        self.days: set[str] = set()
        lines = [fold_dates(line) for line in text.splitlines()]
        for line in lines:
            self._read_line(line)
        # A month at the end of a line whose year starts the next ("de septembre\n2020"), or a
        # date column cut across lines ("Mars - Sept\tStage…\n2024\tAcme…"): read joined.
        for line, following in pairwise(lines):
            self._read_line(f"{line} {following}")
            self._read_line(f"{line.split(TAB)[0]} {following.split(TAB)[0]}")
        for day in self.days:
            self.months.add(day[:7])
        self.years |= {month[:4] for month in self.months}

    def _read_line(self, folded: str) -> None:
        for token in tokens(folded):
            if token.kind == "month" and token.value:
                self.months.add(token.value)
        position = 0
        while position < len(folded):  # every range of the line, not just the first
            found = find_date_range(folded[position:])
            if found is None or found.span[1] == 0:
                break
            for value in (found.start, found.end):
                if value and len(value) == 7:
                    self.months.add(value)
            position += found.span[1]
        days: list[str | None] = []
        for match in _ISO_DAY_RE.finditer(folded):
            days.append(_day(match.group(1), int(match.group(2)), int(match.group(3))))
        for match in _NUMERIC_DAY_RE.finditer(folded):
            first, second, year = int(match.group(1)), int(match.group(2)), match.group(3)
            days += [_day(year, second, first), _day(year, first, second)]
        for match in _DAY_MONTH_RE.finditer(folded):
            days.append(_day(match.group(3), MONTHS[match.group(2)], int(match.group(1))))
        for match in _MONTH_DAY_RE.finditer(folded):
            days.append(_day(match.group(3), MONTHS[match.group(1)], int(match.group(2))))
        self.days |= {day for day in days if day}

    def supports(self, value: str | None) -> bool:
        """Is ``value`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) written at its precision?"""
        if value is None:
            return True
        found = _NORMALISED_RE.match(value.strip())
        if not found:
            return False
        year, month, day = found.groups()
        if day is not None:
            return value.strip() in self.days
        if month is not None:
            return value.strip() in self.months
        return year in self.years

    def written_part(self, value: str) -> str | None:
        """The most precise part of ``value`` the text writes ("2021-04-11" → "2021-04" when
        the text says "avril 2021"), or None when not even its year is written."""
        found = _NORMALISED_RE.match(value.strip())
        if not found:
            return None
        year, month, _ = found.groups()
        if month is not None and f"{year}-{month}" in self.months:
            return f"{year}-{month}"
        return year if year in self.years else None
