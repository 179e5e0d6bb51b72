"""Dates printed after the entry they date (``entry_trailing_dates.py``): text copied from a PDF
whose dates sit in a right-hand column."""

from __future__ import annotations

from app.lib.parsing.entries.entries import split_entries
from app.lib.parsing.entries.entry_trailing_dates import move_trailing_dates

TRAILING = [
    "Site Supervisor — Harbour Builders, Leeds",
    "• Ran a crew of 14 on a four-storey build.",
    "• Signed off the daily safety walk.",
    "",
    "Mar 2020 – Present",
    "",
    "Scaffolding · First aid",
    "",
    "Carpenter — Oakline Joinery, York",
    "• Hung 300 doors a year.",
    "",
    "Jun 2014 – Feb 2020",
    "",
    "Apprentice Joiner — Oakline Joinery",
    "• Cut and fitted stair parts.",
    "",
    "2012 – 2014",
]


def test_each_trailing_date_dates_the_entry_above_it() -> None:
    entries = split_entries(TRAILING)
    assert [(e.dates.start, e.dates.end) for e in entries if e.dates] == [
        ("2020-03", None),
        ("2014-06", "2020-02"),
        ("2012", "2014"),
    ]
    titles = [next(line for line in e.heading if " — " in line) for e in entries]
    assert [t.split(" — ")[0] for t in titles] == [
        "Site Supervisor",
        "Carpenter",
        "Apprentice Joiner",
    ]
    assert [len(e.body) and sum(line.startswith("•") for line in e.body) for e in entries] == [
        2,
        1,
        1,
    ]


def test_dates_over_their_entries_are_left_alone() -> None:
    leading = [
        "Mar 2020 – Present",
        "Site Supervisor — Harbour Builders",
        "• Ran a crew of 14.",
        "",
        "Jun 2014 – Feb 2020",
        "Carpenter — Oakline Joinery",
        "• Hung 300 doors a year.",
    ]
    assert move_trailing_dates(leading) == leading


def test_a_head_without_its_date_breaks_the_pattern() -> None:
    # Two heads, one date: the readings do not pair one to one, so nothing moves.
    lines = [line for line in TRAILING[:14] if line != "Jun 2014 – Feb 2020"]
    assert move_trailing_dates(lines) == lines


def test_a_section_dated_on_its_head_lines_is_left_alone() -> None:
    lines = [
        "Site Supervisor — Harbour Builders\tMar 2020 – Present",
        "• Ran a crew of 14.",
        "",
        "Carpenter — Oakline Joinery\tJun 2014 – Feb 2020",
        "• Hung 300 doors a year.",
    ]
    assert move_trailing_dates(lines) == lines
