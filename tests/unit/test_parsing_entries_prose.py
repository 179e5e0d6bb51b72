"""Dates written inside description prose, and roles grouped under one employer line.

Every text here is synthetic (invented people, employers and dates) and shows one layout shape.
"""

from __future__ import annotations

from app.lib.parsing.entries import split_entries
from app.lib.parsing.entry_lines import anchor_dates
from app.lib.parsing.roles import experience_from


def _jobs(text: str) -> list[tuple[str, str, str | None, str | None, list[str]]]:
    entries = split_entries(text.split("\n"))
    jobs = [experience_from(e) for e in entries if e.dates]
    return [
        (j.title, j.company, j.start, "present" if j.current else j.end, list(j.bullets))
        for j in jobs
    ]


def test_a_year_range_inside_a_description_sentence_stays_in_its_job() -> None:
    text = (
        "Stock Controller\n\nHarlow & Finch Wholesale - Leeds\n\n2014 to 2020\n\n"
        "Reconciled supplier invoices every week.\n\n"
        "Ran the 2016 – 2017 inventory reviews of nine depots.\n"
    )
    jobs = _jobs(text)
    assert [j[:4] for j in jobs] == [
        ("Stock Controller", "Harlow & Finch Wholesale", "2014", "2020")
    ]
    assert jobs[0][4] == [
        "Reconciled supplier invoices every week.",
        "Ran the 2016 – 2017 inventory reviews of nine depots.",
    ]


def test_a_range_in_prose_is_not_an_anchor_but_an_entry_date_line_still_is() -> None:
    assert anchor_dates("Ran the 2016 – 2017 inventory reviews of nine depots.") is None
    assert anchor_dates("Piloté la refonte 2019 - 2020 des entrepôts du groupe.") is None
    assert anchor_dates("Stock Controller 2016 – 2017") is not None
    assert anchor_dates("Harlow & Finch – 2016 - 2017 – Leeds") is not None
    assert anchor_dates("2016 – 2017 BSc Logistics, University of Farnley") is not None
