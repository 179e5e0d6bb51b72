"""Dates copied after the entries they belong to (app/lib/parsing/dates/stray_dates.py)."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.dates.stray_dates import dates_to_headings

SECTION = [
    "Web Developer Intern – Norvale.fr",
    "Built the booking pages.",
    "Seasonal Receptionist – Hotel Brakton, Leeds",
    "",
    "May – Aug 2024",
    "",
    "Jun – Jul 2022",
    "",
    "— Welcomed guests at the desk.",
]


def test_a_run_of_dates_goes_to_the_jobs_in_order() -> None:
    text = "Ada Morrel\nada@postbox.example\n\nWORK EXPERIENCE\n" + "\n".join(SECTION)
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.start, j.end) for j in jobs] == [
        ("Web Developer Intern", "2024-05", "2024-08"),
        ("Seasonal Receptionist", "2022-06", "2022-07"),
    ]


def test_counts_that_differ_or_dates_already_in_place_leave_the_text_alone() -> None:
    one_date_short = SECTION[:6] + SECTION[7:]
    assert dates_to_headings(one_date_short) == one_date_short
    in_place = ["2024 – 2025", "Buyer – Norvale", "", "2021 – 2023", "Clerk – Brakton"]
    assert dates_to_headings(in_place) == in_place
