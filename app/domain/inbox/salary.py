"""The yearly salary range an offer states, read as amounts with their unit and period.

Read line by line: a line about benefits (a retirement plan, a bonus, meal vouchers) gives no
salary, and on a salary line what follows "plus" or "+" is an extra, not the base
("$45-65k plus $10-20k" is 45 000–65 000). An amount counts with a currency, or as a range
in thousands ("55k-65k"), or on a line that names the pay: so "401k" is no salary. A monthly
amount counts twelve times; an hourly or daily rate is left out (no year can be told from it).
The number itself is read by app/lib/money.py, the one reader of amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.lib.money import read_money
from app.lib.text_forms import fold

LOW, HIGH = 10_000, 1_000_000  # plausible yearly amounts
_CURRENCY = r"(?:€|\$|£|eur(?:os?)?\b|usd\b|gbp\b|k€)"
_AMOUNT = (
    rf"(?P<{{p}}before>{_CURRENCY})?\s?"
    r"(?P<{p}number>\d{{1,3}}(?:[ \u00a0\u202f.,]\d{{3}})+|\d+(?:[.,]\d{{1,2}})?)"
    r"(?P<{p}k>\s?[kK](?![a-zA-Z]))?"
    rf"(?:\s?(?P<{{p}}after>{_CURRENCY}))?"
)
_RANGE = re.compile(
    r"(?<![\w.,])"
    + _AMOUNT.format(p="a")
    + r"(?:\s*(?:-|–|—|to|à)\s*"
    + _AMOUNT.format(p="b")
    + r")?(?![\w(])",
    re.IGNORECASE,
)
# After the amount, the period it is paid for (a year when none is said).
_BEFORE_PERIOD = r"^\W{0,3}(?:(?:brut|gross|net|bruts?)\s+)?(?:de\s+l'|d'|de\s+)?"
_MONTHLY = re.compile(
    _BEFORE_PERIOD + r"(?:(?:per|a|par|/)\s*(?:month|mo|mois)\b|mensuel|monthly|mois\b)"
)
_OTHER_PERIOD = re.compile(
    _BEFORE_PERIOD
    + r"(?:(?:per|an|a|par|/)\s*(?:hour|hr|h|heure|day|jour|week|semaine)\b|hourly|daily|"
    r"heure\b|jour\b)"
)
_EXTRA = re.compile(r"\s(?:plus|\+|and up to|bonus|prime|variable)\s", re.IGNORECASE)
# Folded words of a line about benefits rather than pay.
_BENEFIT_WORDS = re.compile(
    r"\b(?:401\s?\(?k\)?|retirement|pension|bonus|equity|stock|shares|signing|relocation|"
    r"stipend|allowance|budget|reimburse\w*|insurance|tickets? restaurant|mutuelle|"
    r"interessement|participation|avantages?|benefits?|perks?)\b"
)
_PAY_WORDS = re.compile(
    r"\b(?:salary|salaire|base|pay|compensation|remuneration|brut|gross|package|rate|ote|"
    r"range|fourchette)\b"
)


@dataclass(frozen=True, slots=True)
class Pay:
    """One amount or range as written: yearly amounts, in the offer's currency."""

    low: int
    high: int


def _value(number: str, k: bool) -> Decimal | None:
    return read_money(number + ("k" if k else ""))


def _yearly(amount: Decimal, tail: str) -> int | None:
    """``amount`` as a year's pay given the words after it; None for an hourly/daily rate."""
    text = fold(tail[:30])
    if _OTHER_PERIOD.match(text):
        return None
    if _MONTHLY.match(text):
        amount *= 12
    return int(amount)


def _pays(line: str) -> list[Pay]:
    folded = fold(line)
    names_pay = bool(_PAY_WORDS.search(folded))
    if _BENEFIT_WORDS.search(folded) and not names_pay:
        return []
    base = _EXTRA.split(line, maxsplit=1)[0]  # "$45-65k plus $10-20k": the part before
    out = []
    for match in _RANGE.finditer(base):
        groups = match.groupdict()
        is_range = groups["bnumber"] is not None
        currency = any(groups[g] for g in ("abefore", "aafter", "bbefore", "bafter"))
        k_b = bool(groups["bk"]) or "k€" in (groups["bafter"] or "").lower()
        k_a = bool(groups["ak"]) or "k€" in (groups["aafter"] or "").lower()
        if is_range and k_b and not k_a and "." not in (groups["anumber"] or ""):
            k_a = len(re.sub(r"\D", "", groups["anumber"])) <= 3  # "45-65k": both thousands
        if not (currency or (is_range and k_a and k_b) or (names_pay and (k_a or is_range))):
            continue  # a bare number, or "401k": no salary
        low = _value(groups["anumber"], k_a)
        high = _value(groups["bnumber"], k_b) if is_range else low
        if low is None or high is None:
            continue
        tail = base[match.end() :]
        yearly = [_yearly(a, tail) for a in (low, high)]
        if None in yearly:
            continue
        first, last = sorted(y for y in yearly if y is not None)
        if first >= LOW and last <= HIGH:
            out.append(Pay(first, last))
    return out


def detect_salary(text: str) -> tuple[int | None, int | None]:
    """The yearly base range an offer states: its first range, else the span of its amounts."""
    pays = [pay for line in text.splitlines() for pay in _pays(line)]
    if not pays:
        return None, None
    ranged = next((pay for pay in pays if pay.low != pay.high), None)
    if ranged is not None:
        return ranged.low, ranged.high
    return min(p.low for p in pays), max(p.high for p in pays)
