"""Text recognition (OCR) of scanned pages: Tesseract's words, with their boxes and confidences.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``), which loads it as
``pdf_reader.ocr``: stdlib, pypdfium2 (installed with pdfplumber) to draw the page, and the
``tesseract`` program, called with TSV output. The program inherits the child's limits
(``RLIMIT_AS``, ``RLIMIT_CPU``, no environment) and gets the time left of the OCR budget.

Why the words and not Tesseract's text: a word with its box is what the text layer gives too,
so a scanned page goes through the same steps (lines, columns, page furniture, hyphenation;
``layout.read_document``) and the section parser reads it like any PDF. A word takes its
line's top and bottom: ink boxes differ per word ("ox" is shorter than "Ty"), a line's do not.

A page is read by OCR when its text layer has (almost) no text and a picture covers much of it:
a page with only a logo and a few lines of text is not a scan.

Public: ``page_needs_ocr``, ``ocr_pages``, ``OcrTimeout``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from typing import Any

DPI = 300  # Tesseract's models are trained on text of about this resolution
MAX_SIDE_PX = 5000  # a page declaring a huge size is drawn smaller, never bigger
PAGE_MIN_CHARS = 40  # a page with fewer letters in its text layer may be a scan
IMAGE_COVER = 0.3  # ... when pictures cover this share of it
LOW_CONFIDENCE = 60.0  # of Tesseract's 0-100: below it a word is flagged for the user
NOISE_CONFIDENCE = 40.0  # specks read as punctuation below this are dropped
MAX_DOUBTS = 300  # flagged words kept for the review page (a page of noise must not bloat it)
DIGITS = 4
# What Tesseract makes of a round bullet starting a line; read back as the bullet it is.
DOT_READINGS = frozenset({":", "."})
BULLET_READINGS = frozenset({"*", "+", "°", "«", "¢", "©", "®", "e", "o", "»"})


class OcrTimeout(Exception):
    """The OCR budget ran out before every page was read."""


@dataclass
class OcrPage:
    """One page read by OCR: its words (``words.Word`` dicts, in points) and its confidence."""

    number: int
    words: list[dict[str, Any]]
    width: float
    height: float
    confidence: float  # mean of the words' confidences, weighted by their length (0-100)
    doubts: list[list[Any]] = field(default_factory=list)  # [page, x0, top, x1, bottom, text, conf]


def page_needs_ocr(words: list[dict[str, Any]], page: Any) -> bool:
    """The text layer of ``page`` (a pdfplumber page) holds almost nothing, and pictures cover
    a good part of it."""
    letters = sum(1 for word in words for char in word["text"] if not char.isspace())
    if letters >= PAGE_MIN_CHARS:
        return False
    width, height = float(page.width), float(page.height)
    if width <= 0 or height <= 0:
        return False
    covered = 0.0
    for image in page.images:
        x0, x1 = max(0.0, float(image["x0"])), min(width, float(image["x1"]))
        top, bottom = max(0.0, float(image["top"])), min(height, float(image["bottom"]))
        covered += max(0.0, x1 - x0) * max(0.0, bottom - top)
    return covered >= IMAGE_COVER * width * height


def tesseract_command(program: str, languages: str, dpi: int) -> list[str]:
    """Read the PNG on stdin, automatic page layout (columns found), TSV on stdout."""
    return [program, "stdin", "stdout", "-l", languages, "--dpi", str(dpi), "--psm", "3", "tsv"]


def _page_png(document: Any, index: int) -> tuple[bytes, float]:
    """The page drawn in grey at ``DPI`` (PNG bytes) and the pixels per point."""
    import io

    page = document[index]
    width, height = page.get_size()
    scale = min(DPI / 72, MAX_SIDE_PX / max(width, height, 1.0))
    image = page.render(scale=scale, grayscale=True).to_pil()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue(), scale


def _middle_dot(top: float, bottom: float, line_top: float, line_bottom: float) -> bool:
    """A speck halfway up its line: the "·" between contact details, which Tesseract reads as
    ":" or "." (a colon spans the x-height, a full stop sits on the baseline)."""
    line = max(line_bottom - line_top, 0.1)
    middle = ((top + bottom) / 2 - line_top) / line
    return bottom - top <= 0.3 * line and 0.3 <= middle <= 0.75


def _number(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return -1.0


def read_tsv(tsv: str, scale: float) -> list[tuple[dict[str, Any], float]]:
    """Tesseract's TSV → (word, confidence) pairs; boxes in points, a word's top and bottom
    its line's. Specks read as punctuation with a low confidence are left out."""
    lines: dict[tuple[str, ...], tuple[float, float]] = {}
    out: list[tuple[dict[str, Any], float]] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12:
            continue
        level, key = cells[0], tuple(cells[1:5])
        left, top, width, height = (_number(c) for c in cells[6:10])
        if level == "4":
            lines[key] = (top / scale, (top + height) / scale)
            continue
        text, confidence = cells[11].strip(), _number(cells[10])
        if level != "5" or not text or confidence < 0:
            continue
        if cells[5] == "1" and text in BULLET_READINGS:  # a line's first word: a list bullet
            text, confidence = "•", max(confidence, LOW_CONFIDENCE)
        if confidence < NOISE_CONFIDENCE and not any(c.isalnum() for c in text):
            continue
        line_top, line_bottom = lines.get(key, (top / scale, (top + height) / scale))
        if text in DOT_READINGS and _middle_dot(
            top / scale, (top + height) / scale, line_top, line_bottom
        ):
            text = "·"
        word = {
            "text": text,
            "x0": left / scale,
            "x1": (left + width) / scale,
            "top": line_top,
            "bottom": line_bottom,
            "size": max(line_bottom - line_top, 1.0),
            "bold": False,  # Tesseract's models say nothing of the weight
            "colour": "",
        }
        out.append((word, confidence))
    return out


