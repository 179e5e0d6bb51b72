"""The date words and numbers CVs use, as typed tokens (see ``dates.py`` for ranges).

Kinds: ``month`` (YYYY-MM: "mars 2020", "March, 2020", "15 mars 2020", "03/2020", "03-2020",
"2020-03", "2020.03", "15/03/2020", month first where the day tells "03/15/2020", "March 15,
2020"; a long month name typed with one slip, "Setpembre 2020"),
``year``, ``season`` ("Été 2022", "Summer 2021", "Q1 2020": the year only), ``short`` (two-digit
years, "Feb 22", "09/21": only trusted inside a range, where they cannot be a day or a
fraction), ``yearless`` (a month without a year, "juin" in "juin-août 2023": a range start that
borrows the end's year), ``present`` ("présent", "until now", "à ce jour", "till date"…) and
``open`` (an ellipsis after a start, "2018 …": ongoing).

A year is not a date when it is a product's version ("Windows Server 2019", "Office 2016", "ISO
27001:2013") or an amount ("2000 €", "$2000").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.lib.parsing.text.text import INVISIBLE_RE
from app.lib.text_forms import fold_same_length

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
# Month names long enough that a word one slip away from them is that month misspelt
# ("setpembre", "febuary", "juilet"); "march" and "marche" are two words.
_LONG_MONTHS = {name: number for name, number in MONTHS.items() if len(name) >= 6}
_SEASON_ALT = r"ete|summer|hiver|winter|printemps|spring|automne|autumn|fall|q[1-4]"
_PRESENT_ALT = (
    r"until now|till now|up to now|up to date|to date|(?:till|until) date|to present|"
    r"jusqu'?(?:a|au) (?:ce jour|aujourd'hui|present|maintenant)|a ce jour|ce jour|nos jours|"
    r"aujourd'hui|auj\.|present|actuellement|actuel|en cours|en poste|maintenant|now|"
    r"current(?:ly)?|today|ongoing|in progress|continue|a date"
)
_PRESENT_ALT = _PRESENT_ALT.replace(" ", r"\s+")  # TOKEN_RE is verbose: spaces are ignored
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_NOT_A_DAY = r"(?![\d/:])(?!\s*,?\s*(?:19|20)\d{2})"  # "May 19, 2020" is a day, not 2019
_DAY = r"(?:(?<![\w/.,+])[0-3]?\d(?:er|st|nd|rd|th)?\s+(?:de\s+|of\s+)?)?"  # "15 mars", "1er"
_DAY_AFTER_RE = re.compile(
    r"(?:^|[^\w\s]|\t|\s\s|(?<![a-z])(?:du|le|depuis|since|from|on|de|des|au|a|to|the|et|and))\s*$"
)
# "…" / "..." ends an open range only where a date column would end: the line's end or a gap.
_OPEN_END = r"(?:\.{3}|…)(?!\.)(?=\s*$|\s*[)\]|;,·•\t]|\s{2}|\s+[-–—]\s)"

TOKEN_RE = re.compile(
    rf"""
    (?<![\d/.])(?P<dd>[0-3]?\d)(?P<ds>[/.-])(?P<dm>0?[1-9]|1[0-2])(?P=ds)(?P<dy>{_YEAR})(?!\d)
  | (?<![\d/.])(?P<um>0?[1-9]|1[0-2])(?P<us>[/.-])(?:1[3-9]|2\d|3[01])(?P=us)(?P<uy>{_YEAR})(?!\d)
  | (?<![a-z])(?P<uname>{_MONTH_ALT})\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?P<uny>{_YEAR})(?!\d)
  | {_DAY}(?<![a-z])(?P<mname>{_MONTH_ALT})\.?\s*,?\s*(?:de\s+|of\s+|')?(?P<my>{_YEAR})(?!\d)
  | (?<![\d/.])(?P<nm>0?[1-9]|1[0-2])\s?[/.]\s?(?P<ny>{_YEAR})(?!\d)
  | (?<![\d/.])(?P<hm>0[1-9]|1[0-2])-(?P<hy>{_YEAR})(?!\d)
  | (?<![\d/])(?P<iy>{_YEAR})[/.-](?P<im>0[1-9]|1[0-2])(?!\d)
  | (?<![a-z])(?P<season>{_SEASON_ALT})\s*(?:de\s+|of\s+|')?(?P<sy>{_YEAR})(?!\d)
  | (?<![\d$€£])(?P<year>{_YEAR})(?!\d)
  | (?<![a-z])(?P<sname>{_MONTH_ALT})\.?\s*'?(?P<syy>\d{{2}}){_NOT_A_DAY}
  | (?<![\d/.])(?P<snm>0[1-9]|1[0-2]|[1-9](?=/))[/.](?P<snyy>\d{{2}})(?![\d/.])
  | (?<![\d/.])(?P<yd>[0-3]?\d)/(?P<ym>0?[1-9]|1[0-2])(?![\d/])
  | (?<![\d/.])(?P<bm>0[1-9]|1[0-2])(?=\s*(?:au|a|-|–)\s*\d{{1,2}}/{_YEAR})
  | {_DAY}(?<![a-z])(?P<yname>{_MONTH_ALT})\.?(?![a-z])
  | (?<![a-z])(?P<present>{_PRESENT_ALT})(?![a-z])
  | (?<!\.)(?P<open>{_OPEN_END})
  | (?<![a-z])(?P<fname>[a-z]{{5,11}})\.?\s+(?P<fy>{_YEAR})(?!\d)
    """,
    re.VERBOSE,
)
# A year that names a product's version or an amount, not a time.
_PRODUCT_BEFORE_RE = re.compile(
    r"(?<![a-z])(?:windows(?:\s+server)?|sql\s+server|visual\s+studio|office|excel|powerpoint|"
    r"outlook|sharepoint|exchange|autocad|revit|solidworks|catia|"
    r"(?:ms|microsoft)\s+(?:word|project)|\d:)\s*$"
)
_RANGE_ON_RE = re.compile(r"^\s*[-–—]\s*\d")
_UNIT_AFTER_RE = re.compile(r"^\s*(?:€|\$|£|%|k€|keur\b|eur\b|euros?\b|usd\b|dollars?\b)")
# Dashes and quotes that PDFs use for "-" and "'" (one character each: spans stay in place).
_SAME_LENGTH = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2015": "—", "\u2212": "-"})
_SAME_LENGTH.update(str.maketrans({"\ufe63": "-", "\uff0d": "-", "\u2019": "'", "\u02bc": "'"}))


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # month | year | season | short | yearless | present | open
    value: str | None  # YYYY or YYYY-MM; None for present, open and yearless
    start: int
    end: int
    month: int | None = None  # the month of a yearless token
    day_first: bool = False  # written day/month/year: a "02/01" start before it is a day/month
    day_month: int | None = None  # "02/01" read as day/month instead of month/year
    month_first: str | None = None  # "09/01/2019" read month first (YYYY-MM), when it can be
    us_order: bool = False  # written month first for sure ("02/28/2021")


def fold_dates(text: str) -> str:
    """``text`` folded for the date grammar, one character per character: lowercase without
    accents, PDF hyphens and quotes unified, invisible marks (bidi, zero-width) as spaces."""
    return INVISIBLE_RE.sub(" ", fold_same_length(text).translate(_SAME_LENGTH))


def _two_digit_year(text: str) -> str:
    number = int(text)
    return str(2000 + number if number <= 40 else 1900 + number)


def _start(match: re.Match[str]) -> int:
    """Where the token starts: a day before the month only where a date can start ("15 mars
    2019", "du 1er mars"), not after a word ("Paris 15 juin 2023" is an arrondissement)."""
    name = "mname" if match.group("mname") else "yname" if match.group("yname") else None
    if name is None or match.start() == match.start(name):
        return match.start()
    if _DAY_AFTER_RE.search(match.string[: match.start()]):
        return match.start()
    return match.start(name)


def _one_slip(word: str, name: str) -> bool:
    """One letter changed, added, dropped, or two neighbours swapped."""
    if abs(len(word) - len(name)) > 1 or word == name:
        return False
    if len(word) == len(name):
        diff = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == name[diff[1]]
        return len(diff) == 1 or (swapped and word[diff[1]] == name[diff[0]])
    short, long = sorted((word, name), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _doubled_letter(word: str, name: str) -> bool:
    """ "juiin" for "juin": one letter typed twice (the only slip short names are allowed: any
    other would turn too many words into months)."""
    return len(word) == len(name) + 1 and any(
        word[i] == word[i - 1] and word[:i] + word[i + 1 :] == name for i in range(1, len(word))
    )


def misspelt_month(word: str) -> int | None:
    """The month a word names with one slip (a long name) or a doubled letter (any name)."""
    long = next((n for name, n in _LONG_MONTHS.items() if _one_slip(word, name)), None)
    return long or next((n for name, n in MONTHS.items() if _doubled_letter(word, name)), None)


def _token(match: re.Match[str]) -> Token:
    g = match.groupdict()
    if g["fname"]:  # a word then a year: a misspelt month, else the year alone
        month = misspelt_month(g["fname"])
        if month is None:
            return Token("year", g["fy"], match.start("fy"), match.end())
        return Token("month", f"{g['fy']}-{month:02d}", match.start(), match.end())
    at = (_start(match), match.end())
    if g["dy"]:
        other = f"{g['dy']}-{int(g['dd']):02d}" if 1 <= int(g["dd"]) <= 12 else None
        value = f"{g['dy']}-{int(g['dm']):02d}"
        return Token("month", value, *at, day_first=True, month_first=other)
    if g["uy"]:  # "03/15/2021": month first, as the day cannot be a month
        return Token("month", f"{g['uy']}-{int(g['um']):02d}", *at, us_order=True)
    if g["uny"]:  # "March 15, 2021"
        return Token("month", f"{g['uny']}-{MONTHS[g['uname']]:02d}", *at)
    if g["my"]:
        return Token("month", f"{g['my']}-{MONTHS[g['mname']]:02d}", *at)
    for month_group, year_group in (("nm", "ny"), ("hm", "hy"), ("im", "iy")):
        if g[year_group]:
            return Token("month", f"{g[year_group]}-{int(g[month_group]):02d}", *at)
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
    return Token("open" if g["open"] else "present", None, *at)


def _not_a_year(folded: str, token: Token) -> bool:
    """A product's version or an amount; "Back office 2019 - 2021" still starts a range."""
    if token.kind != "year" or _RANGE_ON_RE.match(folded[token.end :]):
        return False
    after = folded[token.end :]
    return bool(_PRODUCT_BEFORE_RE.search(folded[: token.start]) or _UNIT_AFTER_RE.match(after))


def tokens(folded: str) -> list[Token]:
    """Date tokens of an already folded line (``fold_dates``), in order. A two-digit
    day/month written before a day/month/year date is a day/month ("02/01 au 30/06/2024")."""
    found = [_token(m) for m in TOKEN_RE.finditer(folded)]
    found = [token for token in found if not _not_a_year(folded, token)]
    if any(token.us_order for token in found):  # "09/01/2019 - 02/28/2021": one order per line
        found = [
            replace(token, value=token.month_first, day_first=False) if token.month_first else token
            for token in found
        ]
    for index, token in enumerate(found[:-1]):
        if token.day_month is not None and found[index + 1].day_first:
            found[index] = Token("yearless", None, token.start, token.end, month=token.day_month)
    return found
