"""Entry headings learned from the shape of the section's dated headings (``entry_shape.py``)."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.entries.entries import PATTERN, split_entries
from app.lib.parsing.entries.entry_lines import classify
from app.lib.parsing.entries.entry_shape import in_shape, learn_shape, shape_of
from app.lib.parsing.sections.section_split import split_sections
from app.lib.styled_text import StyledText, line_styles_of


def test_shape_reads_separators_and_the_dates_place() -> None:
    text = "Barista | Harbour Café — Summer 2022"
    assert shape_of(text, find_date_range(text)) == ("|", "-", "D")
    assert shape_of("Barista | Harbour Café", None) == ("|",)


def test_one_entry_with_two_separators_teaches_its_shape() -> None:
    lines = classify(["Barista | Harbour Café — Summer 2022", "Served the terrace."])
    assert learn_shape(lines) == (("|", "-", "D"), set())  # pasted text: no styles


def test_one_entry_with_one_separator_says_too_little() -> None:
    lines = classify(["Barista — Summer 2022", "Served the terrace."])
    assert learn_shape(lines) is None


def test_a_line_in_the_shape_with_an_unread_second_date_is_dated() -> None:
    found = in_shape("Picker | Orchard Farm — Summer 2025 & Summer 2021", ("|", "-", "D"))
    assert found is not None and found is not True and found.start == "2025"


def test_an_undated_line_in_the_shape_is_an_entry_heading() -> None:
    assert in_shape("Picker | Orchard Farm", ("|", "-", "D")) is True
    assert in_shape("Picked apples, pears and plums.", ("|", "-", "D")) is None
    assert in_shape("Picker, Orchard Farm", ("|", "-", "D")) is None


# The line with 8 digits reads as a phone number to the generic test; the undated line has no
# dates at all. Both are written like the dated entries.
SECTION = [
    "Picker | Orchard Farm — Summer 2025 & Summer 2021",
    "Picked and sorted fruit.",
    "",
    "Barista | Harbour Café — Summer 2022",
    "Served the terrace.",
    "",
    "Waiter | Dockside Bistro — Summer 2020",
    "Took orders.",
    "",
    "Usher | Lakeside Theatre",
    "Welcomed the audience.",
]


def test_lines_in_the_shape_start_entries() -> None:
    entries = split_entries(SECTION)
    heads = [e.heading[0].split("\t")[0] for e in entries]
    assert heads == [
        "Picker | Orchard Farm",
        "Barista | Harbour Café",
        "Waiter | Dockside Bistro",
        "Usher | Lakeside Theatre",
    ]
    assert entries[-1].dates is None and entries[-1].cache.get(PATTERN)
    assert entries[2].body == ["Took orders.", ""]


def test_an_undated_entry_in_the_shape_is_kept_among_dated_jobs() -> None:
    text = "\n".join(["Jane Doe", "", "EXPERIENCE", "", *SECTION])
    jobs = parse_cv_text(text).content.experience
    assert len(jobs) == 4
    assert any("Lakeside Theatre" in f"{job.title} {job.company}" for job in jobs)


# Headings over date-only lines: "Employer | Title" then the dates on a line of their own.
HEADINGS_ABOVE = [
    "Northwind Traders | Data engineer",
    "March 2021 – May 2023",
    "Built the pipelines.",
    "",
    "Contoso Labs | Developer",
    "June 2019 – February 2021",
    "Maintained the tools.",
    "",
    "Fabrikam Institute | Research assistant",
    "Analysed sensor data.",
]


def test_a_heading_line_above_date_lines_teaches_an_undated_shape() -> None:
    assert learn_shape(classify(HEADINGS_ABOVE)) == (("|",), set())


def test_a_heading_without_its_date_line_ends_the_entry_above_as_a_fragment() -> None:
    entries = split_entries(HEADINGS_ABOVE)
    assert entries[1].body[:2] == ["Maintained the tools.", ""]
    assert entries[2].heading == ["Fabrikam Institute | Research assistant"]
    assert entries[2].dates is None and entries[2].cache.get(PATTERN) is False


def _styled(lines: list[str], bold: set[int]) -> list[str]:
    """PDF lines: the ones at ``bold`` set in bold, the others in the body's style."""
    return [
        StyledText(line, ({"size": 10.0, "bold": i in bold, "colour": "0"} if line else None,))
        for i, line in enumerate(lines)
    ]


def test_a_line_in_the_shape_but_set_like_the_body_starts_nothing() -> None:
    heads = {0, 3, 6, 9}  # the dated headings and the undated one, all bold
    assert len(split_entries(_styled(SECTION, heads))) == 4
    assert len(split_entries(_styled(SECTION, {0, 3, 6}))) == 3


def test_section_lines_carry_their_pdf_style() -> None:
    lines = ["Jane Doe", "", "EXPERIENCE", "Barista | Harbour Café — Summer 2022"]
    styles = [
        {"size": 10.0, "bold": i == 3, "colour": "0"} if text else None
        for i, text in enumerate(lines)
    ]
    _, sections = split_sections(StyledText("\n".join(lines), styles))
    assert line_styles_of(sections[-1].lines[-1]) == (styles[3],)
