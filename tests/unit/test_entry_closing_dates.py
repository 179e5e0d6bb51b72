"""Date cells that close each paragraph date the paragraph (``entry_closing_dates.py``)."""

from __future__ import annotations

from app.lib.parsing.entries.entries import split_entries
from app.lib.parsing.entries.entry_closing_dates import move_closing_dates

SECTION = [
    "Northwind: built a booking platform",
    "for local sports clubs (React and",
    "Docker).\t07/2022-09/2022 (3 mois)",
    "",
    "Contoso Labs: made shop websites",
    "with a content system, and web",
    "apps for clients.\t08/2021-09/2021",
    "",
    "Fabrikam: wrote a stock tool in",
    "a small web framework.\t07/2019-08/2019",
]


def test_closing_dates_move_to_the_paragraphs_first_line() -> None:
    moved = move_closing_dates(SECTION)
    assert moved[0] == "Northwind: built a booking platform\t07/2022-09/2022 (3 mois)"
    assert moved[2] == "Docker)."
    assert moved[4].endswith("\t08/2021-09/2021") and moved[6] == "apps for clients."


def test_each_paragraph_is_one_entry_named_by_its_first_line() -> None:
    entries = split_entries(SECTION)
    assert [e.dates.start for e in entries if e.dates] == ["2022-07", "2021-08", "2019-07"]
    assert [e.heading[0] for e in entries] == [
        "Northwind: built a booking platform",
        "Contoso Labs: made shop websites",
        "Fabrikam: wrote a stock tool in",
    ]


def test_one_closing_paragraph_is_no_pattern() -> None:
    lines = [*SECTION[:4], "2019 – 2021 Developer, Fabrikam", "Wrote a stock tool."]
    assert move_closing_dates(lines) == lines


def test_paragraphs_dated_on_their_first_line_are_left_alone() -> None:
    lines = [
        "Developer\t2021 – 2023",
        "Built things.",
        "",
        "Intern\t2020 – 2021",
        "Tested things.\t2020",
    ]
    assert move_closing_dates(lines) == lines


# Pasted, the dates come on a line of their own under each paragraph, no blank line between.
PASTED = [
    "Northwind: built a booking platform",
    "for local sports clubs (React and",
    "Docker).",
    "07/2022-09/2022 (3 mois)",
    "Contoso Labs: made shop websites",
    "with a content system, and web",
    "apps for clients.",
    "08/2021 - 09/2021 (2 mois)",
    "Fabrikam: wrote a stock tool in",
    "a small web framework.",
    "07/2019 - 08/2019",
]


def test_pasted_closing_date_lines_date_the_paragraph_above() -> None:
    moved = move_closing_dates(PASTED)
    assert moved[0] == "Northwind: built a booking platform\t07/2022-09/2022 (3 mois)"
    assert moved[3] == "" and moved[7] == ""  # a blank line parts the paragraphs now
    assert moved[4] == "Contoso Labs: made shop websites\t08/2021 - 09/2021 (2 mois)"
    entries = split_entries(PASTED)
    assert [(e.heading[0], e.dates.start if e.dates else None) for e in entries] == [
        ("Northwind: built a booking platform", "2022-07"),
        ("Contoso Labs: made shop websites", "2021-08"),
        ("Fabrikam: wrote a stock tool in", "2019-07"),
    ]


def test_a_heading_over_its_dates_is_no_closing_paragraph() -> None:
    # the line above each date names a job (no sentence ends there): the dates are where the
    # entry grouping expects them already
    lines = [
        "Developer – Northwind",
        "2021 – 2023",
        "Built a booking platform for sports clubs.",
        "Intern – Contoso Labs",
        "2020 – 2021",
        "Made shop websites for clients.",
    ]
    assert move_closing_dates(lines) == lines


def test_dates_first_under_the_heading_are_no_closing_dates() -> None:
    # each entry's dates first: the first date line sits under the section's heading, the
    # others under the last sentence of the entry before, whose dates they are not
    lines = [
        "2019-2023",
        "Northwind ---------------------- Leeds",
        "Web platform architecture, product work, leadership.",
        "2016-2019",
        "Contoso Labs ------------------- Bristol",
        "Shop websites and client services.",
        "2012-2016",
        "Fabrikam ----------------------- Leeds",
        "Stock tools, testing.",
    ]
    assert move_closing_dates(lines) == lines
    assert [e.dates.start for e in split_entries(lines) if e.dates] == ["2019", "2016", "2012"]
