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
