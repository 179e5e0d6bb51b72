"""The application deadline an offer's text states ("Date limite de candidature : 15/03/2026",
"Apply by March 15, 2026"), for the tracker's calendar. Offers have no deadline field: the date
is read from the text, only right after words that announce a deadline, so a start date or a
salary is never taken for one. French and English; day first for an all-number date (as in
both the French and the British habit) unless the day cannot be the first number.

A date without a year is the one nearest to the day the offer was added.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

MONTHS = {
    **dict.fromkeys(("janvier", "january", "jan"), 1),
    **dict.fromkeys(("fevrier", "february", "feb"), 2),
    **dict.fromkeys(("mars", "march", "mar"), 3),
    **dict.fromkeys(("avril", "april", "apr"), 4),
    **dict.fromkeys(("mai", "may"), 5),
    **dict.fromkeys(("juin", "june", "jun"), 6),
    **dict.fromkeys(("juillet", "july", "jul"), 7),
    **dict.fromkeys(("aout", "august", "aug"), 8),
    **dict.fromkeys(("septembre", "september", "sept", "sep"), 9),
    **dict.fromkeys(("octobre", "october", "oct"), 10),
    **dict.fromkeys(("novembre", "november", "nov"), 11),
    **dict.fromkeys(("decembre", "december", "dec"), 12),
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday),?\s+"
)
# Words that announce the deadline (accents folded, lower case), then a little filler.
_ANNOUNCE = (
    r"(?:date\s+limite(?:\s+de\s+(?:candidature|depot|reponse)s?)?"
    r"|cloture\s+des\s+candidatures|candidatures?\s+(?:jusqu'?\s*au|avant\s+le)"
    r"|postuler\s+(?:avant\s+le|jusqu'?\s*au)|au\s+plus\s+tard\s+le"
    r"|deadline|closing\s+date|apply\s+(?:by|before)|applications?\s+(?:close[sd]?|due)"
    r"|applications?\s+(?:accepted\s+)?until|no\s+later\s+than)"
)
_FILLER = rf"[\s:–—-]*(?:(?:le|on|the|is|:)\s+)?(?:{_WEEKDAY})?"
_DATES = (
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))"
    r"|(?P<num>(?P<na>\d{1,2})[/.](?P<nb>\d{1,2})[/.](?P<ny>\d{4}|\d{2}))"
    rf"|(?P<dm>(?P<dd>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?:of\s+)?(?P<dmm>{_MONTH})\.?"
    r"(?:,?\s+(?P<dy>\d{4}))?)"
    rf"|(?P<md>(?P<mdm>{_MONTH})\.?\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<mdy>\d{{4}}))?)"
)
_DEADLINE = re.compile(rf"{_ANNOUNCE}{_FILLER}(?:{_DATES})\b")


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest(month: int, day: int, reference: date) -> date | None:
    """The date of that month and day nearest to ``reference`` (a year was not given)."""
    found = [
        d
        for year in (reference.year - 1, reference.year, reference.year + 1)
        if (d := _day(year, month, day)) is not None
    ]
    return min(found, key=lambda d: abs((d - reference).days)) if found else None


def _dated(match: re.Match[str], reference: date) -> date | None:
    if match["iso"]:
        return _day(int(match["iy"]), int(match["im"]), int(match["id"]))
    if match["num"]:
        first, second, year = int(match["na"]), int(match["nb"]), int(match["ny"])
        year += 2000 if year < 100 else 0
        day, month = (second, first) if second > 12 >= first else (first, second)
        return _day(year, month, day)
    if match["dm"]:
        month, day, year_text = MONTHS[match["dmm"]], int(match["dd"]), match["dy"]
    else:
        month, day, year_text = MONTHS[match["mdm"]], int(match["mdd"]), match["mdy"]
    if year_text:
        return _day(int(year_text), month, day)
    return _nearest(month, day, reference)


def find_deadline(text: str, reference: date) -> date | None:
    """The first stated deadline in ``text`` within two years of ``reference`` (the day the
    offer was added), or None."""
    for match in _DEADLINE.finditer(_folded(text)):
        found = _dated(match, reference)
        if found is not None and abs((found - reference).days) <= 730:
            return found
    return None
