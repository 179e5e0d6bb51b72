"""The inbox reads an offer's salary as amounts with their unit and period
(app/domain/inbox/salary.py): never from "401k" or a benefit line; a range with a "plus" part
is the base range; a monthly amount is a year's twelfth; an hourly or daily rate is no salary."""

from __future__ import annotations

import pytest

from app.domain.inbox.salary import detect_salary

CASES = [
    ("$45-65k plus $10-20k", (45_000, 65_000)),
    ("Base salary: $45-65k + $10-20k annual bonus", (45_000, 65_000)),
    ("401k Retirement Program", (None, None)),
    ("Benefits: 401(k) match, $5,000 relocation budget", (None, None)),
    ("Benefits: $5,000 relocation budget\nSalary: $90,000 to $110,000", (90_000, 110_000)),
    ("Python developer, full remote, 55 000 € - 65 000 € per year", (55_000, 65_000)),
    ("Salaire : 45 à 55 k€ brut annuel", (45_000, 55_000)),
    ("55k-65k", (55_000, 65_000)),
    ("Rémunération : 3 500 € brut par mois", (42_000, 42_000)),
    ("€45,000", (45_000, 45_000)),
    ("$120k", (120_000, 120_000)),
    ("60K EUR", (60_000, 60_000)),
    ("25 € brut de l'heure", (None, None)),
    ("TJM 500 €/jour", (None, None)),
    ("10,000 employees across 40 countries since 2004", (None, None)),
    ("Tickets restaurant 10 € par jour, mutuelle", (None, None)),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_salary_read_from_an_offer(text: str, expected: tuple[int | None, int | None]) -> None:
    assert detect_salary(text) == expected


def test_the_first_range_is_the_base_whatever_comes_later() -> None:
    text = "Salary $70,000 - $85,000\nSigning bonus $15,000 plus equity\nUp to $20k bonus"
    assert detect_salary(text) == (70_000, 85_000)
