"""A sidebar set in a table beside the main column (app/lib/pdf_read/heading_columns.py): both
sides stand on one line grid, so the sidebar's blocks start level with the main column's, as a
label column's do. Read row by row, the profile took the e-mail beside it, the skills the first
job's dates, the education the languages. Each side opens its own sections in one heading style
(capitals, the same weight and colour, the sidebar's smaller): two columns, each read whole.
Synthetic pages rendered with WeasyPrint, read back by the real reader, parsed by the real
rules."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.pdf_read.heading_columns import both_sectioned
from app.lib.pdf_read.words import Line
from app.lib.pdf_text import read_pdf_text_sync
from tests.fixtures.pdfs import render_html

SKILLS = ("Power BI", "Salesforce", "Sage", "Excel")
CAPS_ENTRIES = ("STORE MANAGER", "VERDANE SA", "SALES ASSOCIATE", "MAISON TALVERE")
STYLE = """
  @page { size: A4; margin: 15mm 14mm; }
  body { font-family: sans-serif; font-size: 10pt; line-height: 1.3; }
  h1 { font-size: 20pt; margin: 0; } p { margin: 0 0 2pt; }
  h2 { font-size: 12pt; color: #1f4e79; text-transform: uppercase; margin: 0 0 4pt; }
  td.side h2 { font-size: 9pt; }
  table { width: 100%; border-collapse: collapse; }
  td { vertical-align: top; padding: 0 8pt 10pt 0; } td.side { width: 30%; }
"""


def _page(main_first: bool) -> str:
    rows = [
        (
            "<h2>Contact</h2><p>lise.varn@postbox.example</p><p>+33 6 85 52 80 45</p><p>Lyon</p>",
            "<h2>Profile</h2><p>Store manager for eight years, used to working with field teams"
            " and their clients, from the first order to the delivery.</p>",
        ),
        (
            f"<h2>Skills</h2><p>{', '.join(SKILLS)}</p>",
            "<h2>Experience</h2><p>Jun 2021 – May 2025</p><p><b>Store Manager</b></p>"
            "<p>Maison Talvère, Lyon</p><ul><li>Led a team of twelve.</li>"
            "<li>Cut order lead times by a fifth.</li></ul>"
            "<p>Dec 2017 – May 2021</p><p><b>Sales Associate</b></p><p>Verdane SA, Grenoble</p>"
            "<ul><li>Ran the weekly stock checks.</li></ul>",
        ),
        (
            "<h2>Languages</h2><p>English : C1</p><p>Spanish : B1</p>",
            "<h2>Education</h2><p><b>Licence Gestion</b></p>"
            "<p>Université de Savoie, 2014 – 2017</p>",
        ),
    ]

    def row(side: str, main: str) -> str:
        cells = [f"<td>{main}</td>", f"<td class='side'>{side}</td>"]
        return "<tr>" + "".join(cells if main_first else cells[::-1]) + "</tr>"

    return (
        f"<html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>"
        "<h1>Lise Varn</h1><p>Store Manager</p>"
        f"<table>{''.join(row(side, main) for side, main in rows)}</table></body></html>"
    )


@pytest.mark.parametrize("main_first", [True, False])
def test_a_table_sidebar_is_read_as_two_whole_columns(main_first: bool) -> None:
    text = read_pdf_text_sync(render_html(_page(main_first)), max_pages=2).text
    content = parse_cv_text(text).content
    assert "@" not in content.summary and "Store manager for eight years" in content.summary
    skills = " ".join(skill.name for skill in content.skills)
    assert all(skill in skills for skill in SKILLS), (skills, text)
    assert not any(ch.isdigit() for ch in skills)  # no date carried in from the jobs beside
    assert [(e.degree, e.institution, e.end) for e in content.education] == [
        ("Licence Gestion", "Université de Savoie", "2017")
    ], text
    jobs = [(job.title, job.company) for job in content.experience]
    assert jobs == [("Store Manager", "Maison Talvère"), ("Sales Associate", "Verdane SA")]
    assert content.header.contact.email == "lise.varn@postbox.example"


def _line(text: str, x0: float, top: float, *, size: float = 10.0, bold: bool = False) -> Line:
    words = []
    for word in text.split():
        box = {"x0": x0, "x1": x0 + 5.0 * len(word), "top": top, "bottom": top + size}
        words.append({"text": word, **box, "size": size, "bold": bold, "colour": "0.20"})
        x0 += 5.0 * len(word) + 3.0
    return Line(top, top + size, words)


def test_headings_on_both_sides_in_one_weight_and_colour_make_two_columns() -> None:
    main = [_line("PROFILE", 20, 100, size=12, bold=True), _line("Ran the store.", 20, 114)]
    main += [_line("EXPERIENCE", 20, 140, size=12, bold=True), _line("Store Manager", 20, 154)]
    side = [_line("CONTACT", 300, 100, size=9, bold=True), _line("lise@example", 300, 114)]
    side += [_line("SKILLS", 300, 140, size=9, bold=True), _line("Excel, Sage", 300, 154)]
    assert both_sectioned(main, side) and both_sectioned(side, main)


def test_a_label_column_beside_its_entries_is_not_two_columns() -> None:
    # Section names and dates on the left (a Europass-like form), entries on the right: the
    # entries' side has no heading of the labels' style, so the page stays a label column.
    labels = [_line("EXPERIENCE", 20, 100, bold=True), _line("2019 – 2021", 20, 114)]
    labels += [_line("EDUCATION", 20, 140, bold=True), _line("2014 – 2017", 20, 154)]
    entries = [_line("Field Engineer", 200, 114, bold=True), _line("Halvard, Porto", 200, 128)]
    entries += [_line("Licence Gestion", 200, 154, bold=True), _line("IUT de Lille", 200, 168)]
    assert not both_sectioned(labels, entries)
    # A form's language table over its column, set smaller: no heading of the labels' size.
    table = [_line("UNDERSTANDING SPEAKING", 200, 180, size=8, bold=True)]
    assert not both_sectioned(labels, entries + table)
    # Entries named in capitals in the labels' style: entry names, not a section's heading.
    named = [_line(name, 200, 190 + 14 * i, bold=True) for i, name in enumerate(CAPS_ENTRIES)]
    assert not both_sectioned([labels[0], labels[1]], named)


def test_one_heading_each_side_in_one_style_and_size_makes_two_columns() -> None:
    # A slide-like page: the jobs' column and a short skills column beside it, each under its
    # own heading; the skills' items sit on the jobs' line grid as labels would.
    jobs = [_line("EXPERIENCE", 20, 100, size=12, bold=True), _line("Store Manager", 20, 116)]
    skills = [_line("SKILLS", 300, 100, size=12, bold=True), _line("Excel", 300, 116)]
    assert both_sectioned(jobs, skills)
