"""Employers copied as one column under the first job (app/lib/parsing/entries/stacked_names.py)."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.stacked_names import stacked_names_to_heads

FIRST = ["06.2023 – 05.2025", "Quality Technician", "Bervel Foods", "Barcelona",
         "Quindvik & Dalvasten", "Lyon", "• Wrote the quality procedures.", ""]  # fmt: skip
SECOND = ["08.2022 – 02.2023", "Business Developer", "• Automated the closing checks.", ""]


def test_each_employer_and_town_go_under_their_job_in_print_order() -> None:
    text = "Clara Vastenber\nclara@postbox.example\n\nExperience\n" + "\n".join(FIRST + SECOND)
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.company, j.location) for j in jobs] == [
        ("Quality Technician", "Bervel Foods", "Barcelona"),
        ("Business Developer", "Quindvik & Dalvasten", "Lyon"),
    ]


def test_a_stack_that_does_not_divide_among_the_jobs_stays() -> None:
    three = [*FIRST[:6], "Remote", *FIRST[6:], *SECOND]  # 5 names for 2 jobs
    assert stacked_names_to_heads(three) == three
    # A later job with its own employer: the first one's lines are its own.
    own = [*FIRST, "08.2022 – 02.2023", "Business Developer", "Corvin", "• Filed.", ""]
    assert stacked_names_to_heads(own) == own


def test_jobs_without_bullets_give_no_sure_head() -> None:
    """With no bullet to end the heads, a sentence and the next job's lines would pass for
    the first job's stack of names."""
    lines = ["nov 2019 - apr 2020", "Picked goods and folded cages.", "Delivery Driver",
             "Fjell Groceries, Bergen", "mar 2021 - jun 2021", "A part-time job."]  # fmt: skip
    assert stacked_names_to_heads(lines) == lines
