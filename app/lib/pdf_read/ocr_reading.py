"""What text recognition (OCR) did to a PDF, as the app sees it: the options the import asks the
sandboxed reader for, and the reader's answer read back (``app/lib/pdf_read/ocr.py`` does the
work inside the child; ``text_layer`` carries both).

Public: ``OcrOptions``, ``OcrReading``, ``Doubt``, ``parse_ocr``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEFAULT_LANGUAGES = "fra+eng"
DEFAULT_BUDGET_S = 120.0  # all scanned pages of one CV; a page takes a few seconds

# A word OCR doubts: (page, x0, top, x1, bottom, text, confidence 0-100); coordinates are
# fractions of the page, like app/lib/pdf_read/source_boxes.py's.
Doubt = tuple[int, float, float, float, float, str, int]


@dataclass(frozen=True, slots=True)
class OcrOptions:
    """Read pages without a text layer with Tesseract in ``languages``, within ``budget_s``."""

    languages: str = DEFAULT_LANGUAGES
    budget_s: float = DEFAULT_BUDGET_S


@dataclass(frozen=True, slots=True)
class OcrReading:
    pages: list[int]  # read by OCR (1-based)
    confidence: float  # mean over those pages (0-100)
    languages: str
    doubts: list[Doubt] = field(default_factory=list)
    doubt_count: int = 0  # all the words below the threshold, ``doubts`` keeps the first ones
    tried: list[int] = field(default_factory=list)  # pages that looked scanned


def _doubt(item: Any) -> Doubt | None:
    try:
        page, x0, top, x1, bottom, text, confidence = item
        return (
            int(page),
            float(x0),
            float(top),
            float(x1),
            float(bottom),
            str(text),
            int(confidence),
        )
    except (TypeError, ValueError):
        return None


def parse_ocr(raw: Any, languages: str) -> OcrReading | None:
    """The child's ``ocr`` answer checked; None when no page was scanned."""
    if not isinstance(raw, dict):
        return None
    pages = [int(p) for p in raw.get("pages") or [] if isinstance(p, int)]
    tried = [int(p) for p in raw.get("tried") or [] if isinstance(p, int)]
    scores = [float(c) for c in raw.get("confidence") or [] if isinstance(c, int | float)]
    doubts = [d for d in (_doubt(item) for item in raw.get("doubts") or []) if d is not None]
    return OcrReading(
        pages=pages,
        confidence=round(sum(scores) / len(scores), 1) if scores else 0.0,
        languages=languages,
        doubts=doubts,
        doubt_count=max(len(doubts), int(raw.get("doubtCount") or 0)),
        tried=tried,
    )
