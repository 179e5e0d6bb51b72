"""A label column whose labels wrap, read row by row (app/lib/pdf_read/columns.py): dates set on
two lines left of each job ("October 2022 –" / "April 2025"), a form's labels on two lines
("Principales activités et" / "responsabilités"). The wrapped lines outnumber their entry's
lines level with them; the page was read as two columns, every date or label before every
job, and the jobs were lost. The labels are set smaller than the entries, as forms set them,
so that a label's wrapped line falls between two of its entry's lines. Synthetic pages
rendered with WeasyPrint, read back by the real reader and parsed by the real rules."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.pdf_read.columns import label_side, labels_whole
from app.lib.pdf_read.words import Line, group_lines
from app.lib.pdf_text import read_pdf_text_sync
from tests.fixtures.pdfs import render_html

JOBS = [
    ("October 2022 –", "April 2025", "Quality Technician", "Orvale Médical", "Grenoble"),
    ("May 2021 –", "September 2022", "Data Analyst", "Tenzor Logistics", "Remote"),
    ("September 2018 –", "February 2021", "Sales Representative", "Halden SAS", "Toulouse"),
]
BULLETS = ("• Automated the monthly closing checks of the regional warehouses.",
           "• Led the migration of the stock system with the suppliers' teams.",
           "• Handled customer claims end to end, from the first call to the refund.")  # fmt: skip
STYLE = """
  @page { size: A4; margin: 15mm 14mm; }
  body { font-family: sans-serif; font-size: 10pt; }
  h1 { font-size: 20pt; margin: 0; } p { margin: 0; }
  .row { display: flex; margin-top: 10pt; }
  .lab { width: 40mm; flex: none; padding-right: 6mm; color: #555; font-size: 8pt; }
  .right { text-align: right; }
  .val { flex: 1; }
  .title { font-weight: bold; font-size: 11pt; }
  h2 { font-size: 11pt; margin: 12pt 0 0 0; }
"""


def _date_column_page() -> str:
    rows = "".join(
        f"<div class='row'><div class='lab'>{start}<br>{end}</div><div class='val'>"
        f"<p class='title'>{title}</p><p>{company.upper()} — {town}</p>"
        + "".join(f"<p>{b}</p>" for b in BULLETS[: 3 - n])
        + "</div></div>"
        for n, (start, end, title, company, town) in enumerate(JOBS)
    )
    return f"""<html><head><style>{STYLE}</style></head><body>
      <h1>Inès Tesvar</h1><p>Quality Technician</p>
      <p>ines.tesvar@postbox.example · +33 6 12 34 56 78 · Nantes</p>
      <h2>Experience</h2>{rows}
      <h2>Education</h2><div class='row'><div class='lab'>2014 –<br>2017</div>
      <div class='val'><p class='title'>Diploma in Accounting</p><p>Université de Rennes</p>
      </div></div>
      <h2>Skills</h2><p>SQL, Power BI, SAP, Excel</p>
    </body></html>"""


def _form_page() -> str:
    def row(label: str, value: str) -> str:
        cells = f"<div class='lab right'>{label}</div><div class='val'>{value}</div>"
        return f"<div class='row'>{cells}</div>"

    rows = "".join(
        row("Dates", f"{start} {end}")
        + row("Fonction ou poste occupé", f"<span class='title'>{title}</span>")
        + row(
            "Principales activités et<br>responsabilités", "".join(f"<p>{b}</p>" for b in BULLETS)
        )
        + row("Nom et adresse de<br>l'employeur", f"{company}, {town}")
        for start, end, title, company, town in JOBS
    )
    return f"""<html><head><style>{STYLE}</style></head><body>
      <h1>Lou Tesnor</h1><p>Quality Technician</p>
      <p>lou.tesnor@postbox.example · +33 6 38 62 92 41 · Clermont-Ferrand</p>
      {row("<b>EXPÉRIENCE PROFESSIONNELLE</b>", "")}{rows}
      {row("<b>ÉDUCATION ET FORMATION</b>", "")}
      {row("2014 – 2017", "Licence Logistique, IUT de Lille")}
      {row("Compétences", "SQL, Power BI, SAP, Excel")}
    </body></html>"""


@pytest.mark.parametrize("page", [_date_column_page, _form_page])
def test_each_job_is_read_with_its_wrapped_label(page: object) -> None:
    assert callable(page)
    text = read_pdf_text_sync(render_html(page()), max_pages=2).text
    jobs = parse_cv_text(text).content.experience
    read = [(job.title, job.company, (job.start or "")[:4], (job.end or "")[:4]) for job in jobs]
    truth = [
        (title, company, start.split()[-2], end.split()[-1])
        for start, end, title, company, _ in JOBS
    ]
    for title, company, start, end in truth:
        assert any(
            t == title and company.lower() in c.lower() and s == start and e == end
            for t, c, s, e in read
        ), (read, text)


def _line(text: str, x0: float, top: float, height: float = 10.0) -> Line:
    words = []
    for word in text.split():
        words.append({"text": word, "x0": x0, "x1": x0 + 5.0 * len(word), "top": top,
                      "bottom": top + height, "size": height})  # fmt: skip
        x0 += 5.0 * len(word) + 3.0
    return Line(top, top + height, words)


def _text(lines: list[Line]) -> list[str]:
    return [
        " ".join(w["text"] for w in sorted(line.words, key=lambda w: w["x0"])) for line in lines
    ]


def test_a_wrapped_label_joins_its_head_and_a_level_line_stays_its_own_label() -> None:
    labels = [_line("Main activities and", 20, 100), _line("responsibilities", 20, 111)]
    labels += [_line("2019 – 2021", 20, 160), _line("Porto", 20, 171)]
    labels += [_line("Employer", 20, 200)]
    entries = [_line("• Ran the supplier reviews of the plant.", 200, 101.5)]
    entries += [_line("• Trained the new hires of the site.", 200, 114)]
    entries += [_line("Field Engineer", 200, 160), _line("Halvard", 200, 171)]
    entries += [_line("Corvin Biotech", 200, 200), _line("Dublin, since 2019", 200, 213)]
    column = label_side(labels, entries)
    assert column is not None and column.labels is labels and column.sparse
    words = [w for line in labels + entries for w in line.words]
    read = _text(group_lines(labels_whole(words, column)))
    assert "Main activities and responsibilities • Ran the supplier reviews of the plant." in read
    assert (
        "• Trained the new hires of the site." in read
    )  # the entry's next line, no longer after the label's end
    assert "Porto Halvard" in read  # level with the employer: that row's own label


def test_running_text_beside_nothing_is_not_joined_to_the_line_above() -> None:
    """Two halves of a paragraph stand level line by line (a gutter through running text):
    its last line, beside nothing, stays where it is."""
    left = [_line("I was hired to develop an", 20, 100), _line("automated test script", 20, 112)]
    left += [
        _line("and to remove an outsourced", 20, 124),
        _line("contract for regression.", 20, 136),
    ]
    right = [
        _line("and perform manual testing", 200, 100),
        _line("to remove an outsourced", 200, 112),
    ]
    right += [_line("contract on regression", 200, 124)]
    column = label_side(left, right)
    assert column is not None and not column.sparse
    words = [w for line in left + right for w in line.words]
    read = _text(group_lines(labels_whole(words, column)))
    assert read[-1] == "contract for regression.", read
