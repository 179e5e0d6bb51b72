"""Amounts of money typed into forms, the way people write them: "30 000 €", "30k", "45K€",
"30 000,50", "€30,000", "1.5k".

One reader for every money field, so a salary typed on the French page reads like one typed on
the English page. What it accepts:

* an optional currency (€, $, £, EUR, USD, GBP, euros) before or after the number;
* thousands grouped by spaces (plain, no-break, thin), apostrophes, or a dot / comma followed by
  exactly three digits ("30.000", "30,000");
* a decimal part of one or two digits after a comma or a dot ("30 000,50", "1.5k");
* a "k" (thousands) right after the number.

Everything else is refused rather than guessed: signs, exponents, other scripts' digits,
several decimal marks, a stray letter. The result is a ``Decimal`` (no float rounding).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from app.lib.i18n import N_, format_number
from app.lib.input_errors import InputError

MAX_CHARS = 40  # longer than any amount a person types; the regexes never see more
_CURRENCY = r"(?:€|\$|£|eur(?:os?)?|usd|gbp)"
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_SHAPE = re.compile(
    rf"^(?P<before>{_CURRENCY})?"
    r"(?P<number>[0-9][0-9 '.,]*?)"
    r"(?P<k>k)?"
    rf"(?P<after>{_CURRENCY})?$",
    re.IGNORECASE,
)
_GROUPED = re.compile(r"^[0-9]{1,3}(?:(?P<sep>[ '.,])[0-9]{3})*$")
_PLAIN = re.compile(r"^[0-9]+$")


class MoneyError(InputError):
    """An amount the reader cannot read, or out of the field's range; ``field`` is wording."""

    wording = ("field",)


def read_money(raw: str) -> Decimal | None:
    """The amount ``raw`` states, or None when it cannot be read without guessing."""
    if not isinstance(raw, str) or len(raw) > MAX_CHARS:
        return None
    # No Unicode folding: NFKC would read "3²" as 32. Only ASCII digits count.
    text = raw.strip()
    # Spaces around the currency or the k carry nothing; inside the number they group digits
    # and become plain spaces for the grouping rule below.
    text = _SPACES.sub(" ", text)
    text = re.sub(rf"\s*({_CURRENCY})\s*", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*[kK]", "k", text)
    match = _SHAPE.match(text)
    if match is None or (match.group("before") and match.group("after")):
        return None
    number = _number(match.group("number"))
    if number is None:
        return None
    return number * 1000 if match.group("k") else number


def _number(text: str) -> Decimal | None:
    """Digits with grouping and at most one decimal part of 1–2 digits."""
    whole, decimals = text, ""
    tail = re.search(r"[.,]([0-9]{1,2})$", text)
    if tail is not None:
        whole, decimals = text[: tail.start()], tail.group(1)
    whole = whole.strip()
    if _PLAIN.match(whole):
        digits = whole
    else:
        grouped = _GROUPED.match(whole)
        if grouped is None:
            return None
        separators = set(re.findall(r"[ '.,]", whole))
        if len(separators) != 1:  # "30.000,000" mixes marks: refused, not guessed
            return None
        if tail is not None and tail.group(0)[0] in separators:
            return None  # "1.000.50": the same mark cannot group and split decimals
        digits = re.sub(r"[ '.,]", "", whole)
    if len(digits) > 15:
        return None
    return Decimal(f"{digits}.{decimals}" if decimals else digits)


def money_value(value: Any, *, where: str, field: str, low: int, high: int) -> Decimal | None:
    """A form or JSON value as an amount within ``low..high``; None when left empty.

    ``field`` is the field's label (a catalogue id): the message names it in the reader's
    language. A JSON number is taken as it is; a bool never."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    amount: Decimal | None
    if isinstance(value, bool):
        amount = None
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(str(value)) if value == value and abs(value) < 1e15 else None
    else:
        amount = read_money(str(value))
    if amount is None:
        raise MoneyError(
            N_(
                "%(field)s: “%(value)s” is not an amount. "
                "Write it like 30000, 30 000 €, 30k or 45K€."
            ),
            code="money.unreadable",
            where=where,
            field=field,
            value=str(value)[:MAX_CHARS],
        )
    if not low <= amount <= high:
        raise MoneyError(
            N_("%(field)s: give an amount between %(low)s and %(high)s."),
            code="money.out_of_range",
            where=where,
            field=field,
            low=format_number(low),
            high=format_number(high),
        )
    return amount
