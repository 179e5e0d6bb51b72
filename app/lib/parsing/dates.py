"""Dates and date ranges as CVs write them, in French and English.

"2019 – 2023", "janv. 2020 - présent", "03/2018–Present", "Jan 2020 to Dec 2021",
"depuis septembre 2021", "2018-19", "de 2015 à 2017 (2 ans)" → start/end normalised to ``YYYY``
or ``YYYY-MM``, ``current`` for ongoing ranges, and the span of the match in the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.lib.parsing.text import fold_same_length

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
        "aout august aug",
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
_PRESENT_ALT = (
    r"present|aujourd'hui|auj\.|actuellement|actuel|en cours|ce jour|a ce jour|a date|"
    r"now|current(?:ly)?|today|ongoing|to date"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"

TOKEN_RE = re.compile(
    rf"""
    (?<![a-z])(?P<mname>{_MONTH_ALT})\.?\s*(?:de\s+|of\s+|')?(?P<y1>{_YEAR})(?!\d)
  | (?<![\d/.])(?P<m2>0?[1-9]|1[0-2])\s?[/.]\s?(?P<y2>{_YEAR})(?!\d)
  | (?<![\d/])(?P<y3>{_YEAR})[/.-](?P<m3>0[1-9]|1[0-2])(?![\d])
  | (?<!\d)(?P<y4>{_YEAR})(?!\d)
  | (?<![a-z])(?P<present>{_PRESENT_ALT})(?![a-z])
    """,
    re.VERBOSE,
)
RANGE_SEPARATOR_RE = re.compile(
    r"^\s*(?:-|–|—|‒|−|~|a|au|to|till|until|jusqu'?a|jusqu'?en|->|→|>|/|-\s*>)?\s*$"
)
SHORT_END_RE = re.compile(r"^\s*[-–—/]\s*(\d{2})(?!\d)")
SINCE_RE = re.compile(r"(?:depuis|since|from|des|a partir de|a compter de)\s*(?:le\s+)?$")
OPEN_END_RE = re.compile(r"^\s*[-–—]\s*$")
DURATION_RE = re.compile(
    r"^\s*[(·,|-]?\s*\d+\s*(?:ans?|annees?|mois|years?|yrs?|months?|mos?)\b"
    r"(?:\s*(?:et|and|,)?\s*\d+\s*(?:mois|months?|mos?)\b)?\s*\)?",
)


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str | None
    end: str | None
    current: bool
    span: tuple[int, int]
    single: bool = False  # one date, not a range (a graduation year, a certification date)

    def raw(self, line: str) -> str:
        return line[self.span[0] : self.span[1]].strip()


@dataclass(frozen=True, slots=True)
class _Token:
    value: str | None  # None for "present"
    start: int
    end: int


def _tokens(folded: str) -> list[_Token]:
    tokens = []
    for match in TOKEN_RE.finditer(folded):
        groups = match.groupdict()
        if groups["present"]:
            value = None
        elif groups["y1"]:
            value = f"{groups['y1']}-{MONTHS[groups['mname']]:02d}"
        elif groups["y2"]:
            value = f"{groups['y2']}-{int(groups['m2']):02d}"
        elif groups["y3"]:
            value = f"{groups['y3']}-{int(groups['m3']):02d}"
        else:
            value = groups["y4"]
        tokens.append(_Token(value, match.start(), match.end()))
    return tokens


def _extend_duration(folded: str, end: int) -> int:
    match = DURATION_RE.match(folded[end:])
    return end + match.end() if match else end


def find_date_range(line: str) -> DateRange | None:
    """The first date range of ``line`` (or, failing that, its first single date)."""
    folded = fold_same_length(line)
    tokens = _tokens(folded)
    for index, token in enumerate(tokens):
        if token.value is None:
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following and RANGE_SEPARATOR_RE.match(folded[token.end : following.start]):
            if following.value is not None and following.value < token.value:
                continue  # "2023 - 2019" is not a range we understand
            end = _extend_duration(folded, following.end)
            return DateRange(
                token.value, following.value, following.value is None, (token.start, end)
            )
        short = SHORT_END_RE.match(folded[token.end :])
        if short and token.value.isdigit():  # "2018-19"
            end_year = f"{token.value[:2]}{short.group(1)}"
            if end_year > token.value:
                end = token.end + short.end()
                return DateRange(token.value, end_year, False, (token.start, end))
    for token in tokens:
        if token.value is None:
            continue
        before = folded[: token.start]
        since = SINCE_RE.search(before)
        if since:
            return DateRange(token.value, None, True, (since.start(), token.end))
        open_end = OPEN_END_RE.match(folded[token.end :])
        if open_end:  # "2020 –" at the end of a line: still going
            return DateRange(token.value, None, True, (token.start, token.end + open_end.end()))
        end = _extend_duration(folded, token.end)
        return DateRange(token.value, token.value, False, (token.start, end), single=True)
    return None


def remove_span(line: str, span: tuple[int, int]) -> str:
    """The line without the date text, separators and empty brackets left behind cleaned up."""
    text = line[: span[0]] + " " + line[span[1] :]
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    text = re.sub(r"(?:^|\s)(?:de|du|from|depuis|since)\s*$", " ", text.rstrip())
    text = re.sub(r"\s*([—–|·•,-])\s*([—–|·•,-]\s*)+", r" \1 ", text)
    return text.strip(" \t,;:|·•-–—(")


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
    tokens = [t for t in _tokens(fold_same_length(text)) if t.value is not None]
    leftover = fold_same_length(text)
    for token in tokens:
        leftover = leftover[: token.start] + " " * (token.end - token.start) + leftover[token.end :]
    if len(tokens) != 1 or leftover.strip(" .,"):
        raise ValueError(value)
    return tokens[0].value
