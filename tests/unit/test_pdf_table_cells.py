"""Table cells kept apart where their gap is narrow (app/lib/pdf_read/table_cells.py): the
column edges the other rows show start a cell in a row whose cell fills its column. Synthetic
word boxes, and a table rendered with WeasyPrint read back by the real reader."""

from __future__ import annotations

from app.lib.pdf_read.table_cells import cell_edges, starts_cell
from app.lib.pdf_read.words import Line, lines_to_rows
from app.lib.pdf_text import read_pdf_text_sync
from tests.fixtures.pdfs import render_html


def _line(top: float, *cells: tuple[float, str]) -> Line:
    """A 10 pt line of words, each cell ``(x0, text)`` set 5 pt per letter, 3 pt spaces."""
    words = []
    for x0, text in cells:
        x = x0
        for part in text.split():
            words.append({"text": part, "x0": x, "x1": x + 5.0 * len(part), "top": top,
                          "bottom": top + 10.0, "size": 10.0})  # fmt: skip
            x += 5.0 * len(part) + 3.0
    return Line(top, top + 10.0, words)


def test_a_narrow_gap_at_a_column_edge_other_rows_show_starts_a_cell() -> None:
    lines = [
        _line(100, (50, "2019 - 2021"), (200, "Buyer"), (305, "Korvel SAS")),
        _line(114, (50, "2017 - 2019"), (200, "Analyst"), (305, "Halvard")),
        # The title fills its cell: 9 pt before the employer, under the others' TAB.
        _line(128, (50, "2015 - 2017"), (200, "Supply Chain Analyst"), (305, "Dalkor Systems")),
    ]
    assert cell_edges([(line.words, line.tab_gap) for line in lines]) == [200.0, 305.0]
    assert [text for text, _ in lines_to_rows(lines)][
        2
    ] == "2015 - 2017\tSupply Chain Analyst\tDalkor Systems"


def test_one_row_alone_or_a_word_space_or_a_bullet_is_no_cell() -> None:
    alone = [_line(100, (50, "Supply Chain Lead"), (139, "Dalkor Systems"))]
    assert cell_edges([(line.words, line.tab_gap) for line in alone]) == []
    assert lines_to_rows(alone)[0][0] == "Supply Chain Lead Dalkor Systems"
    bullet, word = {"text": "•", "x0": 50.0, "x1": 55.0}, {"text": "Led", "x0": 62.0, "x1": 77.0}
    assert not starts_cell(bullet, word, 10.0, [62.0])  # a hanging indent, not a column
    space = {"text": "Chain", "x0": 50.0, "x1": 59.0}
    assert not starts_cell(space, word, 10.0, [62.0])  # 3 pt: a word space
    assert starts_cell({**space, "x1": 55.0}, word, 10.0, [62.0])


def test_a_rendered_table_keeps_a_full_cell_apart_from_the_next() -> None:
    rows = [("2021 – 2023", "Buyer", "Korvel SAS", "Lyon"),
            ("2019 – 2021", "Analyst", "Halvard", "Porto"),
            ("2016 – 2018", "Supply Chain Analyst", "Dalkor Systems", "Remote")]  # fmt: skip
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    html = f"""<html><head><style>
      @page {{ size: A4; margin: 15mm; }} body {{ font-family: sans-serif; font-size: 10pt; }}
      table {{ border-collapse: collapse; table-layout: fixed; width: 150mm; }}
      td {{ padding: 2pt 3pt; vertical-align: top; }}
      td:nth-child(1) {{ width: 32mm; }} td:nth-child(2) {{ width: 39mm; }}
      td:nth-child(3) {{ width: 35mm; }}
    </style></head><body><h1>Ilse Maarten</h1><table>{body}</table></body></html>"""
    text = read_pdf_text_sync(render_html(html), max_pages=1).text
    assert "Supply Chain Analyst\tDalkor Systems" in text, text