def _read_page(
    document: Any, index: int, program: str, languages: str, deadline: float
) -> OcrPage | None:
    png, scale = _page_png(document, index)
    left = deadline - time.monotonic()
    if left <= 0:
        raise OcrTimeout
    env = {"PATH": os.defpath, "LANG": "C.UTF-8", "OMP_THREAD_LIMIT": "1"}
    command = tesseract_command(program, languages, round(scale * 72))
    try:
        done = subprocess.run(  # noqa: S603 - Tesseract found on the system path, fixed args
            command, input=png, capture_output=True, timeout=left, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        raise OcrTimeout from None
    if done.returncode != 0:
        return None
    width, height = document[index].get_size()
    pairs = read_tsv(done.stdout.decode("utf-8", errors="replace"), scale)
    letters = sum(len(w["text"]) for w, _ in pairs)
    mean = sum(c * len(w["text"]) for w, c in pairs) / letters if letters else 0.0
    doubts = [
        [
            index + 1,
            round(w["x0"] / width, DIGITS),
            round(w["top"] / height, DIGITS),
            round(w["x1"] / width, DIGITS),
            round(w["bottom"] / height, DIGITS),
            w["text"],
            round(c),
        ]
        for w, c in pairs
        if c < LOW_CONFIDENCE
    ]
    return OcrPage(index + 1, [w for w, _ in pairs], width, height, round(mean, 1), doubts)


def ocr_pages(data: bytes, indexes: list[int], languages: str, budget_s: float) -> list[OcrPage]:
    """Pages ``indexes`` (0-based) of the PDF ``data`` read by Tesseract in ``languages``
    ("fra+eng"), all within ``budget_s`` seconds (``OcrTimeout`` past it). A page Tesseract
    fails on is left out; no Tesseract at all reads nothing."""
    import pypdfium2

    program = shutil.which("tesseract", path=os.defpath)
    if program is None or not indexes:
        return []
    deadline = time.monotonic() + budget_s
    document = pypdfium2.PdfDocument(data)
    try:
        pages = [_read_page(document, index, program, languages, deadline) for index in indexes]
    finally:
        document.close()
    return [page for page in pages if page is not None]


def read_scans(
    data: bytes, pages: list[Any], scanned: list[int], languages: str, budget_s: float
) -> dict[str, Any] | None:
    """The scanned pages (``scanned``, 0-based) of ``pages`` (``layout.PageWords``) read by OCR,
    their words put in place of their text layer's, in place. What OCR did, for the answer:
    pages read, their confidence, the words it doubts; None when no page was scanned."""
    if not scanned:
        return None
    read = ocr_pages(data, scanned, languages, budget_s)
    for page in read:
        target = pages[page.number - 1]
        target.words, target.width, target.height = page.words, page.width, page.height
    doubts = [doubt for page in read for doubt in page.doubts]
    return {
        "tried": [index + 1 for index in scanned],
        "pages": [page.number for page in read],
        "confidence": [page.confidence for page in read],
        "doubts": doubts[:MAX_DOUBTS],
        "doubtCount": len(doubts),
    }
