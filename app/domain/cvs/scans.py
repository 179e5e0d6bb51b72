"""Reading an uploaded PDF for the import, scans included: the text layer when it has one; else
the AI model reading the page images when the endpoint sees images (app/lib/llm/vision.py);
else, or when the model fails, text recognition by Tesseract (OCR) in the sandboxed reader
(app/lib/pdf_read/ocr.py). Without either, a scan is refused with the reader's message. A picture
of a CV (JPEG, PNG, WebP) arrives here as the one-page scanned PDF the intake made of it
(``scan_of_image`` in app/domain/cvs/intake.py), and takes the same path.

Public: ``VisionAccess``, ``PdfReading``, ``read_pdf``, ``vision_mode``, ``usage_sum``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.lib.i18n import N_
from app.lib.llm import LLMEndpoint, LLMError
from app.lib.llm.errors import TRANSIENT_LLM_ERRORS
from app.lib.llm.vision import VISION_MODES, accepts_images, transcribe_page
from app.lib.pdf_read.ocr_reading import OcrOptions
from app.lib.pdf_read.ocr_setup import ocr_options
from app.lib.pdf_read.page_image import MAX_WIDTH, PageImageError, render_page_png
from app.lib.pdf_text import PdfText, PdfTextError, read_pdf_text
from app.lib.problems import problem
from app.settings.service import all_settings

log = logging.getLogger(__name__)

SCANS_UNREAD = N_(
    "Pages %(pages)s look scanned (pictures without text) and could not be read: their text "
    "is missing. Add it by hand, or upload the PDF exported from your word processor."
)
VISION_FAILED = N_(
    "The AI model could not read the scanned pages; text recognition (OCR) read them instead."
)


@dataclass(frozen=True, slots=True)
class VisionAccess:
    """The model that may read page images, and the admin's ``llm_vision`` setting."""

    endpoint: LLMEndpoint
    model: str
    mode: str  # "auto" | "on" | "off"


@dataclass
class PdfReading:
    """The PDF's text and how it was read: ``via`` "text" (its text layer), "ocr" (some or all
    pages recognised: ``parsed.ocr``) or "vision" (the model read the page images)."""

    parsed: PdfText
    via: str
    warnings: list[dict[str, Any]] = field(default_factory=list)
    usage: dict[str, int] | None = None


async def vision_mode(session: AsyncSession) -> str:
    """The admin's ``llm_vision`` setting: "auto" (ask the model once), "on" or "off"."""
    value = (await all_settings(session)).get("llm_vision", "auto").strip()
    return value if value in VISION_MODES else "auto"


async def _page_images(data: bytes, max_pages: int) -> list[bytes]:
    """Every page as PNG, drawn in the sandbox; [] when the file cannot be drawn."""
    images: list[bytes] = []
    for page in range(1, max_pages + 1):
        try:
            images.append(await render_page_png(data, page, width=MAX_WIDTH, max_pages=max_pages))
        except PageImageError as exc:
            if exc.code != "no_page":
                return []
            break
    return images


async def _by_vision(data: bytes, settings: Settings, vision: VisionAccess) -> PdfReading | None:
    """The scan read by the model, page by page; None when it does not see images, a page
    cannot be drawn, or it reads (almost) nothing. ``LLMError`` when a call fails."""
    if not await accepts_images(vision.endpoint, vision.model, vision.mode):
        return None
    images = await _page_images(data, settings.pdf_max_pages)
    if not images:
        return None
    texts, prompt, completion = [], 0, 0
    for number, png in enumerate(images, start=1):
        page = await transcribe_page(vision.endpoint, vision.model, png, number, len(images))
        texts.append(page.text)
        prompt, completion = prompt + page.prompt_tokens, completion + page.completion_tokens
    text = "\n\n".join(t for t in texts if t)
    parsed = PdfText(text=text, pages=len(images), columns=[1] * len(images))
    if parsed.visible_chars < 40:
        return None
    usage = {"promptTokens": prompt, "completionTokens": completion}
    return PdfReading(parsed, "vision", usage=usage)


def _unread_scans(parsed: PdfText) -> list[dict[str, Any]]:
    """A warning naming the scanned pages among text pages that OCR did not read (it is not
    installed, or found nothing there): their text is missing from the import."""
    read = set(parsed.ocr.pages) if parsed.ocr is not None else set()
    unread = [page for page in parsed.scanned if page not in read]
    if not unread:
        return []
    pages = ", ".join(str(page) for page in unread)
    return [problem("scanned_pages_unread", SCANS_UNREAD, "warning", pages=pages)]


def _via(parsed: PdfText) -> str:
    return "ocr" if parsed.ocr is not None and parsed.ocr.pages else "text"


async def read_pdf(data: bytes, settings: Settings, vision: VisionAccess | None) -> PdfReading:
    """The text of the PDF ``data``; ``PdfTextError`` when it cannot be read, a transient
    ``LLMError`` when the model failed on a scan and there is no OCR to read it instead."""
    ocr: OcrOptions | None = ocr_options(settings.ocr_languages, settings.ocr_timeout_seconds)
    sees = vision is not None and vision.mode != "off"
    try:
        # With a model that may see images, a scan goes to it first: OCR waits.
        parsed = await read_pdf_text(
            data, max_pages=settings.pdf_max_pages, ocr=None if sees else ocr
        )
        if sees and parsed.scanned and ocr is not None:
            # Some pages are scans among text pages: OCR reads those (the model reads whole
            # scans only, not a page here and there).
            parsed = await read_pdf_text(data, max_pages=settings.pdf_max_pages, ocr=ocr)
        return PdfReading(parsed, _via(parsed), _unread_scans(parsed))
    except PdfTextError as exc:
        if exc.code != "no_text_layer" or vision is None or not sees:
            raise
        scan = exc
    warnings: list[dict[str, Any]] = []
    try:
        read = await _by_vision(data, settings, vision)
        if read is not None:
            return read
    except LLMError as exc:
        if ocr is None and isinstance(exc, TRANSIENT_LLM_ERRORS):
            raise  # no OCR to fall back on: the import tries the model again later
        log.warning("the model could not read a scanned CV (%s); OCR reads it", exc.code)
        warnings.append(problem("vision_failed", VISION_FAILED, "warning", reason=exc.code))
    if ocr is None:
        raise scan
    parsed = await read_pdf_text(data, max_pages=settings.pdf_max_pages, ocr=ocr)
    return PdfReading(parsed, _via(parsed), warnings + _unread_scans(parsed))


def usage_sum(
    reading: dict[str, int] | None, extraction: dict[str, Any] | None
) -> dict[str, Any] | None:
    """The extraction's usage, with the tokens the model spent reading a scan's pages."""
    if reading is None or extraction is None:
        return extraction or reading
    return extraction | {
        key: int(extraction.get(key) or 0) + reading[key]
        for key in ("promptTokens", "completionTokens")
    }
