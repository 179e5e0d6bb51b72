"""The text layer's repairs that need the whole document, around ``layout``'s page steps.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``), which imports it
as ``pdf_reader.document_repair`` after ``layout``: stdlib, and pdfplumber for opening the file.

* ``open_pdf``: a file pdfminer finds no page in is read again as poppler reads it
  (``pdf_repair``: padding after ``%%EOF`` cut, cross-references rebuilt by a scan).
* ``repair_words``: glyphs the PDF lost (``glyph_repair``), solved from every page's words
  (a ligature broken on page 2 is often whole on page 1).
* ``readable_pages``: words hyphenated across lines joined (``hyphenation``), with the
  document's own words as vocabulary, and nothing unprintable left in the text.
"""

from __future__ import annotations

import io
import re
from typing import Any

from . import glyph_repair, glyph_source, hyphenation, pdf_repair
from .lexicon import Vocabulary, letter_runs

# What must never reach the text: control codes (tab and line feed aside), U+FFFD, and
# markers of lost glyphs (text that skipped the character stage, e.g. rotated lines).
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd\U000F0000-\U000FFFFD]")


def prepare() -> None:
    """Before a document: chars carry their glyph codes, the lost-glyph table is empty."""
    glyph_source.record_glyph_codes()
    glyph_repair.reset()


def _declared_pages(pdf: Any) -> int:
    from pdfminer.pdftypes import resolve1

    declared = resolve1(pdf.doc.catalog.get("Pages"))
    return int(resolve1(declared.get("Count", 0))) if isinstance(declared, dict) else 0


def _try_open(data: bytes) -> tuple[Any, int, Exception | None]:
    """(document, declared pages, None), or (None, 0, the failure)."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        return pdf, _declared_pages(pdf), None
    except MemoryError:
        raise
    except Exception as exc:  # any failure may be damage a rebuild undoes (never encryption)
        return None, 0, exc


def open_pdf(data: bytes) -> tuple[Any, int]:
    """The document and its declared page count (/Count: cheap, and it refuses a 10 000-page
    file before its pages are built). A file pdfminer finds no page in is rebuilt once."""
    pdf, count, failure = _try_open(data)
    if count == 0 and (rebuilt := pdf_repair.rebuild(data)) is not None:
        again, pages, _ = _try_open(rebuilt)
        if pages > 0:
            return again, pages
    if failure is not None:
        raise failure  # the rebuild did not help: the first failure is what went wrong
    return pdf, count


def repair_words(pages: list[Any], problems: dict[str, int]) -> None:
    """Lost glyphs solved in every page's words (``layout.PageWords``), in place."""
    glyph_repair.repair_pages(pages, problems)


def readable_pages(
    pages: list[Any], texts: list[str], styles: list[list[Any]]
) -> list[tuple[str, list[Any]]]:
    """Each non-empty page's text and line styles, hyphenated words joined."""
    vocabulary = Vocabulary(
        run for page in pages for w in page.words for run in letter_runs(w["text"])
    )
    out = []
    for text, page_styles in zip(texts, styles, strict=True):
        if text.strip():
            lines, kept = hyphenation.rejoin(text.split("\n"), page_styles, vocabulary)
            out.append(("\n".join(UNPRINTABLE.sub("", line) for line in lines), kept))
    return out
