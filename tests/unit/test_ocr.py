"""Scanned CVs read by Tesseract in the sandboxed PDF reader: synthetic CVs rendered by
WeasyPrint, drawn as pictures into a PDF without a text layer, recognised, then parsed.

These need the ``tesseract`` program with its French and English models (``make
document-deps`` installs them); without them they are skipped and say why. The tests of what
happens when Tesseract is missing run everywhere."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from app.config import Settings
from app.domain.cvs.scans import read_pdf
from app.launcher import ocr_warning
from app.lib.cv_content import CvContent
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.report.report_reading import reading_items
from app.lib.pdf_read import ocr_setup
from app.lib.pdf_read.ocr import read_tsv
from app.lib.pdf_read.ocr_reading import OcrOptions
from app.lib.pdf_text import PdfTextError, read_pdf_text_sync
from tests.fixtures import pdfs
from tests.fixtures.cv_samples import SAMPLES, score

needs_tesseract = pytest.mark.skipif(
    not ocr_setup.ocr_status("fra+eng").available,
    reason="Tesseract with its French and English models is not installed "
    "(make document-deps installs tesseract-ocr, tesseract-ocr-fra, tesseract-ocr-eng)",
)
CONTACT_LINE = (0.09, 0.105, 0.8, 0.125)  # the contact line of the French one-column sample


def experience_found(content: CvContent, key: str) -> tuple[int, int]:
    return score(content, SAMPLES[key].expected)["experience"]


@needs_tesseract
@pytest.mark.parametrize("key", ["fr_one_column", "en_two_column"])
def test_a_scanned_cv_is_read_by_ocr_and_its_jobs_are_found(key: str) -> None:
    scan = pdfs.scanned_cv_pdf(key)
    with pytest.raises(PdfTextError) as refused:  # without OCR: no text layer, as before
        read_pdf_text_sync(scan, max_pages=10)
    assert refused.value.code == "no_text_layer"

    parsed = read_pdf_text_sync(scan, max_pages=10, ocr=OcrOptions())
    assert parsed.ocr is not None and parsed.ocr.pages == [1] and parsed.ocr.tried == [1]
    assert parsed.ocr.confidence > 80
    content = parse_cv_text(parsed.text).content
    hits, total = experience_found(content, key)
    assert total and hits == total, [(e.title, e.company) for e in content.experience]
    # The same layout steps as a text layer: boxes for the review page, columns read apart.
    assert parsed.boxes and all(box[0] == 1 for box in parsed.boxes)
    assert parsed.columns == [SAMPLES[key].columns]
    assert content.header.name == SAMPLES[key].expected.name


@needs_tesseract
def test_a_pdf_with_a_text_layer_is_never_read_by_ocr() -> None:
    parsed = read_pdf_text_sync(pdfs.cv_pdf("fr_one_column"), max_pages=10, ocr=OcrOptions())
    assert parsed.ocr is None
    assert parsed.text == read_pdf_text_sync(pdfs.cv_pdf("fr_one_column"), max_pages=10).text


@needs_tesseract
def test_words_ocr_is_unsure_of_are_flagged_where_they_are() -> None:
    scan = pdfs.scanned_cv_pdf("fr_one_column", blur=CONTACT_LINE)
    parsed = read_pdf_text_sync(scan, max_pages=10, ocr=OcrOptions())
    assert parsed.ocr is not None
    doubts = [d for d in parsed.ocr.doubts if d[6] < 60]
    assert len(doubts) >= 3, parsed.ocr.doubts
    _, x0, top, x1, bottom, _, _ = doubts[0]
    left, high, right, low = CONTACT_LINE
    assert left - 0.01 <= x0 < x1 <= right + 0.01 and high - 0.01 <= top < bottom <= low + 0.01

    items = reading_items(
        "ocr",
        pages=parsed.ocr.pages,
        confidence=parsed.ocr.confidence,
        doubts=parsed.ocr.doubts,
        doubt_count=parsed.ocr.doubt_count,
    )
    said, flagged = items
    assert said["code"] == "text_ocr" and said["severity"] == "info"
    assert "recognised by OCR" in said["message"] and said["values"]["pages"] == "1"
    assert flagged["code"] == "text_ocr_doubts" and flagged["severity"] == "warning"
    assert flagged["values"]["count"] == parsed.ocr.doubt_count
    assert set(flagged["samples"]) <= {str(d[5]) for d in parsed.ocr.doubts}


@needs_tesseract
async def test_a_scanned_page_among_text_pages_is_read_by_ocr(tmp_path: Path) -> None:
    mixed = pdfs.text_then_scan_pdf()
    reading = await read_pdf(mixed, _settings(tmp_path), None)
    parsed = reading.parsed
    assert reading.via == "ocr" and reading.warnings == []
    assert parsed.scanned == [2] and parsed.ocr is not None and parsed.ocr.pages == [2]
    assert "Northwind Retail" in parsed.text and "Banque Rhône-Alpes" in parsed.text
    assert {box[0] for box in parsed.boxes} == {1, 2}


async def test_a_scanned_page_ocr_cannot_read_is_named(tmp_path: Path) -> None:
    settings = dataclasses.replace(_settings(tmp_path), ocr_languages="")  # no OCR
    reading = await read_pdf(pdfs.text_then_scan_pdf(), settings, None)
    assert reading.via == "text" and "Northwind Retail" in reading.parsed.text
    [warning] = reading.warnings
    assert warning["code"] == "scanned_pages_unread" and warning["values"] == {"pages": "2"}
    assert "could not be read" in warning["message"]


@needs_tesseract
def test_ocr_stops_at_its_time_budget() -> None:
    scan = pdfs.scanned_cv_pdf("en_one_column")
    with pytest.raises(PdfTextError) as caught:
        read_pdf_text_sync(scan, max_pages=10, ocr=OcrOptions(budget_s=0.05))
    assert caught.value.code == "timeout" and "took too long" in caught.value.message


@needs_tesseract
def test_a_picture_without_text_is_refused_with_what_to_do() -> None:
    with pytest.raises(PdfTextError) as caught:
        read_pdf_text_sync(pdfs.scanned_pdf(), max_pages=10, ocr=OcrOptions())
    assert caught.value.code == "ocr_empty"
    assert "text recognition (OCR) found almost no text" in caught.value.message


def test_tesseract_tsv_becomes_words_on_their_line() -> None:
    """Pixels → points; a word takes its line's top and bottom; specks go, bullets and the
    middle dot between contact details are read back as such."""
    columns = "level page_num block_num par_num line_num word_num left top width height conf text"
    header = columns.replace(" ", "\t")
    rows = [
        "4\t1\t1\t1\t1\t0\t100\t200\t900\t50\t-1\t",
        "5\t1\t1\t1\t1\t1\t100\t210\t20\t20\t30.0\t*",
        "5\t1\t1\t1\t1\t2\t140\t200\t300\t50\t96.5\tPython",
        "5\t1\t1\t1\t1\t3\t460\t222\t5\t5\t80.0\t:",
        "5\t1\t1\t1\t1\t4\t480\t200\t200\t40\t41.0\tLyor",
        "5\t1\t1\t1\t1\t5\t700\t240\t6\t6\t12.0\t,",
    ]
    words = read_tsv("\n".join([header, *rows]), scale=2.0)
    assert [(w["text"], round(c)) for w, c in words] == [
        ("•", 60),
        ("Python", 96),
        ("·", 80),
        ("Lyor", 41),
    ]
    python = words[1][0]
    assert (python["x0"], python["x1"], python["top"], python["bottom"]) == (70, 220, 100, 125)
    assert words[3][0]["top"] == 100 and words[3][0]["bottom"] == 125  # the line's, not its own


def _without_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_setup.shutil, "which", lambda *_args, **_kw: None)
    ocr_setup.forget_status()


def test_missing_tesseract_is_said_with_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _without_tesseract(monkeypatch)
    try:
        status = ocr_setup.ocr_status("fra+eng")
        assert not status.available and status.missing == ("fra", "eng")
        help_text = ocr_setup.missing_help(status)
        assert help_text is not None
        assert "Tesseract (text recognition) is not installed" in help_text
        assert "scanned CVs" in help_text and "make document-deps" in help_text
        assert "apt-get install tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng" in help_text
        assert ocr_setup.ocr_options("fra+eng", 120) is None
        settings = _settings(tmp_path)
        assert ocr_warning(settings) == help_text  # what `make run` prints
        assert ocr_warning(dataclasses.replace(settings, ocr_languages="")) is None  # turned off
    finally:
        ocr_setup.forget_status()


@needs_tesseract
def test_a_missing_language_model_is_named() -> None:
    ocr_setup.forget_status()
    status = ocr_setup.ocr_status("fra+zzz")
    assert status.program and status.missing == ("zzz",) and not status.available
    help_text = ocr_setup.missing_help(status)
    assert help_text and "no model for: zzz" in help_text
    assert "apt-get install tesseract-ocr-zzz" in help_text
    assert ocr_setup.missing_help(ocr_setup.ocr_status("fra+eng")) is None


async def test_without_tesseract_a_scan_is_refused_as_before(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _without_tesseract(monkeypatch)
    try:
        with pytest.raises(PdfTextError) as caught:
            await read_pdf(pdfs.scanned_cv_pdf("fr_one_column"), _settings(tmp_path), None)
    finally:
        ocr_setup.forget_status()
    assert caught.value.code == "no_text_layer"
    assert "Text recognition (OCR) is not available here" in caught.value.message


def _settings(tmp_path: Path) -> Settings:
    from app.config import build_settings

    return build_settings({"DATA_DIR": str(tmp_path / "var"), "SECRET_KEY": "k" * 40})
