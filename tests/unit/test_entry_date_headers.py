"""A date line over a list of entries dates each of them (``entry_date_headers.py``)."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.entry_date_headers import spread_date_headers

SECTION = [
    "2019",
    "• (2 weeks): Intern, Acme Corp, Springfield",
    "• (1 month): Waiter, Harbour Café, Shelbyville",
    "2018",
    "• (3 weeks): Picker, Orchard Farm, Ogdenville",
    "• Usher, Lakeside Theatre, Springfield",
]


def test_the_header_moves_onto_each_item() -> None:
    spread = spread_date_headers(SECTION)
    assert spread[0] == "" and spread[3] == ""
    assert spread[1] == "Intern, Acme Corp, Springfield\t2019 (2 weeks)"
    assert spread[5] == "Usher, Lakeside Theatre, Springfield\t2018"


def test_each_item_is_a_job_with_the_headers_dates() -> None:
    text = "\n".join(["Jane Doe", "", "EXPERIENCE", "", *SECTION])
    jobs = parse_cv_text(text).content.experience
    assert [(job.title, job.company, job.start) for job in jobs] == [
        ("Intern", "Acme Corp", "2019"),
        ("Waiter", "Harbour Café", "2019"),
        ("Picker", "Orchard Farm", "2018"),
        ("Usher", "Lakeside Theatre", "2018"),
    ]


def test_duties_under_a_date_stay_one_entry() -> None:
    lines = [
        "2019 – 2021",
        "Developer, Acme Corp",
        "• Built the billing service, its tests and its docs",
        "• Ran the on-call rota, with two colleagues",
    ]
    assert spread_date_headers(lines) == lines


def test_items_followed_by_text_are_no_list_of_entries() -> None:
    lines = [*SECTION[:3], "Summer jobs to pay for my studies.", *SECTION[3:]]
    spread = spread_date_headers(lines)
    assert spread[:4] == lines[:4]
