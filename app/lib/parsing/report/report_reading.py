"""How a scanned CV's text was read, for the import report: by text recognition (OCR) or by the
AI model from the page images, and the words OCR was unsure of.

A scan's text may hold misread letters a text layer never has ("FastAPl" for "FastAPI", "0"
for "O"), so the report says where the text came from, and OCR's doubtful words are listed and
outlined on the page images of the review page (app/domain/cvs/source_lines.py), where the
user compares them with the picture.

Public: ``reading_report``, ``reading_items``, ``MAX_DOUBT_SAMPLES``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.lib.i18n import N_
from app.lib.pdf_read.ocr_reading import OcrReading
from app.lib.problems import problem

MAX_DOUBT_SAMPLES = 30  # words listed in the report; all kept ones are outlined on the pages

OCR_READ = N_(
    "This PDF is a scan: its text was recognised by OCR (pages: %(pages)s; average confidence "
    "%(confidence)s%%). Compare names, dates and numbers with the page images."
)
OCR_DOUBTS = N_("Words OCR was unsure of: %(count)s. They are outlined in red on the page images:")
VISION_READ = N_(
    "This PDF is a scan: its text was read from the page images by the AI model. Compare "
    "names, dates and numbers with the page images."
)


def reading_items(
    via: str,
    *,
    pages: Sequence[int] = (),
    confidence: float = 0.0,
    doubts: Sequence[Sequence[Any]] = (),
    doubt_count: int = 0,
) -> list[dict[str, Any]]:
    """The report items for text read by ``via`` ("ocr", "vision"; "text" has none).
    ``doubts``: OCR's unsure words, (page, x0, top, x1, bottom, text, confidence)."""
    if via == "vision":
        return [problem("text_vision", VISION_READ, "warning") | {"group": "text"}]
    if via != "ocr":
        return []
    listed = ", ".join(str(page) for page in pages)
    items = [
        problem("text_ocr", OCR_READ, "info", pages=listed, confidence=round(confidence))
        | {"group": "text"}
    ]
    if doubts:
        words = [str(doubt[5]) for doubt in doubts][:MAX_DOUBT_SAMPLES]
        count = max(doubt_count, len(doubts))
        item = problem("text_ocr_doubts", OCR_DOUBTS, "warning", count=count)
        items.append(item | {"group": "text", "samples": words})
    return items


def reading_report(via: str, ocr: OcrReading | None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The report's items on how the text was read, and what the review page draws of it
    (``textSource``; after OCR, ``ocrDoubts``: the boxes of its unsure words)."""
    if via != "ocr" or ocr is None:
        return reading_items(via), {"textSource": via}
    items = reading_items(
        "ocr",
        pages=ocr.pages,
        confidence=ocr.confidence,
        doubts=ocr.doubts,
        doubt_count=ocr.doubt_count,
    )
    return items, {"textSource": "ocr", "ocrDoubts": [list(doubt) for doubt in ocr.doubts]}
