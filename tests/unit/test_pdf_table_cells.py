"""Table cells (app/lib/pdf_read/table_cells.py): the column edges the other rows show start a
cell in a row whose cell fills its column, and a row whose cells wrap is read cell by cell.
Synthetic word boxes, and tables rendered with WeasyPrint read back by the real reader."""

from __future__ import annotations

from app.lib.pdf_read.rows import lines_to_rows
from app.lib.pdf_read.table_cells import cell_edges, starts_cell, wrapped_cells
from app.lib.pdf_read.words import Line
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
    assert not starts_cell(bullet, word, 10.0, [62.0], True)  # a hanging indent, not a column
    assert starts_cell(bullet, word, 10.0, [62.0], False)  # a dash ending a cell
    space = {"text": "Chain", "x0": 50.0, "x1": 59.0}
    assert not starts_cell(space, word, 10.0, [62.0], False)  # 3 pt: a word space
    assert starts_cell({**space, "x1": 55.0}, word, 10.0, [62.0], True)


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


def _rows(*lines: Line) -> list[str]:
    return [text for text, _ in lines_to_rows(list(lines))]


def test_a_row_whose_cells_wrap_is_read_cell_by_cell() -> None:
    # "December 2019 - May" ends 21 pt before the next cell: no room for "2021".
    first = _line(100, (0, "December 2019 - May"), (110, "Customer Success"), (210, "TAMONTREN"),
                  (275, "Leeds"))  # fmt: skip
    second = _line(112, (0, "2021"), (110, "Manager"), (210, "ROBOTICS"))
    assert _rows(first, second) == [
        "December 2019 - May 2021\tCustomer Success Manager\tTAMONTREN ROBOTICS\tLeeds"
    ]
    # One cell wrapping in the middle of the row.
    alone = _line(112, (110, "Manager"))
    assert _rows(first, alone) == [
        "December 2019 - May\tCustomer Success Manager\tTAMONTREN\tLeeds"
    ]


def test_lines_that_are_not_wrapped_cells_stay_apart() -> None:
    # A date column read row by row: the employer sits under the row's last cell.
    dates = _line(100, (0, "Mars - Sept"), (100, "Buyer"))
    assert (
        wrapped_cells(dates.cells(), _line(112, (0, "2024"), (100, "Korvel")).cells(), 10, [])
        is None
    )
    # A heading with its date right-aligned, then the next line of text under its start.
    heading = _line(100, (0, "Kazakh National Medical University"), (300, "Sep 2023"))
    below = _line(112, (0, "Teacher of Childhood Diseases"))
    assert _rows(heading, below) == [heading.text(), below.text()]
    # A justified paragraph's wide word gaps, then its next line: no table columns.
    justified = _line(100, (0, "concerned"), (70, "with"), (120, "the"), (160, "technical"))
    assert _rows(justified, _line(112, (0, "side of the work, I"))) == [
        "concerned\twith\tthe\ttechnical",
        "side of the work, I",
    ]
    # Room was left in the cell: the word below would have fitted on the line.
    short = _line(100, (0, "2019 -"), (100, "Buyer"), (200, "Korvel"))
    assert (
        wrapped_cells(short.cells(), _line(112, (0, "2021"), (100, "Lead")).cells(), 10, []) is None
    )


def test_a_rendered_table_row_whose_cells_wrap() -> None:
    html = """<html><head><style>
      @page { size: A4; margin: 15mm; } body { font-family: sans-serif; font-size: 10pt; }
      table { border-collapse: collapse; table-layout: fixed; width: 150mm; }
      td { padding: 2pt 3pt; vertical-align: top; } td:nth-child(1) { width: 33mm; }
      td:nth-child(2) { width: 34mm; } td:nth-child(3) { width: 28mm; }
    </style></head><body><h1>Ilse Maarten</h1><table>
      <tr><td>December 2019 – May 2021</td><td>Customer Success Manager</td>
      <td>TAMONTREN ROBOTICS</td><td>Leeds</td></tr>
      <tr><td>June 2017 – Nov 2019</td><td>Buyer</td><td>Korvel</td><td>Lyon</td></tr>
      <tr><td>March 2015 – May 2017</td><td>Sales Assistant</td><td>Westfold</td><td>Lyon</td></tr>
    </table></body></html>"""
    text = read_pdf_text_sync(render_html(html), max_pages=1).text
    lines = text.splitlines()
    assert "December 2019 – May 2021\tCustomer Success Manager\tTAMONTREN ROBOTICS\tLeeds" in lines
    assert "June 2017 – Nov 2019\tBuyer\tKorvel\tLyon" in lines, text
