"""The ATS check's reading of synthetic PDFs (tests/fixtures/ats_pdfs.py): each way a machine
misreads a CV is found, on its page, with a box where it is, and what the common extractors
read is compared page by page; plus the small rules the findings rest on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.lib.ats_check.agreement import page_agreement, switches, words
from app.lib.ats_check.check import check_pdf
from app.lib.ats_check.examination import Link
from app.lib.ats_check.findings import verdict
from app.lib.ats_check.layer_checks import link_finding
from app.lib.ats_check.page_scan import glyph_kind
from app.lib.pdf_text import PdfTextError
from tests.fixtures.ats_pdfs import BROKEN, WHITE, misread_cv_pdf, two_column_pdf
from tests.fixtures.pdfs import NOT_A_PDF, PAGE_HEIGHT, PAGE_WIDTH, encrypted_pdf, many_pages_pdf


@pytest.fixture(scope="module")
async def misread() -> dict[str, Any]:
    return await check_pdf(misread_cv_pdf(), max_pages=10)


def found(report: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["code"] == code]


def boxes_of(report: dict[str, Any], finding: dict[str, Any]) -> list[list[float]]:
    return [report["boxes"][i] for i in finding["boxes"]]


def near(box: list[float], x: float, top: float) -> bool:
    """The box (page, x0, top, x1, bottom) starts at (x, top) points, give or take 6 points."""
    return abs(box[1] * PAGE_WIDTH - x) < 6 and abs(box[2] * PAGE_HEIGHT - top) < 6


async def test_a_scanned_page_is_found_with_its_picture(misread: dict[str, Any]) -> None:
    assert misread["pages"] == 2 and misread["verdict"] == "fix"
    [scan] = found(misread, "scanned_page")
    assert scan["severity"] == "error" and scan["page"] == 2 and scan["values"] == {"page": 2}
    [box] = boxes_of(misread, scan)
    assert box[0] == 2 and box[3] - box[1] > 0.9  # the picture covers the page's width
    assert misread["agreement"][1]["score"] is None  # no reader reads a word there
    assert scan["advice"] and "%(" not in scan["message"]


async def test_glyphs_without_a_unicode_map_are_found_where_they_are(
    misread: dict[str, Any],
) -> None:
    [broken] = found(misread, "unmapped_glyphs")
    # Every glyph of the line, its spaces too: the font draws them as glyphs without text.
    assert broken["page"] == 1 and broken["values"]["count"] == len(BROKEN.text)
    [box] = boxes_of(misread, broken)
    assert box[0] == 1 and near(box, BROKEN.x, BROKEN.top)


async def test_hidden_text_is_found_with_its_reason(misread: dict[str, Any]) -> None:
    hidden = {f["values"]["reason"]: f for f in found(misread, "hidden_text")}
    assert set(hidden) == {"white text on a white background", "text too small to read"}
    white = hidden["white text on a white background"]
    assert white["values"]["sample"] == WHITE.text
    assert near(boxes_of(misread, white)[0], WHITE.x, WHITE.top)


async def test_readers_that_read_across_the_columns_are_named(misread: dict[str, Any]) -> None:
    page = misread["agreement"][0]
    assert page["columns"] == 2
    assert set(page["counts"]) == {"pdftotext", "pdfminer", "pypdf", "pdfplumber"}
    [mixed] = found(misread, "columns_mixed")
    # pdfplumber reads line by line across the page; pypdf follows the drawing order (one
    # column after the other): it is not blamed.
    assert "pdfplumber" in mixed["values"]["readers"] and "pypdf" not in mixed["values"]["readers"]
    sides = boxes_of(misread, mixed)
    assert len(sides) == 2 and sides[0][3] <= sides[1][1]  # the sidebar, then the main column
    assert page["differences"], "where the two readers that agree least differ"


async def test_our_reader_files_the_columns_into_fields(misread: dict[str, Any]) -> None:
    jobs = [f["values"] for f in misread["fields"] if f["key"] == "experience"]
    assert [(j["title"], j["company"], j["start"]) for j in jobs] == [
        ("Senior Developer", "Acme Logistics", "2019"),
        ("Developer", "Blue Harbour Shipping", "2015"),
    ]
    assert all(f["boxes"] for f in misread["fields"] if f["key"] == "experience")
    headings = {f["values"]["text"] for f in misread["fields"] if f["key"] == "section"}
    assert {"Experience", "Education", "Skills"} <= headings


async def test_two_columns_alone_only_warn() -> None:
    report = await check_pdf(two_column_pdf(), max_pages=10)
    assert {f["severity"] for f in report["findings"]} <= {"warning", "note"}
    assert found(report, "columns_mixed")
    assert not found(report, "unmapped_glyphs") and not found(report, "hidden_text")


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda: NOT_A_PDF, "not_pdf"),
        (encrypted_pdf, "encrypted"),
        (lambda: many_pages_pdf(12), "too_many_pages"),
    ],
    ids=["not_pdf", "encrypted", "too_many_pages"],
)
async def test_a_file_no_reader_can_open_is_refused_with_the_readers_reason(
    make: Callable[[], bytes], code: str
) -> None:
    # The file is made when its case runs, not at collection, which every test process pays.
    with pytest.raises(PdfTextError) as refused:
        await check_pdf(make(), max_pages=10)
    assert refused.value.code == code


def test_glyph_kinds() -> None:
    assert glyph_kind("\ufffd") == "unmapped"
    assert glyph_kind("(cid:12)") == "unmapped"
    assert glyph_kind("\x00") == "unmapped"
    assert glyph_kind("\uf0e0") == "private"  # an icon font's envelope
    assert glyph_kind("é") is None and glyph_kind("ﬁ") is None


def test_column_switches_tell_interleaving_from_one_column_after_the_other() -> None:
    sides = ["alpha beta gamma delta", "one two three four"]
    assert switches(sides, words("alpha beta gamma delta one two three four")) == 1
    assert switches(sides, words("alpha one beta two gamma three delta four")) == 7


def test_glued_words_and_readers_that_drop_text() -> None:
    ours = "Senior Developer Acme Logistics " + "word " * 30
    read = {
        "pdftotext": ours,
        "pdfminer": ours,
        "pypdf": "Senior DeveloperAcme Logistics " + "word " * 30,
        "pdfplumber": "Senior Developer",
    }
    agreed = page_agreement(1, ours, 1, [], read)
    assert agreed.glued == {"pypdf": ["developeracme"]}
    assert agreed.short == ["pdfplumber"]
    assert agreed.score is not None and agreed.score < 0.85


def test_a_link_must_show_its_address() -> None:
    box = (0.1, 0.1, 0.3, 0.12)
    shown = Link("https://www.linkedin.com/in/jean", "linkedin.com/in/jean", box)
    hidden = Link("https://linkedin.com/in/jean", "My profile", box)
    mail = Link("mailto:jean@example.com", "jean@example.com", box)
    odd = Link("javascript:alert(1)", "Click", box)
    assert link_finding(1, shown) is None and link_finding(1, mail) is None
    finding = link_finding(1, hidden)
    assert finding is not None and finding.code == "link_hides_address"
    assert finding.values["address"] == "linkedin.com/in/jean"
    unusual = link_finding(1, odd)
    assert unusual is not None and unusual.code == "link_unusual"


def test_notes_alone_pass() -> None:
    assert verdict([{"severity": "note"}]) == "pass"
    assert verdict([{"severity": "note"}, {"severity": "warning"}]) == "fix"
