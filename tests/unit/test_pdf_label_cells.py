"""A Europass-like label column read as cells (app/lib/pdf_read/cells.py): a right-aligned
column of labels ("Dates", "Position held", "Main activities", "Employer") left of the values,
each label read on its value's first line. Synthetic pages rendered with WeasyPrint, read back
by the real reader."""

from __future__ import annotations

import pytest

from app.lib.pdf_read.cells import read_as_cells
from app.lib.pdf_read.words import Line
from app.lib.pdf_text import read_pdf_text_sync
from tests.fixtures.pdfs import render_html

JOBS = [
    ("2023 — Now", "Field Engineer", "Halvard Instruments", "Porto"),
    ("2021 — 2022", "Lab Assistant", "Corvin Biotech", "Lyon"),
    ("2019 — 2021", "Quality Technician", "Westfold Dairies", "Dublin"),
]
LABELS = ("Dates", "Occupation or position held", "Main activities and responsibilities",
          "Name and address of employer")  # fmt: skip
BULLETS = ("• Ran supplier reviews.", "• Trained new hires.", "• Automated monthly checks.")


def _row(label: str, value: str) -> str:
    return f"<tr><td class='lab'>{label}</td><td class='val'>{value}</td></tr>"


def _page(contact_across: bool, wrapped: bool) -> str:
    """Name and title above the table on the label side, a section heading in the label
    column; the rows evenly spaced, so that one entry's labels are no further apart than the
    last label of an entry and the first of the next (one block, as printed)."""
    activities = "Main activities and<br>responsibilities" if wrapped else LABELS[2]
    rows = [_row("<b>WORK EXPERIENCE</b>", "")]
    for date, title, company, town in JOBS:
        rows += [
            _row(LABELS[0], date),
            _row(LABELS[1], f"<b>{title}</b>"),
            _row(activities, "<br>".join(BULLETS)),
            _row(LABELS[3], f"{company}, {town}"),
        ]
    rows += [_row("<b>EDUCATION</b>", ""), _row("2015 – 2018", "<b>BSc Chemistry</b>")]
    rows += [_row("Skills", "Titration, HPLC, LIMS, Excel")]
    contact = (
        "<p>ilse.maarten@postbox.example · +33 6 12 34 56 78 · Utrecht</p>"
        if contact_across
        else "<p>Utrecht</p>"
    )
    return f"""<html><head><style>
      @page {{ size: A4; margin: 15mm 14mm; }}
      body {{ font-family: sans-serif; font-size: 10pt; }}
      h1 {{ font-size: 20pt; margin: 0; }} p {{ margin: 2pt 0; }}
      table {{ width: 100%; border-collapse: collapse; margin-top: 8pt; }}
      td.lab {{ width: 30%; text-align: right; vertical-align: top; padding: 2pt 8pt;
                color: #555; font-size: 0.9em; }}
      td.val {{ border-left: 0.5pt solid #888; padding: 2pt 8pt; vertical-align: top; }}
    </style></head><body>
      <h1>Ilse Maarten</h1><p>Field Engineer</p>{contact}
      <table>{"".join(rows)}</table>
    </body></html>"""


@pytest.mark.parametrize("contact_across", [False, True])
@pytest.mark.parametrize("wrapped", [False, True])
def test_each_label_goes_with_its_own_value(contact_across: bool, wrapped: bool) -> None:
    text = read_pdf_text_sync(render_html(_page(contact_across, wrapped)), max_pages=2).text
    lines = text.splitlines()
    for date, title, company, town in JOBS:
        assert f"Dates\t{date}" in lines, text
        assert f"Occupation or position held\t{title}" in lines, text
        assert any(x.startswith("Name and") and x.endswith(f"\t{company}, {town}") for x in lines)
    # The section headings of the label column stay apart, not glued to a neighbour's label.
    assert {"WORK EXPERIENCE", "EDUCATION"} <= set(lines), text


def _line(text: str, x0: float, top: float, height: float = 10.0) -> Line:
    word = {"text": text, "x0": x0, "x1": x0 + 5.0 * len(text), "top": top,
            "bottom": top + height, "size": height}  # fmt: skip
    return Line(top, top + height, [word])


def _evenly_spaced_labels() -> tuple[list[Line], list[Line]]:
    """(label side, value side) of a page whose labels are set 8 pt apart everywhere: one
    entry's "Employer" label and the next entry's "Dates" … "Main activities" form one block
    as printed, and the section heading sits just under the last "Employer" label. The name
    and the first section heading stand above the first value, on the label side."""
    labels = [_line("Hugo Norvik", 20, 52, 20), _line("Engineer", 20, 78), _line("WORK", 20, 110)]
    values: list[Line] = []
    for index, (date, title, company, town) in enumerate(JOBS):
        top = 127.0 + 102 * index
        labels += [_line(LABELS[0], 60, top, 9), _line(LABELS[1], 20, top + 17, 9)]
        labels += [_line(LABELS[2], 20, top + 34, 9), _line(LABELS[3], 20, top + 85, 9)]
        values += [_line(date, 210, top), _line(title, 210, top + 17)]
        values += [_line(bullet, 210, top + 36 + 13 * n) for n, bullet in enumerate(BULLETS)]
        values.append(_line(f"{company}, {town}", 210, top + 85))
    end = labels[-1].bottom
    labels += [_line("EDUCATION", 60, end + 8, 9), _line("2015 – 2018", 60, end + 25, 9)]
    values.append(_line("BSc Chemistry", 210, end + 25))
    return labels, values


def test_labels_set_at_an_even_spacing_are_cut_at_each_value() -> None:
    labels, values = _evenly_spaced_labels()
    rows = read_as_cells(labels, values, [])
    assert rows is not None  # the name and the first heading above do not count against it
    lines = [text for text, _ in rows]
    for date, title, company, town in JOBS:
        assert f"{LABELS[0]}\t{date}" in lines, lines
        assert f"{LABELS[1]}\t{title}" in lines, lines
        assert f"{LABELS[3]}\t{company}, {town}" in lines, lines
    assert "EDUCATION" in lines, lines  # not glued to the last "Employer" label
    assert "2015 – 2018" in lines and lines.index("2015 – 2018") > lines.index("EDUCATION")


def test_a_heading_stacked_on_the_first_date_of_a_date_column_is_cut_off() -> None:
    """The section heading sits just above the first date, as close as a line: read as one
    block with it, the date's top was the heading's, more than a line above its entry."""
    dates = [_line("WORK", 60, 111.7, 9.4), _line("Dec 2023 - now", 60, 128.0, 9.4)]
    dates += [_line("Feb 2023 - Aug 2023", 60, 181.0, 9.4)]
    dates += [_line("EDUCATION", 60, 247.6, 9.4), _line("2021 - 2023", 60, 264.0, 9.4)]
    entries = [_line("Field Engineer", 210, 128.2, 10.5), _line("Halvard, Porto", 210, 141.0)]
    entries += [_line("Lab Assistant", 210, 181.2, 10.5), _line("Corvin, Lyon", 210, 194.0)]
    entries += [_line("BSc Chemistry", 210, 264.1, 10.5), _line("Utrecht", 210, 277.0)]
    rows = read_as_cells(dates, entries, [])
    assert rows is not None
    lines = [text for text, _ in rows if text]
    assert lines[:4] == ["WORK", "Dec 2023 - now", "Field Engineer", "Halvard, Porto"], lines
    assert lines[4:6] == ["Feb 2023 - Aug 2023", "Lab Assistant"], lines
    assert lines[7:10] == ["EDUCATION", "2021 - 2023", "BSc Chemistry"], lines
