"""The one reader of money fields (app/lib/money.py): what people type is read, what would need
a guess is refused with a message in the reader's language."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.lib import i18n
from app.lib.input_errors import user_message
from app.lib.money import MoneyError, money_value, read_money


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("30000", "30000"),
        ("30 000", "30000"),
        ("30 000 €", "30000"),
        ("30\u00a0000\u00a0€", "30000"),  # no-break spaces, as French formatting writes them
        ("30\u202f000 €", "30000"),  # narrow no-break space
        ("€30,000", "30000"),
        ("30.000 EUR", "30000"),
        ("30'000", "30000"),
        ("30k", "30000"),
        ("30 K", "30000"),
        ("45K€", "45000"),
        ("45 k€", "45000"),
        ("$45k", "45000"),
        ("1.5k", "1500"),
        ("1,5k", "1500"),
        ("30 000,50", "30000.50"),
        ("30 000.5", "30000.5"),
        ("1,234,567.89", "1234567.89"),
        ("1.234.567,89 €", "1234567.89"),
        ("  42  ", "42"),
        ("0", "0"),
        ("50000 euros", "50000"),
        ("60 000 £", "60000"),
    ],
)
def test_amounts_people_type_are_read(typed: str, amount: str) -> None:
    assert read_money(typed) == Decimal(amount)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "k",
        "€",
        "lots",
        "trente mille",
        "-30000",
        "+30000",
        "30kk",
        "30 k k",
        "1e9",
        "0x10",
        "NaN",
        "Infinity",
        "3²",  # a superscript is no digit
        "٣٠٠٠٠",  # nor are other scripts' digits
        "３０",  # fullwidth digits: not folded
        "30.000,000",  # two marks that both group
        "1.000.50",  # the same mark grouping and splitting decimals
        "1,2,3",
        "30 00",  # a group of two digits
        "30.",
        ".5",
        "30,123,45",
        "30 000 €€",
        "€30€",  # a currency on both sides is still one: refused as odd
        "30 000,505",
        "30\x00000",
        "<script>1</script>",
        "9" * 16,
        "1" + " 000" * 6,  # more digits than any amount
        "3" * 41,
        "30 000 € 40 000 €",
    ],
)
def test_what_needs_a_guess_is_refused(typed: str) -> None:
    assert read_money(typed) is None


def test_json_numbers_are_taken_as_they_are_and_bools_never() -> None:
    field = "Minimum salary"
    assert money_value(45000, where="f", field=field, low=0, high=10**7) == 45000
    assert money_value(45000.5, where="f", field=field, low=0, high=10**7) == Decimal("45000.5")
    assert money_value(None, where="f", field=field, low=0, high=10) is None
    assert money_value("  ", where="f", field=field, low=0, high=10) is None
    for odd in (True, float("nan"), float("inf")):
        with pytest.raises(MoneyError) as refused:
            money_value(odd, where="f", field=field, low=0, high=10**7)
        assert refused.value.code == "money.unreadable"


def test_refusals_are_worded_in_the_readers_language() -> None:
    token = i18n.current_locale.set("fr")
    try:
        with pytest.raises(MoneyError) as unreadable:
            money_value("beaucoup", where="minSalary", field="Minimum salary", low=0, high=10**7)
        with pytest.raises(MoneyError) as too_big:
            money_value("20M", where="minSalary", field="Minimum salary", low=0, high=10**7)
        with pytest.raises(MoneyError) as too_much:
            money_value("20 000 000", where="minSalary", field="Minimum salary", low=0, high=10**7)
        french = user_message(unreadable.value)
        french_range = user_message(too_much.value)
    finally:
        i18n.current_locale.reset(token)
    assert too_big.value.code == "money.unreadable"  # "M" is not a suffix it knows
    assert french.startswith("Salaire minimum") and "beaucoup" in french and "45K€" in french
    assert "n'est pas un montant" in french
    assert too_much.value.code == "money.out_of_range"
    assert "10\u202f000\u202f000" in french_range or "10 000 000" in french_range
    token = i18n.current_locale.set("en")
    try:
        english = user_message(unreadable.value)
    finally:
        i18n.current_locale.reset(token)
    assert english.startswith("Minimum salary: “beaucoup” is not an amount")
