"""The yearly salary range an offer states, read as amounts with their unit and period.

A number is a salary only on its own evidence: a currency beside it ("€45k", "55 000 €",
"USD 120,000"), a range in thousands ("55k-65k", "45-65k"), or a word of pay nearest to it in
its clause ("Salary: 45-55k", "Rémunération : entre 45 et 55 K€"). The nearest cue decides: a
benefit or a company figure nearest to the amount ("$5,000 relocation budget", "Up to $20k
bonus", "$500k seed round") makes it no salary, and "401(k)" is never an amount. On a salary
line, what follows "plus" or "+" is an extra, not the base ("$45-65k plus $10-20k bonus" is
45 000–65 000). A monthly amount counts twelve times; an hourly or daily rate is left out (no
year can be told from it). Each number is read by app/lib/money.py, the one reader of amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.lib.money import read_money
from app.lib.text_forms import fold

LOW, HIGH = 10_000, 1_000_000  # plausible yearly amounts
_CURRENCY = r"(?:€|\$|£|\b(?:eur(?:os?)?|usd|gbp|chf)\b)"
_AMOUNT = re.compile(
    rf"(?P<before>{_CURRENCY}\s?)?"
    r"(?<![\w.,'])(?P<number>\d{1,3}(?:[ \u00a0\u202f.,']\d{3})+(?:[.,]\d{1,2})?"
    r"|\d+(?:[.,]\d{1,2})?)"
    r"(?:\s?(?P<k>k)(?![a-z]))?"
    rf"(?:\s?(?P<after>{_CURRENCY}))?"
    r"(?![\w%(])",
    re.IGNORECASE,
)
# Names of retirement plans, never amounts: "401k", "401(k) matching", "403(b)".
_PLAN_NAMES = re.compile(r"\b40[13]\s?(?:\(\s?[kb]\s?\)|[kb]\b)", re.IGNORECASE)
# What may stand between the two ends of a range; "and"/"et" only after "between"/"entre".
_RANGE_DASH = re.compile(r"^\s*(?:-|–|—|to|à|a|au)\s*$", re.IGNORECASE)
_RANGE_AND = re.compile(r"^\s*(?:and|et)\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|entre)\s*$", re.IGNORECASE)
# Clauses of a line: the cue that decides an amount is looked for within its own clause.
_CLAUSES = re.compile(r"\s*(?:[;|•·]|,\s|\.\s)\s*")
# What comes after these in a clause is an extra, never the base ("plus de" is "more than").
_EXTRA = re.compile(r"\s(?:plus(?!\s+d[e'’])|\+|and up to|en plus)\s", re.IGNORECASE)
# After the amount, the period it is paid for (a year when none is said).
_BEFORE_PERIOD = r"^\W{0,3}(?:(?:brut|gross|net|bruts?)\s*)?(?:de\s+l'|d'|de\s+)?"
_MONTHLY = re.compile(
    _BEFORE_PERIOD + r"(?:(?:per|a|par|/)\s*(?:month|mo|mois)\b|mensuel|monthly|mois\b)"
)
_OTHER_PERIOD = re.compile(
    _BEFORE_PERIOD
    + r"(?:(?:per|an|a|par|/)\s*(?:hour|hr|h|heure|day|jour|week|semaine)\b|hourly|daily|"
    r"heure\b|jour\b)"
)
# Folded cue words: pay, or money that is no pay (benefits, extras, the company's figures).
_PAY = r"salary|salaire|salarial\w*|pay|wages?|compensation|remuneration|brut|gross|ote|"
_PAY += r"package|fourchette"
_NOT_PAY = (
    r"401\s?\(?k\)?|retirement|pension|bonus\w*|equity|stock|shares|rsus?|signing|relocation|"
    r"stipend|allowance|budget|reimburse\w*|insurance|tickets? (?:restaurant|resto)|mutuelle|"
    r"interessement|participation|prime|commissions?|variable|avantages?|benefits?|perks?|"
    r"training|formation|funding|raised|round|revenue|turnover|chiffre d'affaires|arr|"
    r"valuation|levee|employees|users|clients|customers"
)
_CUE = re.compile(rf"\b(?:(?P<pay>{_PAY})|(?P<other>{_NOT_PAY}))\b")
_LABEL = re.compile(r"^\s*([^:\d]{2,40}):")


@dataclass(frozen=True, slots=True)
class Pay:
    """One amount or range as written: yearly amounts, in the offer's currency."""

    low: int
    high: int


