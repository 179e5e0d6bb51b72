"""The inbox reads an offer's salary as amounts with their unit and period
(app/domain/inbox/salary.py): a number is a salary by its own evidence (a currency, a range in
thousands, a word of pay nearest to it), never "401k" or an amount a benefit word stands
nearest to; a range with a "plus" part is the base range; a monthly amount is a year's twelfth;
an hourly or daily rate is no salary."""

from __future__ import annotations

import pytest

from app.domain.inbox.salary import detect_salary

NONE = (None, None)

ENGLISH = [
    # the shapes of a range
    ("$45-65k plus $10-20k", (45_000, 65_000)),
    ("$45-65k plus $10-20k bonus", (45_000, 65_000)),
    ("Base salary: $45-65k + $10-20k annual bonus", (45_000, 65_000)),
    ("Salary: $45-65k plus $10-20k commission", (45_000, 65_000)),
    ("Compensation: $150k-$180k base + equity", (150_000, 180_000)),
    ("$100k-$120k + 10% bonus", (100_000, 120_000)),
    ("£45k - £55k + benefits", (45_000, 55_000)),
    ("€45k–€55k", (45_000, 55_000)),
    ("$45–65K", (45_000, 65_000)),
    ("60-70k$", (60_000, 70_000)),
    ("55k-65k", (55_000, 65_000)),
    ("Salary: 45-55k", (45_000, 55_000)),
    ("$80,000 - $100,000 a year", (80_000, 100_000)),
    ("USD 120,000–150,000", (120_000, 150_000)),
    ("Salary range $120,000.00 - $140,000.00", (120_000, 140_000)),
    ("$120k–$150k/year", (120_000, 150_000)),
    ("Between $90,000 and $110,000", (90_000, 110_000)),
    ("From $90k to $110k", (90_000, 110_000)),
    ("$45,000 to $55,000 DOE", (45_000, 55_000)),
    ("Salary: £28,000 - £32,000 pro rata", (28_000, 32_000)),
    ("Benefits: $5,000 relocation budget\nSalary: $90,000 to $110,000", (90_000, 110_000)),
    ("Health insurance, $100k-$120k", (100_000, 120_000)),
    ("Python developer. Salary: 50k-60k€. Benefits: $5,000 relocation budget.", (50_000, 60_000)),
    ("Salary: $100,000 - $130,000 + 401(k)", (100_000, 130_000)),
    # one amount
    ("$120k", (120_000, 120_000)),
    ("€45,000", (45_000, 45_000)),
    ("60K EUR", (60_000, 60_000)),
    ("£50,000 per annum", (50_000, 50_000)),
    ("$80K/yr", (80_000, 80_000)),
    ("OTE $200k", (200_000, 200_000)),
    ("CHF 100'000", (100_000, 100_000)),
    ("Salary: 45000", (45_000, 45_000)),
    ("Salary $70k bonus $10k", (70_000, 70_000)),
    ("Salary £35k + 10% bonus + benefits", (35_000, 35_000)),
    ("Annual revenue of €20M, salary €55k", (55_000, 55_000)),
    ("401(k) with 4% match; salary $95k", (95_000, 95_000)),
    ("$8,000/month", (96_000, 96_000)),
    # no salary
    ("401k Retirement Program", NONE),
    ("401(k) matching", NONE),
    ("401k matching up to 6%", NONE),
    ("Salary: competitive, 401k", NONE),
    ("Benefits: 401(k) match, $5,000 relocation budget", NONE),
    ("Up to $20k bonus", NONE),
    ("Signing bonus $15,000 plus equity", NONE),
    ("We raised $500k seed round", NONE),
    ("$30/hour", NONE),
    ("$40/hr", NONE),
    ("Pay: $25 - $35 per hour", NONE),
    ("Hourly rate: $50-60/hour", NONE),
    ("10,000 employees across 40 countries since 2004", NONE),
    ("Founded in 2004, 10k users", NONE),
    ("10,000 paid users", NONE),
    ("We serve 20,000 customers", NONE),
    ("Customer base of 50,000 companies", NONE),
    ("Team of 45-65 people", NONE),
]

FRENCH = [
    ("45 000 – 55 000 € brut annuel", (45_000, 55_000)),
    ("Python developer, full remote, 55 000 € - 65 000 € per year", (55_000, 65_000)),
    ("Salaire : 45 à 55 k€ brut annuel", (45_000, 55_000)),
    ("Salaire: 45-55K€", (45_000, 55_000)),
    ("45K€ - 55K€", (45_000, 55_000)),
    ("45 k€ à 55 k€", (45_000, 55_000)),
    ("40-50 k€/an", (40_000, 50_000)),
    ("Entre 40 et 50 k€", (40_000, 50_000)),
    ("Rémunération : selon profil (entre 45 et 55 K€)", (45_000, 55_000)),
    ("De 40 000 à 50 000 euros par an", (40_000, 50_000)),
    ("Salaire : 40 à 45 000 € brut/an", (40_000, 45_000)),
    ("Salaire annuel brut : de 42 K€ à 48 K€", (42_000, 48_000)),
    ("EUR 60.000 - 70.000", (60_000, 70_000)),
    ("€ 55.000 – € 65.000", (55_000, 65_000)),
    ("Salary: 50 000 - 60 000 EUR", (50_000, 60_000)),
    ("45k-55k€ selon profil", (45_000, 55_000)),
    ("Package 55-65K", (55_000, 65_000)),
    ("Rémunération : 45-50 K€ fixe + 10 % variable", (45_000, 50_000)),
    ("Salaire: 38k", (38_000, 38_000)),
    ("Up to 70k€", (70_000, 70_000)),
    ("Jusqu'à 60 000 €", (60_000, 60_000)),
    ("Jusqu’à 55 000 € par an + primes", (55_000, 55_000)),
    ("Salaire : plus de 45 000 €", (45_000, 45_000)),  # "plus de" is "more than", no extra
    ("Salaire 45 000 € sur 13 mois", (45_000, 45_000)),
    ("Prime annuelle de 5 000 €, salaire 45 000 €", (45_000, 45_000)),
    ("Rémunération : 3 500 € brut par mois", (42_000, 42_000)),
    ("3 000 € net / mois", (36_000, 36_000)),
    ("2 500€ brut mensuel", (30_000, 30_000)),
    ("€3.5k/month", (42_000, 42_000)),
    ("Mutuelle, 13e mois", NONE),
    ("13e mois + intéressement", NONE),
    ("25 € brut de l'heure", NONE),
    ("TJM 500 €/jour", NONE),
    ("TJM : 450-550 €/jour", NONE),
    ("Tickets restaurant 10 € par jour, mutuelle", NONE),
    ("Budget formation 1 500 € / an", NONE),
    ("Remote, 2024, Paris 75011", NONE),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH + FRENCH)
def test_salary_read_from_an_offer(text: str, expected: tuple[int | None, int | None]) -> None:
    assert detect_salary(text) == expected


def test_the_first_range_is_the_base_whatever_comes_later() -> None:
    text = "Salary $70,000 - $85,000\nSigning bonus $15,000 plus equity\nUp to $20k bonus"
    assert detect_salary(text) == (70_000, 85_000)


def test_single_amounts_on_several_lines_give_their_span() -> None:
    text = "Salaire : à partir de 45 000 €\nMutuelle, 13e mois\nJusqu'à 52 000 € selon profil"
    assert detect_salary(text) == (45_000, 52_000)
