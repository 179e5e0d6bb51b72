"""A stack of dates copied after the jobs they date (app/lib/parsing/dates/stacked_dates.py)."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.dates.stacked_dates import stacked_dates_to_jobs

SECTION = [
    "Harlow Dental Institute, Bristol, United Kingdom",
    "Teacher of Oral Surgery",
    "•",
    "•",
    "",
    "Taught practical sessions to second-year students",
    "Marked the final written exams",
    "",
    "Quaymoor Clinic, Bath, United Kingdom",
    "Staff Physician",
    "•",
    "",
    "Performed minor oral surgery as the attending physician.",
    "",
    "Mar 2021 – Jan 2024",
    "",
    "Penwith General Hospital, Truro, United Kingdom",
    "Emergency Dentist",
    "•",
    "",
    "Sep 2022 – present",
    "",
    "Sep 2016 – present",
    "",
    "Treated walk-in patients with acute dental pain",
]


def test_a_stack_of_dates_goes_under_the_undated_jobs_in_order() -> None:
    text = "Bram Tollis\nbram@postbox.example\n\nPROFESSIONAL EXPERIENCE\n" + "\n".join(SECTION)
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.start, j.current) for j in jobs] == [
        ("Teacher of Oral Surgery", "2022-09", True),
        ("Staff Physician", "2021-03", False),
        ("Emergency Dentist", "2016-09", True),
    ]


def test_a_place_above_each_stacked_date_moves_with_it() -> None:
    lines = [
        "Corvane Studio [Games]",
        "Intern - System Administrator",
        "Rebuilt the office network",
        "›",
        "Lintel-Prints.com [Printing]",
        "Intern - Webmaster",
        "Built a shop site",
        "",
        "Nantes - France",
        "Mars 2005 - Septembre 2005",
        "",
        "Angers - France",
        "Mars 2004 - Juillet 2004",
    ]
    moved = stacked_dates_to_jobs(lines)
    assert moved[:4] == [
        "Corvane Studio [Games]",
        "Intern - System Administrator",
        "Nantes - France",
        "Mars 2005 - Septembre 2005",
    ]
    assert moved[7:10] == ["Intern - Webmaster", "Angers - France", "Mars 2004 - Juillet 2004"]


def test_counts_that_differ_leave_the_text_alone() -> None:
    one_job_more = ["Cashier", "Served customers", "", *SECTION]
    assert stacked_dates_to_jobs(one_job_more) == one_job_more
    single = ["Cashier", "Served customers", "", "Stock Clerk", "", "May 2020 – Jun 2021"]
    assert stacked_dates_to_jobs(single) == single


def test_a_stack_with_no_job_line_before_it_is_left_alone() -> None:
    # A plain text-order copy of a two-column page can open a section with its date column.
    lines = ["2019 - 2020", "", "2018 - 2019", "", "Nurse", "Riverside Clinic"]
    assert stacked_dates_to_jobs(lines) == lines
