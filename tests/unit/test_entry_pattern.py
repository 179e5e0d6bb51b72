"""Entry date lines learned from the section's own pattern (``entry_pattern.py``)."""

from __future__ import annotations

from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.entries.entries import split_entries
from app.lib.parsing.entries.entry_lines import classify
from app.lib.parsing.entries.entry_pattern import DatePattern, learn_date_pattern, pattern_of

# Two entries the generic test accepts, then two whose headings run long and end with a full
# stop: the generic test alone reads them as sentences.
BLANK_SEPARATED = [
    "2021–2023 Data engineer, Northwind Traders, Springfield",
    "Built the ingestion pipelines for the billing team.",
    "",
    "2019–2021 Junior developer, Contoso Labs, Shelbyville",
    "Maintained the internal tools.",
    "",
    "2018–2019 Research assistant in applied statistics and signal processing, Fabrikam Institute.",
    "Analysed sensor data for the lab.",
    "",
    "2017–2018 Intern in data science and machine learning for retail, Tailspin Toys, Ogdenville.",
    "Wrote a churn model.",
]


def test_pattern_of_reads_form_place_and_separator() -> None:
    text = "Acme Corp | Mar 2020 – Jun 2021"
    found = find_date_range(text)
    assert found is not None
    assert pattern_of(text, found) == DatePattern("a 9 – a 9", "last", "|")


def test_pattern_needs_two_agreeing_date_lines() -> None:
    one = classify(["2021–2023 Data engineer, Northwind Traders", "Built things."])
    assert learn_date_pattern(one) is None
    two = classify(BLANK_SEPARATED[:6])
    assert learn_date_pattern(two) == DatePattern("9–9", "first", "")


def test_lines_in_the_pattern_start_entries_after_a_blank() -> None:
    entries = split_entries(BLANK_SEPARATED)
    assert [e.dates.start for e in entries if e.dates] == ["2021", "2019", "2018", "2017"]
    assert entries[3].heading[0].startswith("Intern in data science")


def test_lines_in_the_pattern_start_entries_after_a_finished_sentence() -> None:
    run_on = [line for line in BLANK_SEPARATED if line]  # a PDF's text: no blank lines
    entries = split_entries(run_on)
    assert [e.dates.start for e in entries if e.dates] == ["2021", "2019", "2018", "2017"]


def test_a_date_inside_a_block_is_not_promoted() -> None:
    lines = [
        *BLANK_SEPARATED[:6],
        "Moved the reports to the cloud and cut costs for the",
        "2018–2019 budget of the data team, with the finance office and the auditors.",
    ]
    entries = split_entries(lines)
    assert [e.dates.start for e in entries if e.dates] == ["2021", "2019"]


def test_another_date_form_is_not_promoted() -> None:
    lines = [*BLANK_SEPARATED[:6], "", "In March 2018 we moved the whole office to a new city."]
    entries = split_entries(lines)
    assert [e.dates.start for e in entries if e.dates] == ["2021", "2019"]