@dataclass(frozen=True, slots=True)
class _Amount:
    """One number as written, with what it carries itself."""

    start: int
    end: int
    value: Decimal
    thousands: bool  # a "k" after it
    currency: bool


def _amounts(clause: str) -> list[_Amount]:
    out = []
    for match in _AMOUNT.finditer(clause):
        value = read_money(match.group("number"))
        if value is not None:
            currency = bool(match.group("before") or match.group("after"))
            k = bool(match.group("k"))
            out.append(_Amount(match.start(), match.end(), value * (1000 if k else 1), k, currency))
    return out


def _spans(clause: str) -> list[tuple[_Amount, _Amount]]:
    """The amounts as (low end, high end): a range's two ends, or one amount twice."""
    amounts, out, i = _amounts(clause), [], 0
    while i < len(amounts):
        first = amounts[i]
        second = amounts[i + 1] if i + 1 < len(amounts) else None
        between = clause[first.end : second.start] if second else ""
        if second and (
            _RANGE_DASH.match(between)
            or (_RANGE_AND.match(between) and _BETWEEN.search(clause[: first.start]))
        ):
            out.append((first, second))
            i += 2
        else:
            out.append((first, first))
            i += 1
    return out


def _cue(clause: str, start: int, end: int, label: str) -> str | None:
    """``pay``, ``other`` or None: the cue word nearest before the amount in its clause, else
    the first after it, else the line's label ("Benefits:", "Salaire :")."""
    before = list(_CUE.finditer(fold(clause[:start])))
    found = before[-1] if before else _CUE.search(fold(clause[end:])) or _CUE.search(label)
    if found is None:
        return None
    return "pay" if found.group("pay") else "other"


def _yearly(amount: Decimal, tail: str) -> int | None:
    """``amount`` as a year's pay given the words after it; None for an hourly/daily rate."""
    text = fold(tail[:30])
    if _OTHER_PERIOD.match(text):
        return None
    if _MONTHLY.match(text):
        amount *= 12
    return int(amount)


def _pay(clause: str, low: _Amount, high: _Amount, label: str) -> Pay | None:
    is_range = low is not high
    low_value = low.value
    if is_range and low_value < 1000 <= high.value and low_value * 1000 <= high.value:
        low_value *= 1000  # "45-65k", "40 à 45 000 €": the low end in thousands too
    cue = _cue(clause, low.start, high.end, label)
    if cue == "other":
        return None  # a benefit, a bonus or a company figure nearest to it
    evidence = low.currency or high.currency or (is_range and high.thousands) or cue == "pay"
    if not evidence:
        return None  # a bare number: a headcount, a year, "10k users"
    yearly = [_yearly(value, clause[high.end :]) for value in (low_value, high.value)]
    if None in yearly:
        return None
    first, last = sorted(y for y in yearly if y is not None)
    return Pay(first, last) if first >= LOW and last <= HIGH else None


def _pays(line: str) -> list[Pay]:
    line = _PLAN_NAMES.sub(" ", line)
    labelled = _LABEL.match(line)
    label = fold(labelled.group(1)) if labelled else ""
    out = []
    for clause in _CLAUSES.split(line):
        base = _EXTRA.split(clause, maxsplit=1)[0]  # "$45-65k plus $10-20k": the part before
        for low, high in _spans(base):
            pay = _pay(base, low, high, label)
            if pay is not None:
                out.append(pay)
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
