"""The date words and numbers CVs use, as typed tokens (see ``dates.py`` for ranges).

Kinds: ``month`` (YYYY-MM: "mars 2020", "03/2020", "2020-03", "15/03/2020"), ``year``,
``season`` ("Été 2022", "Summer 2021": the year only), ``short`` (two-digit years, "Feb 22",
"09/21": only trusted inside a range, where they cannot be a day or a fraction), ``yearless``
(a month without a year, "juin" in "juin-août 2023": a range start that borrows the end's year)
and ``present`` ("présent", "until now", "à ce jour"…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "janvier january janv jan",
        "fevrier february fevr feb fev",
        "mars march mar",
        "avril april avr apr",
        "mai may",
        "juin june jun",
        "juillet july juil jul",
        "aout august aou aug",
        "septembre september sept sep",
        "octobre october oct",
        "novembre november nov",
        "decembre december dec",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEASON_ALT = "ete|summer|hiver|winter|printemps|spring|automne|autumn|fall"
_PRESENT_ALT = (
    r"until now|till now|up to now|up to date|to date|to present|"
    r"jusqu'?(?:a|au) (?:ce jour|aujourd'hui|present|maintenant)|a ce jour|ce jour|"
    r"aujourd'hui|auj\.|present|actuellement|actuel|en cours|maintenant|now|current(?:ly)?|"
    r"today|ongoing|in progress|continue|a date"
)
_PRESENT_ALT = _PRESENT_ALT.replace(" ", r"\s+")  # TOKEN_RE is verbose: spaces are ignored
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_NOT_A_DAY = r"(?![\d/:])(?!\s*,?\s*(?:19|20)\d{2})"  # "May 19, 2020" is a day, not 2019

TOKEN_RE = re.compile(
    rf"""
    (?<![\d/.])(?P<dd>[0-3]?\d)[/.](?P<dm>0?[1-9]|1[0-2])[/.](?P<dy>{_YEAR})(?!\d)
  | (?<![a-z])(?P<mname>{_MONTH_ALT})\.?\s*(?:de\s+|of\s+|')?(?P<my>{_YEAR})(?!\d)
  | (?<![\d/.])(?P<nm>0?[1-9]|1[0-2])\s?[/.]\s?(?P<ny>{_YEAR})(?!\d)
  | (?<![\d/])(?P<iy>{_YEAR})[/.-](?P<im>0[1-9]|1[0-2])(?!\d)
  | (?<![a-z])(?P<season>{_SEASON_ALT})\s*(?:de\s+|')?(?P<sy>{_YEAR})(?!\d)
  | (?<!\d)(?P<year>{_YEAR})(?!\d)
  | (?<![a-z])(?P<sname>{_MONTH_ALT})\.?\s*'?(?P<syy>\d{{2}}){_NOT_A_DAY}
  | (?<![\d/.])(?P<snm>0[1-9]|1[0-2]|[1-9])[/.](?P<snyy>\d{{2}})(?![\d/.])
  | (?<![\d/.])(?P<yd>[0-3]?\d)/(?P<ym>0?[1-9]|1[0-2])(?![\d/])
  | (?<![\d/.])(?P<bm>0[1-9]|1[0-2])(?=\s*(?:au|a|-|–)\s*\d{{1,2}}/{_YEAR})
  | (?<![a-z])(?P<yname>{_MONTH_ALT})\.?(?![a-z])
  | (?<![a-z])(?P<present>{_PRESENT_ALT})(?![a-z])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # month | year | season | short | yearless | present
    value: str | None  # YYYY or YYYY-MM; None for present and yearless
    start: int
    end: int
    month: int | None = None  # the month of a yearless token
    day_first: bool = False  # written day/month/year: a "02/01" start before it is a day/month
    day_month: int | None = None  # "02/01" read as day/month instead of month/year


def _two_digit_year(text: str) -> str:
    number = int(text)
    return str(2000 + number if number <= 40 else 1900 + number)


def _token(match: re.Match[str]) -> Token:
    g = match.groupdict()
    at = (match.start(), match.end())
    if g["dy"]:
        return Token("month", f"{g['dy']}-{int(g['dm']):02d}", *at, day_first=True)
    if g["my"]:
        return Token("month", f"{g['my']}-{MONTHS[g['mname']]:02d}", *at)
    if g["ny"]:
        return Token("month", f"{g['ny']}-{int(g['nm']):02d}", *at)
    if g["iy"]:
        return Token("month", f"{g['iy']}-{int(g['im']):02d}", *at)
    if g["sy"]:
        return Token("season", g["sy"], *at)
    if g["year"]:
        return Token("year", g["year"], *at)
    if g["syy"]:
        return Token("short", f"{_two_digit_year(g['syy'])}-{MONTHS[g['sname']]:02d}", *at)
    if g["snyy"]:
        month = int(g["snyy"]) if 1 <= int(g["snyy"]) <= 12 else None
        value = f"{_two_digit_year(g['snyy'])}-{int(g['snm']):02d}"
        return Token("short", value, *at, day_month=month)
    if g["ym"]:
        return Token("yearless", None, *at, month=int(g["ym"]))
    if g["bm"]:  # "06 au 08/2023"
        return Token("yearless", None, *at, month=int(g["bm"]))
    if g["yname"]:
        return Token("yearless", None, *at, month=MONTHS[g["yname"]])
    return Token("present", None, *at)


def tokens(folded: str) -> list[Token]:
    """Date tokens of an already folded line (``text.fold_same_length``), in order. A two-digit
    day/month written before a day/month/year date is a day/month ("02/01 au 30/06/2024")."""
    found = [_token(m) for m in TOKEN_RE.finditer(folded)]
    for index, token in enumerate(found[:-1]):
        if token.day_month is not None and found[index + 1].day_first:
            found[index] = Token("yearless", None, token.start, token.end, month=token.day_month)
    return found
