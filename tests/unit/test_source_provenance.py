"""Provenance: where each piece of a PDF's text sits (the reader's boxes) and which part of the
CV each source line was read into — the review page lights an entry's lines with both."""

from __future__ import annotations

import pytest

from app.lib.cv_content import CvContent
from app.lib.parsing.report.report_coverage import content_words
from app.lib.parsing.report.report_provenance import provenance
from app.lib.pdf_read.source_boxes import page_boxes, parse_boxes
from app.lib.pdf_read.words import Line
from app.lib.pdf_text import read_pdf_text_sync
from tests.fixtures.pdfs import render_html


def _word(text: str, x0: float, top: float, size: float = 10.0) -> dict[str, object]:
    return {"text": text, "x0": x0, "x1": x0 + 6 * len(text), "top": top, "bottom": top + size}


def _line(*words: dict[str, object]) -> Line:
    line = Line(top=1e9, bottom=-1e9)
    for word in words:
        line.add(word)
    return line


def test_a_line_is_cut_at_its_wide_gaps_and_boxes_are_fractions_of_the_page() -> None:
    # A date cell, then the title one gap away, on one baseline: two pieces.
    line = _line(_word("2019", 50, 100), _word("Engineer", 200, 100), _word("Acme", 254, 100))
    boxes = page_boxes(2, [line], width=500, height=1000)
    assert [box[5] for box in boxes] == ["2019", "Engineer Acme"]
    page, x0, top, x1, bottom, _ = boxes[1]
    assert page == 2 and (x0, top, bottom) == (0.4, 0.1, 0.11)
    assert x1 == pytest.approx((254 + 24) / 500)
    assert page_boxes(1, [line], width=0, height=1000) == []


def test_stored_boxes_are_read_back_and_malformed_ones_left_out() -> None:
    raw = [[1, 0.1, 0.2, 0.3, 0.4, "ok"], [1, "x", 0, 0, 0, "bad"], "junk", [2, 0, 0, 1, 1]]
    assert parse_boxes(raw) == [(1, 0.1, 0.2, 0.3, 0.4, "ok")]
    assert parse_boxes({"not": "a list"}) == []


def test_the_pdf_reader_gives_each_cell_of_a_page_its_box() -> None:
    html = """<html><body style="font: 11pt sans-serif; margin: 2cm">
      <h2>Experience</h2>
      <table style="width: 100%"><tr>
        <td style="width: 25%">2019 - 2022</td><td>Data Engineer, Nordhavn Freight</td>
      </tr></table>
      <p style="margin-top: 14cm">Built the weekly reporting pipeline.</p>
    </body></html>"""
    read = read_pdf_text_sync(render_html(html), max_pages=5)
    by_text = {box[5]: box for box in read.boxes}
    assert {"2019 - 2022", "Data Engineer, Nordhavn Freight"} <= set(by_text)
    dates, title = by_text["2019 - 2022"], by_text["Data Engineer, Nordhavn Freight"]
    assert dates[3] < title[1]  # the date cell ends left of the title's cell
    assert abs(dates[2] - title[2]) < 0.01  # on one baseline
    bullet = by_text["Built the weekly reporting pipeline."]
    assert bullet[2] > title[4] + 0.4  # far below, as drawn
    assert all(0 <= v <= 1 for box in read.boxes for v in box[1:5])


CV = CvContent.from_json(
    {
        "header": {"name": "Ana Lima"},
        "summary": "Backend engineer who ships billing systems.",
        "experience": [
            {
                "id": "exp_a",
                "title": "Backend Engineer",
                "company": "Nordhavn Freight",
                "bullets": ["Rebuilt the invoicing queue in Go."],
            },
            {
                "id": "exp_b",
                "title": "Developer",
                "company": "Lumen Clinics",
                "bullets": ["Migrated patient records to PostgreSQL."],
            },
        ],
        "skills": [{"name": "Kubernetes"}, {"name": "Terraform"}],
        "extras": {
            "certifications": [
                {"id": "cert_1", "name": "Certified Kubernetes Administrator"},
                {"id": "cert_2", "name": "Scrum Master Professional"},
            ]
        },
    }
)
SOURCE = [
    "Ana Lima",  # 0
    "EXPERIENCE",  # 1: a heading, nothing to trace
    "Backend Engineer, Nordhavn Freight",  # 2
    "• Rebuilt the invoicing queue in Go.",  # 3
    "Developer — Lumen Clinics",  # 4
    "• Migrated patient records to PostgreSQL.",  # 5
    "Kubernetes, Terraform",  # 6
    "Scrum Master Professional",  # 7
    "Volunteer firefighter on weekends",  # 8: read into nothing
    "ana@example.com",  # 9: contact data only
]


def test_each_source_line_is_traced_to_the_entry_holding_its_words() -> None:
    found = provenance(SOURCE, CV)
    assert found.lines["experience:exp_a"] == [2, 3]
    assert found.lines["experience:exp_b"] == [4, 5]
    assert found.lines["skills"] == [6]
    assert found.lines["certifications:cert_2"] == [7]
    assert found.unplaced == [8]
    assert found.of_section("experience") == [2, 3, 4, 5]
    traced = {i for lines in found.lines.values() for i in lines}
    assert not traced & {1, 9}


def test_the_trace_follows_the_content_as_the_user_fixed_it() -> None:
    fixed = CV.model_copy(deep=True)
    moved = fixed.experience[1].bullets.pop()
    fixed.experience[0].bullets.append(moved)
    fixed.extras.interests.append("Volunteer firefighter on weekends")
    found = provenance(SOURCE, fixed)
    assert found.lines["experience:exp_a"] == [2, 3, 5]
    assert found.lines["experience:exp_b"] == [4]
    assert found.lines["interests"] == [8] and found.unplaced == []


def test_a_range_of_years_is_content_and_a_phone_number_is_not() -> None:
    assert content_words("Analyst, Lumen, 2012 - 2013") == (
        "Analyst, Lumen, 2012 - 2013",
        {"analyst", "lumen", "2012", "2013"},
    )
    assert content_words("Tel. 0612 345 678") is None
