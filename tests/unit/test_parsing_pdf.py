"""The sandboxed PDF reader: real files, broken files, limits, hidden text."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from app.lib.pdf_read.text_layer import (
    PdfTextError,
    looks_like_pdf,
    read_pdf_text,
    read_pdf_text_sync,
)
from tests.fixtures import pdfs
from tests.fixtures.cv_samples import HIDDEN_INJECTION


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda: pdfs.NOT_A_PDF, "not_pdf"),
        (pdfs.truncated_pdf, "corrupt"),
        (pdfs.encrypted_pdf, "encrypted"),
        (pdfs.scanned_pdf, "no_text_layer"),
        (pdfs.many_pages_pdf, "too_many_pages"),
        (lambda: pdfs.text_only_pdf("Curriculum"), "empty_text"),
    ],
    ids=["not_pdf", "corrupt", "encrypted", "no_text_layer", "too_many_pages", "empty_text"],
)
def test_unreadable_files_raise_a_clear_error(make: Callable[[], bytes], code: str) -> None:
    # The file is made when its case runs, not at collection, which every test process pays.
    with pytest.raises(PdfTextError) as caught:
        read_pdf_text_sync(make(), max_pages=10)
    assert caught.value.code == code
    assert caught.value.message and "%(" not in caught.value.message


def test_the_encrypted_fixture_is_a_real_encrypted_pdf() -> None:
    """With its password the same file reads fine: the refusal is about encryption only."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdfs.encrypted_pdf()), password="secret") as pdf:
        assert "Jean Dupont" in pdf.pages[0].extract_text()


def test_decompression_bomb_is_stopped_by_the_memory_limit() -> None:
    bomb = pdfs.decompression_bomb_pdf()
    assert len(bomb) < 2 * 1024 * 1024  # a small file…
    with pytest.raises(PdfTextError) as caught:
        read_pdf_text_sync(bomb, max_pages=10, memory_mb=256)  # …that needs a gigabyte
    assert caught.value.code == "too_complex"


def test_time_limit_kills_the_parser() -> None:
    slow = pdfs.slow_pdf()
    assert len(slow) < 100_000
    with pytest.raises(PdfTextError) as caught:
        read_pdf_text_sync(slow, max_pages=10, timeout_s=0.5)
    assert caught.value.code == "timeout"


def test_page_limit_message_names_both_numbers() -> None:
    with pytest.raises(PdfTextError) as caught:
        read_pdf_text_sync(pdfs.many_pages_pdf(), max_pages=10)
    assert "40" in caught.value.message and "10" in caught.value.message
    assert read_pdf_text_sync(pdfs.many_pages_pdf(), max_pages=40).pages == 40


def test_hidden_text_is_reported_and_not_returned() -> None:
    result = read_pdf_text_sync(pdfs.hidden_text_pdf(), max_pages=10)
    reasons = {h.reason: h.text for h in result.hidden}
    assert reasons["invisible_colour"] == HIDDEN_INJECTION
    assert reasons["tiny"] == "Skills: quantum computing expert"
    assert HIDDEN_INJECTION not in result.text and "quantum" not in result.text
    assert "Camille Durand" in result.text


def test_white_text_on_a_dark_sidebar_is_not_hidden() -> None:
    result = read_pdf_text_sync(pdfs.cv_pdf("en_two_column"), max_pages=10)
    assert result.hidden == []
    assert "priya.patel@example.org" in result.text  # white on the dark blue sidebar


def test_async_reader_and_magic_bytes() -> None:
    async def run() -> str:
        return (await read_pdf_text(pdfs.cv_pdf("en_one_column"), max_pages=10)).text

    assert "Jordan Smith" in asyncio.run(run())
    assert looks_like_pdf(b"\n\n%PDF-1.7 ...")
    assert not looks_like_pdf(b"PK\x03\x04")
