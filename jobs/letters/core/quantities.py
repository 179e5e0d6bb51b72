"""Quantities a letter may write without digits, in French and English: numbers in words
("four engineers", "vingt-cinq clients", "a dozen", "des centaines"), multipliers ("doubled",
"tripled", "x3", "multiplié par deux") and durations ("ten years", "a decade", "une dizaine
d'années", "18 mois").

Each is read as a value, so the guard (``core/guard.py``) compares values, not spellings: "four"
is supported by a CV that writes "4"; "doubled" by a CV that says "doubled", "x2" or "+100%"; a
duration by the CV's own dates (the longest stretch of experience without a long break) or a
duration the CV itself states.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from app.lib.cv_content import CvContent
from app.lib.text_forms import fold
from jobs.pipeline.core.timeline import span

MAX_BREAK_MONTHS = 12  # a shorter break between two jobs does not end a stretch of experience
APPROXIMATE = (0.8, 1.25)  # "a dozen", "une dizaine": a CV value this close supports it
VAGUE_RANGE = (2, 1000)  # "hundreds": from 2 to 999 hundreds

UNITS = {
    "en": {
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    },
    "fr": {
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
        "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
        "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
        "cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80, "nonante": 90,
    },
}  # fmt: skip
SCALES = {
    "en": {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9},
    "fr": {"cent": 100, "cents": 100, "mille": 1000, "million": 10**6, "milliard": 10**9},
}
# Plural scale words alone: "hundreds of users", "des milliers de colis" (2 to 999 of them).
VAGUE = {
    "en": {"dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 10**6},
    "fr": {
        "dizaines": 10, "douzaines": 12, "centaines": 100, "milliers": 1000,
        "millions": 10**6, "milliards": 10**9,
    },
}  # fmt: skip
# About this many: "a dozen", "une dizaine", "une vingtaine".
ROUGHLY = {
    "en": {"dozen": 12},
    "fr": {
        "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
        "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
        "millier": 1000,
    },
}  # fmt: skip
CONNECTORS = {"en": {"and"}, "fr": {"et"}}
ARTICLES = {"en": {"a", "an"}, "fr": {"un", "une"}}
NOT_A_NUMBER_BEFORE = {"per", "pour"}  # "35 per cent", "35 pour cent"

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+")

# Multipliers written as verbs or adverbs.
MULTIPLIER_WORDS = {
    "double": 2, "doubled": 2, "doubles": 2, "doubling": 2, "twofold": 2, "twice": 2,
    "triple": 3, "tripled": 3, "triples": 3, "tripling": 3, "threefold": 3, "thrice": 3,
    "quadruple": 4, "quadrupled": 4, "quadruples": 4, "quadrupling": 4, "fourfold": 4,
    "quintupled": 5, "fivefold": 5, "tenfold": 10, "halved": 0.5, "halving": 0.5,
    "doublé": 2, "doublée": 2, "doublés": 2, "doublées": 2, "doubler": 2, "doublement": 2,
    "triplé": 3, "triplée": 3, "triplés": 3, "triplées": 3, "tripler": 3, "triplement": 3,
    "quadruplé": 4, "quadruplée": 4, "quadrupler": 4, "quintuplé": 5, "décuplé": 10,
    "décuplée": 10, "décupler": 10,
}  # fmt: skip
_MULTIPLIER_WORDS = {fold(k): v for k, v in MULTIPLIER_WORDS.items()}
_TIMES_RE = re.compile(r"(?<![\w])(?:[x×]\s?(\d+(?:[.,]\d+)?)|(\d+(?:[.,]\d+)?)\s?[x×])(?![\w])")
_FOLD_RE = re.compile(r"\b(\w+)[- ]fold\b")
_BY_RE = re.compile(
    r"\b(multipli\w*|divis\w*)\b(?:\s+[\w']+){0,4}?\s+(?:par|by)\s+(\w+(?:[.,]\d+)?)"
    r"|\b(?:by a factor of|d'un facteur(?: de)?)\s+(\w+(?:[.,]\d+)?)"
)
_PERCENT_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s?(?:%|per ?cent|pour ?cent)")

# Durations: a count then a unit.
YEAR_UNITS = {"year", "years", "yr", "yrs", "an", "ans", "annee", "annees"}
MONTH_UNITS = {"month", "months", "mois"}
DECADE_UNITS = {"decade", "decades", "decennie", "decennies"}


@dataclass(frozen=True)
class Quantity:
    value: float
    text: str  # as written in the sentence
    kind: str = "exact"  # "exact" | "roughly" (a dozen) | "vague" (hundreds)
    start: int = 0  # token span in the sentence
    end: int = 0


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(fold(text).replace("’", "'"))


def _digit_value(token: str) -> float | None:
    if not token[:1].isdigit():
        return None
    try:
        return float(token.replace(",", "."))
    except ValueError:
        return None


def number_words(text: str, language: str) -> list[Quantity]:
    """The numbers written in words in ``text`` (a lone "one"/"un" is no claim), and digits
    followed by a scale word ("2 million"), with their token spans."""
    units, scales = UNITS.get(language, {}), SCALES.get(language, {})
    vague, roughly = VAGUE.get(language, {}), ROUGHLY.get(language, {})
    words = tokens(text)
    found: list[Quantity] = []
    i = 0
    while i < len(words):
        word = words[i]
        previous = words[i - 1] if i else ""
        if word in vague and previous not in ARTICLES.get(language, set()):
            found.append(Quantity(vague[word], word, "vague", i, i + 1))
            i += 1
            continue
        if word in roughly:
            found.append(Quantity(roughly[word], word, "roughly", i, i + 1))
            i += 1
            continue
        starts = word in units or word in scales or _digit_value(word) is not None
        article = word in ARTICLES.get(language, set()) and i + 1 < len(words)
        if article and words[i + 1] in scales:
            starts = True
        if not starts or previous in NOT_A_NUMBER_BEFORE:
            i += 1
            continue
        total, current, j, spelled = 0.0, 0.0, i, False
        while j < len(words):
            token = words[j]
            digit = _digit_value(token)
            if digit is not None and j == i:
                current = digit
            elif token in units:
                unit = units[token]
                # "quatre-vingt(s)": four twenties
                current = current * 20 if unit == 20 and 1 < current < 10 else current + unit
                spelled = True
            elif token in scales and not (words[j - 1] in NOT_A_NUMBER_BEFORE if j else False):
                scale = scales[token]
                if scale == 100:
                    current = max(current, 1) * 100
                else:
                    total += max(current, 1) * scale
                    current = 0
                spelled = True
            elif token in ARTICLES.get(language, set()) and j == i:
                current = 1
            elif token in CONNECTORS.get(language, set()) and j + 1 < len(words):
                if words[j + 1] not in units:
                    break
            else:
                break
            j += 1
        if spelled and total + current > 1:
            found.append(Quantity(total + current, " ".join(words[i:j]), "exact", i, j))
        i = max(j, i + 1)
    return found


_DATE_RE = re.compile(r"(?<![\w.,])(?:19|20)\d\d(?:-\d{1,2}){0,2}(?![\w.,])")


def values_of(text: str) -> set[float]:
    """Every number ``text`` states, in digits or in words, in either language; not its dates
    ("2020-12" is no twelve, "2021" no "thousands")."""
    text = _DATE_RE.sub(" ", text)
    values = {v for v in (_digit_value(t) for t in tokens(text)) if v is not None}
    for language in UNITS:
        values |= {q.value for q in number_words(text, language) if q.kind == "exact"}
    return values


def supported_value(quantity: Quantity, values: set[float]) -> bool:
    if quantity.kind == "vague":
        few, many = VAGUE_RANGE
        return any(few * quantity.value <= v < many * quantity.value for v in values)
    if quantity.kind == "roughly":
        low, high = APPROXIMATE
        return any(low * quantity.value <= v <= high * quantity.value for v in values)
    return quantity.value in values


def _number(token: str, language: str) -> float | None:
    digit = _digit_value(token)
    if digit is not None:
        return digit
    found = number_words(token, language)
    return found[0].value if found else UNITS.get(language, {}).get(token)


def multipliers(text: str) -> list[Quantity]:
    """The factors ``text`` claims: "doubled" (2), "x3", "3-fold", "multiplié par deux",
    "halved" / "divisé par 2" (0.5)."""
    folded = fold(text)
    found = [Quantity(_MULTIPLIER_WORDS[w], w) for w in tokens(folded) if w in _MULTIPLIER_WORDS]
    for match in _TIMES_RE.finditer(folded):
        number = _digit_value(match.group(1) or match.group(2))
        if number:
            found.append(Quantity(number, match.group(0).strip()))
    for match in _FOLD_RE.finditer(folded):
        number = _number(match.group(1), "en")
        if number:
            found.append(Quantity(number, match.group(0)))
    for match in _BY_RE.finditer(folded):
        word = match.group(2) or match.group(3)
        number = _number(word, "fr") or _number(word, "en")
        if number:
            divided = (match.group(1) or "").startswith("divis")
            found.append(Quantity(1 / number if divided else number, match.group(0)))
    return found


def factors_of(text: str) -> set[float]:
    """The factors a CV supports: its own multipliers, and its percentages read as changes
    ("+100%" doubles, "-50%" halves)."""
    factors = {q.value for q in multipliers(text)}
    for match in _PERCENT_RE.finditer(fold(text)):
        percent = _digit_value(match.group(1)) or 0.0
        factors |= {round(1 + percent / 100, 2), round(1 - percent / 100, 2)}
    return factors


def durations(text: str, language: str) -> list[Quantity]:
    """The durations ``text`` claims, in months, with their token spans: "5 years", "ten
    years", "a decade", "two decades", "decades", "18 mois", "une dizaine d'années"."""
    words = tokens(text)
    counts = number_words(text, language)
    found: list[Quantity] = []
    for index, word in enumerate(words):
        unit = 12 if word in YEAR_UNITS else 1 if word in MONTH_UNITS else 0
        unit = 120 if word in DECADE_UNITS else unit
        if not unit:
            continue
        # The count: the number just before (skipping "d'"/"of"), or an article ("a decade").
        before = index - 1
        while before >= 0 and words[before] in ("d", "of", "de"):
            before -= 1
        count = next((q for q in counts if q.end == before + 1), None) if before >= 0 else None
        digit = _digit_value(words[before]) if before >= 0 else None
        if count is not None:
            found.append(
                Quantity(count.value * unit, " ".join(words[count.start : index + 1]),
                         count.kind, count.start, index + 1)
            )  # fmt: skip
        elif digit is not None:
            found.append(
                Quantity(digit * unit, " ".join(words[before : index + 1]), "exact", before,
                         index + 1)
            )  # fmt: skip
        elif unit == 120 and word.endswith("s"):  # "decades of experience": two at least
            found.append(Quantity(240, word, "exact", index, index + 1))
        elif unit == 120:  # "a decade", "une décennie", "over a decade"
            found.append(Quantity(120, word, "exact", index, index + 1))
    return found


