"""The school's line of each degree entry learned from the section's layout
(app/lib/parsing/entries/education_order.py): the heading line style whose lines name a school
in most entries is the school's in every entry, where the entry's own words do not say
otherwise. The documents are synthetic: one rendered with WeasyPrint and read back by the real
reader, the others written as styled text the way that reader hands it on."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.education_order import heading_slots, learn_school_slot
from app.lib.parsing.entries.entries import split_entries
from app.lib.parsing.sections.section_split import split_sections
from app.lib.pdf_text import read_pdf_text_sync
from app.lib.styled_text import LineStyle, StyledText
from tests.fixtures.pdfs import render_html

# Degree lines holding a comma (the words read "Medicine" as the school), over school lines;
# the last school is named by no school word at all.
DEGREES = [
    ("2021 – 2023", "Masters, Public Health", "Northbridge University of Medicine, Astana"),
    ("2017 – 2019", "Residency, Infectious diseases", "Eastvale Medical Institute, Almaty"),
    ("2011 – 2016", "Doctor of Medicine, General Medicine", "Westmoor Health Academy, Oral"),
]
BOLD: LineStyle = {"size": 11.0, "bold": True, "colour": "0.00"}
PLAIN: LineStyle = {"size": 10.0, "bold": False, "colour": "0.40"}
HEADING: LineStyle = {"size": 14.0, "bold": True, "colour": "0.10"}


def _styled(rows: list[tuple[str, LineStyle | None]]) -> StyledText:
    return StyledText("\n".join(text for text, _ in rows), [style for _, style in rows])


def _section(degrees: list[tuple[str, str, str]], degree_style: LineStyle) -> StyledText:
    rows: list[tuple[str, LineStyle | None]] = [
        ("Dana Kerr", HEADING),
        ("dana.kerr@example.org", PLAIN),
        ("", None),
        ("EDUCATION", HEADING),
    ]
    for dates, degree, school in degrees:
        rows += [(f"{degree}\t{dates}", degree_style), (school, PLAIN), ("", None)]
    rows += [("SKILLS", HEADING), ("Triage, Vaccination, Patient records", PLAIN)]
    return _styled(rows)


def _read(text: str) -> list[tuple[str, str]]:
    return [(e.degree, e.institution) for e in parse_cv_text(text).content.education]


@pytest.fixture(scope="module")
def rendered() -> StyledText:
    entries = "".join(
        f'<p class="degree">{degree}</p><p class="school">{school}</p><p>{dates}</p>'
        for dates, degree, school in DEGREES
    )
    html = f"""<html><head><style>
      body {{ font-family: sans-serif; font-size: 10pt; color: #555; }}
      h2 {{ font-size: 14pt; color: #000; margin: 14pt 0 6pt; }}
      .degree {{ font-weight: bold; font-size: 11pt; color: #000; margin: 10pt 0 0; }}
      .school {{ margin: 0; }}
    </style></head><body>
      <h1>Dana Kerr</h1><p>dana.kerr@example.org</p>
      <h2>EDUCATION</h2>{entries}
      <h2>SKILLS</h2><p>Triage, Vaccination, Patient records</p>
    </body></html>"""
    text = read_pdf_text_sync(render_html(html), max_pages=2).text
    assert isinstance(text, StyledText)
    return text


def test_a_pdf_s_school_lines_are_the_schools_in_every_entry(rendered: StyledText) -> None:
    assert _read(rendered) == [
        ("Masters", "Northbridge University of Medicine"),
        ("Residency", "Eastvale Medical Institute"),
        ("Doctor of Medicine", "Westmoor Health Academy"),
    ]


def test_the_degree_s_comma_piece_is_its_field_not_its_school() -> None:
    education = parse_cv_text(_section(DEGREES, BOLD)).content.education
    assert [(e.degree, e.field, e.institution) for e in education] == [
        ("Masters", "Public Health", "Northbridge University of Medicine"),
        ("Residency", "Infectious diseases", "Eastvale Medical Institute"),
        ("Doctor of Medicine", "General Medicine", "Westmoor Health Academy"),
    ]


@pytest.mark.parametrize("text", [str(_section(DEGREES, BOLD)), _section(DEGREES, PLAIN)])
def test_without_styles_telling_the_lines_apart_their_rank_does(text: str) -> None:
    assert _read(text)[0] == ("Masters", "Northbridge University of Medicine")


def test_entries_writing_two_orders_teach_none() -> None:
    mixed = [
        DEGREES[0],
        ("2017 – 2019", "Eastvale Medical Institute, Almaty", "Residency, Infectious diseases"),
        DEGREES[2],
        ("2005 – 2008", "Southfield Nursing Institute", "Care Certificate, Elderly care"),
    ]
    assert _read(str(_section(mixed, BOLD)))[0] == ("Masters", "Public Health")


def test_one_entry_naming_a_school_teaches_no_order() -> None:
    degrees = [
        ("2021 – 2023", "Masters, Public Health", "Northbridge University, Astana"),
        ("2017 – 2019", "Residency, Infectious diseases", "Eastvale Medical Centre, Almaty"),
    ]
    assert _read(_section(degrees, BOLD))[1] == ("Residency", "Infectious diseases")


def test_a_school_line_naming_a_degree_keeps_the_entry_s_own_words() -> None:
    degrees = [
        *DEGREES[:2],
        ("2008 – 2011", "Bakery, Pastry", "Hillcrest College - Certificate in Baking, Oral"),
    ]
    read = _read(_section(degrees, BOLD))
    assert read[:2] == [
        ("Masters", "Northbridge University of Medicine"),
        ("Residency", "Eastvale Medical Institute"),
    ]
    assert read[2][0] == "Certificate in Baking"  # the words' degree, not "Bakery"


def test_the_slot_is_learned_from_votes_across_entries() -> None:
    section = _section(DEGREES, BOLD)
    lines = next(s.lines for s in split_sections(section)[1] if s.key == "education")
    entries = split_entries(lines)
    slots = [heading_slots(entry, lines) for entry in entries]
    assert learn_school_slot(entries, slots) == (10.0, False, "0.40", False)
    assert learn_school_slot(entries[:1], slots[:1]) is None
