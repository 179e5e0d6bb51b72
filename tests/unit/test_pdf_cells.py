"""A date column read as cells (app/lib/pdf_read/cells.py): each date block goes with the entry
it starts beside, even offset from the entry's first line, wrapped over two lines, or with a
third column beside the entries. Synthetic pages rendered with WeasyPrint, read back by the real
reader."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.pdf_text import read_pdf_text_sync
from tests.fixtures.pdfs import render_html

JOBS = [
    ("03.2022 –", "09.2022", "Quality technician", "Halvard Instruments", "2022-03", "2022-09"),
    ("2019 –", "2022", "Lab assistant", "Corvin Biotech", "2019", "2022"),
    ("06.2017 –", "08.2018", "Sampler", "Westfold Dairies", "2017-06", "2018-08"),
]


def _page(date_size: str, third_column: bool) -> str:
    """A slide-like page: section headings stacked above the dates in a narrow left column,
    dates set larger than the entries (so their tops sit above the entries' first lines) and
    wrapped over two lines; optionally a skills column right of the entries."""
    cells = [
        (f"<h2>EXPERIENCE</h2>{a}<br>{b}" if index == 0 else f"{a}<br>{b}", title, company)
        for index, (a, b, title, company, _, _) in enumerate(JOBS)
    ]
    rows = "".join(
        f'<div class="row"><div class="date">{date}</div>'
        f'<div class="entry"><b>{title}</b><br>{company}<br>Lausanne</div></div>'
        for date, title, company in cells
    )
    skills = (
        '<div class="skills"><h2>SKILLS</h2><p>Titration</p><p>HPLC</p><p>ISO 17025</p>'
        "<p>Excel</p><p>Sampling plans</p><p>LIMS</p></div>"
        if third_column
        else ""
    )
    return f"""<html><head><style>
      @page {{ size: 297mm 167mm; margin: 12mm; }}
      body {{ font-family: sans-serif; font-size: 10pt; display: flex; gap: 12mm; }}
      .side {{ width: 60mm; }}
      .jobs {{ width: 120mm; }}
      .skills {{ width: 50mm; }}
      h2 {{ font-size: 15pt; margin: 0 0 4pt; color: #357; }}
      .row {{ display: flex; gap: 10mm; margin-bottom: 10mm; align-items: flex-end; }}
      .date {{ width: 35mm; font-size: {date_size}; color: #777; line-height: 1.1; }}
      .entry {{ width: 75mm; }}
    </style></head><body>
      <div class="side"><h1>Ilse Maarten</h1><p>ilse.maarten@example.org</p>
      <p>+31 6 1234 5678</p><p>Utrecht</p></div>
      <div class="jobs">{rows}</div>{skills}
    </body></html>"""


@pytest.mark.parametrize("date_size", ["15pt", "18pt"])
@pytest.mark.parametrize("third_column", [False, True])
def test_dates_in_a_column_stay_with_their_entries(date_size: str, third_column: bool) -> None:
    text = read_pdf_text_sync(render_html(_page(date_size, third_column)), max_pages=2).text
    jobs = parse_cv_text(text).content.experience
    found = [(j.start, j.end) for j in jobs]
    assert found == [(start, end) for *_, start, end in JOBS], text
    for job, (_, _, title, company, _, _) in zip(jobs, JOBS, strict=True):
        assert title in f"{job.title} {job.company}"
        assert company in f"{job.title} {job.company}"


THREE = [
    ("Field intern", "Halvard Instrum", "Fév – Juil. 2024", "Lyon, France", "2024-02", "2024-07"),
    ("Lab intern", "Corvin Biotech", "Juil. – Août 2021", "Nantes, France", "2021-07", "2021-08"),
    ("Sampling intern", "Westfold Dairies", "Juil. 2020", "Rennes, France", "2020-07", "2020-07"),
]  # fmt: skip


def _three_columns() -> str:
    """The entries (title, employer, then their description), a narrow column of their dates
    and places right of them (the date level with the employer, the second line), and a
    sidebar of activities whose own items happen to start near the dates. The gutter between
    the entries and their dates is the wider one."""
    rows = "".join(
        f'<tr><td class="entry"><b>{title}</b><br>{company}<p class="what">'
        "Automated the line's conveyor checks and wrote the test plans.</p></td>"
        f'<td class="date"><br>{date}<br>{town}</td></tr>'
        for title, company, date, town, _, _ in THREE
    )
    side = "".join(
        f"<p><b>{club}</b><br>Organised events and<br>the members' meetings.</p>"
        for club in ("Robotics club", "Student union", "Chess society", "Hiking group")
    )
    return f"""<html><head><style>
      @page {{ size: A4; margin: 12mm; }}
      body {{ font-family: sans-serif; font-size: 9pt; display: flex; }}
      .main {{ width: 120mm; }} .side {{ width: 52mm; margin-left: 5mm; }}
      table {{ border-collapse: collapse; }} td {{ vertical-align: top; padding: 0 0 9pt; }}
      .entry {{ width: 80mm; }} .date {{ width: 26mm; padding-left: 14mm; color: #555; }}
      h2 {{ font-size: 12pt; margin: 0 0 6pt; }} p {{ margin: 0 0 9pt; }}
      p.what {{ margin: 8pt 0 0 6mm; }}
    </style></head><body>
      <div class="main"><h1>Ilse Maarten</h1><h2>EXPERIENCE</h2><table>{rows}</table></div>
      <div class="side"><h2>ACTIVITIES</h2>{side}</div>
    </body></html>"""


def test_a_date_column_between_two_columns_stays_with_its_entries() -> None:
    text = read_pdf_text_sync(render_html(_three_columns()), max_pages=2).text
    jobs = parse_cv_text(text).content.experience
    assert [(j.start, j.end) for j in jobs] == [(s, e) for *_, s, e in THREE], text
    for job, (title, company, *_) in zip(jobs, THREE, strict=True):
        assert (job.title, job.company) == (title, company), text