def stated_months(text: str) -> float:
    """The longest duration ``text`` states itself (a CV's "10 years of experience")."""
    found = [q.value for language in UNITS for q in durations(text, language)]
    return max(found, default=0.0)


def duration_supported(quantity: Quantity, months: float) -> bool:
    """A duration no longer than ``months`` (a rough one, "une dizaine", at its lower end)."""
    claimed = quantity.value * (APPROXIMATE[0] if quantity.kind == "roughly" else 1)
    return claimed <= months


def longest_stretch(cv: CvContent, today: datetime.date | None) -> int:
    """The months of the CV's longest stretch of experience, breaks of up to
    ``MAX_BREAK_MONTHS`` included. Without ``today``, a current job ends at the latest date
    the CV names (a guard never assumes more time than the CV shows)."""
    if today is None:
        named = [
            date
            for exp in cv.experience
            for date in (exp.start, exp.end)
            if date and re.match(r"\s*\d{4}", date)
        ]
        if not named:
            return 0
        matches = [re.match(r"\s*(\d{4})(?:-(\d{1,2}))?", d) for d in named]
        latest = max((m for m in matches if m is not None), key=_month_key)
        today = datetime.date(int(latest.group(1)), min(int(latest.group(2) or 1), 12), 1)
    spans = sorted(s for s in (span(exp, today) for exp in cv.experience) if s is not None)
    longest, run_start, run_end = 0, None, None
    for start, end in spans:
        if run_start is None or run_end is None or start > run_end + MAX_BREAK_MONTHS + 1:
            run_start, run_end = start, end
        else:
            run_end = max(run_end, end)
        longest = max(longest, run_end - run_start + 1)
    return longest


def _month_key(match: re.Match[str]) -> int:
    return int(match.group(1)) * 12 + int(match.group(2) or 1)
