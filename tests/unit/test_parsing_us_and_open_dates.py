"""Date forms of unseen CVs: full US dates, numeric month-first dates where the day tells, and
ranges left open inside brackets (``dates/date_tokens.py``, ``dates/dates.py``)."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.dates.dates import find_date_range, remove_span


@pytest.mark.parametrize(
    ("line", "start", "end", "current"),
    [
        ("March 15, 2021 - June 30, 2022", "2021-03", "2022-06", False),
        ("Sept 3rd, 2019 – Present", "2019-09", None, True),
        ("03/15/2021 – 06/30/2022", "2021-03", "2022-06", False),
        ("15/03/2021 - 30/06/2022", "2021-03", "2022-06", False),  # day first stays day first
        ("(2024-)", "2024", None, True),
        ("Développeuse (2022 –) Acme", "2022", None, True),
        ("May 19, 2020", "2020-05", "2020-05", False),  # a day, not the year 2019
    ],
)
def test_the_date_forms_read_as_written(
    line: str, start: str, end: str | None, current: bool
) -> None:
    found = find_date_range(line)
    assert found is not None
    assert (found.start, found.end, found.current) == (start, end, current)


def test_an_open_range_leaves_no_bracket_behind() -> None:
    line = "Développeuse (2022 –) Acme"
    found = find_date_range(line)
    assert found is not None
    assert remove_span(line, found.span).split() == ["Développeuse", "Acme"]


def test_a_us_resume_keeps_its_months() -> None:
    text = "\n".join(
        [
            "Dana Whitfield",
            "",
            "EXPERIENCE",
            "",
            "Operations Analyst, Harbor Freight Lines",
            "March 15, 2021 - June 30, 2022",
            "• Cut dock wait times by a fifth",
            "",
            "Shift Supervisor, Lakeside Grocers",
            "09/01/2019 - 02/28/2021",
            "• Scheduled a team of twelve",
        ]
    )
    jobs = parse_cv_text(text).content.experience
    assert [(job.start, job.end) for job in jobs] == [
        ("2021-03", "2022-06"),
        ("2019-09", "2021-02"),
    ]
