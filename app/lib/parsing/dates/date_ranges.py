"""How date tokens (``date_tokens.py``) join into ranges; ``dates.py`` finds them in a line.

Two tokens with a range separator between them ("2019 – 2023", "Jan 2020 to now", "2018 …"),
or a list of years or of months sharing the last one's year ("2017, 2018, 2019" for a job done
each summer, "Sept/Oct/Nov 2022"): a list runs from its first item to its last. A month without
a year borrows it from the other end ("juin-août 2023", "Avril 2009 à Décembre").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.lib.parsing.dates.date_tokens import Token

# The end may stand in brackets, still to come ("2022-(2025)"). Arrows of any drawing
# ("2019 ➔ 2021", "2019 ► 2021"): builders offer them as the range's mark.
ARROWS = "→➔➜➙➝➞➟➠➡⟶⟹⇒⇨⇾►▶▸»"
RANGE_SEPARATOR_RE = re.compile(
    r"^\s*(?:-|–|—|‒|−|~|a|au|to|till|until|jusqu'?a|jusqu'?en|et|and|->|=>|"
    rf"[{ARROWS}]|>|/|-\s*>)?\s*\(?\s*$"
)
LIST_SEPARATOR_RE = re.compile(r"^\s*(?:,|&|\+|/|et|and)\s*$")
OPEN_GAP_RE = re.compile(r"^\s*(?:[-–—~]\s*)?$")  # "2018 …", "2020 - ..."
SHORT_END_RE = re.compile(r"^\s*[-–—/]\s*(\d{2})(?!\d)")
FROM_RE = re.compile(r"(?:(?<![a-z])(?:de|du|from|d'|entre|between)\s*)$")
DURATION = (
    r"\d+\s*(?:ans?|annees?|mois|years?|yrs?|months?|mos?|semaines?|weeks?)\b"
    r"(?:\s*(?:et|and|,)?\s*\d+\s*(?:mois|months?|mos?)\b)?"
)
DURATION_AFTER_RE = re.compile(rf"^\s*[(·,|:–—-]?\s*\(?{DURATION}\s*\)?")
DURATION_BEFORE_RE = re.compile(rf"\(?{DURATION}\s*\)?\s*[-–—:,·|]?\s*$")
# A degree's end still to come, said before its date ("Expected in Mar 2021", "expected May
# 2026", "Anticipated graduation: 2025", "obtention prévue en 2026"): part of the date.
EXPECTED_BEFORE_RE = re.compile(
    r"(?<![a-z])(?:expected|anticipated|(?:anticipated\s+|expected\s+)?graduation(?:\s+date)?"
    r"|graduating|(?:obtention|diplome|fin)\s+prevue?|prevue?)\s*:?\s*(?:in\s+|on\s+|en\s+|le\s+)?$"
)
_YEAR_KINDS = {"year", "season"}


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str | None
    end: str | None
    current: bool
    span: tuple[int, int]
    single: bool = False  # one date, not a range (a graduation year, a certification date)

    def raw(self, line: str) -> str:
        return line[self.span[0] : self.span[1]].strip()


def extend(folded: str, start: int, end: int) -> tuple[int, int]:
    """Widen a date span over a leading "de"/"from" and a duration before or after it."""
    after = DURATION_AFTER_RE.match(folded[end:])
    if after:
        end += after.end()
    before = folded[:start]
    duration = DURATION_BEFORE_RE.search(before)
    if duration:
        start = duration.start()
    else:
        since = FROM_RE.search(before) or EXPECTED_BEFORE_RE.search(before)
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


def _listed(last: Token, token: Token) -> bool:
    """May ``token`` follow ``last`` in a list: a later year, or a month (with or without its
    year) after a month without one?"""
    if last.kind in _YEAR_KINDS and token.kind in _YEAR_KINDS:
        return (token.value or "") > (last.value or "")
    return last.kind == "yearless" and token.kind in {"yearless", "month"}


def _list_range(folded: str, found: list[Token], index: int) -> DateRange | None:
    """ "2018, 2019", "2017, 2018 et 2019", "Sept/Oct/Nov 2022": from the first to the last."""
    run = [found[index]]
    for token in found[index + 1 :]:
        last = run[-1]
        if not LIST_SEPARATOR_RE.match(folded[last.end : token.start]) or not _listed(last, token):
            break
        run.append(token)
        if token.kind == "month":
            break
    while run and run[-1].kind == "yearless":
        run.pop()  # a list of months must end with its year
    if len(run) < 2 or run[-1].value is None:
        return None
    first, last, end = run[0], run[-1], run[-1].value or ""
    start = _yearless_start(first, end) if first.kind == "yearless" else first.value
    span = extend(folded, first.start, last.end)
    return DateRange(start, end, False, span) if start else None


def _short_end(folded: str, token: Token) -> DateRange | None:
    """ "2018-19": a year and the last two digits of the next."""
    short = SHORT_END_RE.match(folded[token.end :])
    if token.kind != "year" or not short or not token.value:
        return None
    end_value = f"{token.value[:2]}{short.group(1)}"
    if end_value <= token.value:
        return None
    return DateRange(token.value, end_value, False, (token.start, token.end + short.end()))


def range_at(folded: str, found: list[Token], index: int) -> DateRange | None:
    """The range that starts with token ``index``, if any."""
    listed = _list_range(folded, found, index)
    if listed is not None:
        return listed
    token = found[index]
    following = found[index + 1] if index + 1 < len(found) else None
    gap = folded[token.end : following.start] if following else ""
    if following is None or not RANGE_SEPARATOR_RE.match(gap):
        return _short_end(folded, token)
    if following.kind == "yearless":
        end_value = _yearless_end(token, following)
        if end_value is None:
            return None
        return DateRange(token.value, end_value, False, extend(folded, token.start, following.end))
    start_value = token.value
    if token.kind == "yearless":
        start_value = _yearless_start(token, following.value or "")
    if start_value is None:
        return None
    if following.kind == "present" or (following.kind == "open" and OPEN_GAP_RE.match(gap)):
        return DateRange(start_value, None, True, extend(folded, token.start, following.end))
    if following.value is None or following.value < start_value:
        return None  # "2023 - 2019" is not a range we understand
    end = following.end + (
        gap.rstrip().endswith("(") and folded[following.end : following.end + 1] == ")"
    )
    span = extend(folded, token.start, end)
    return DateRange(start_value, following.value, False, span)
