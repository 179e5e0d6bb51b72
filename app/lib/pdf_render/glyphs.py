"""Write a PDF whose text layer every extractor can read, whatever characters the CV holds.

A character that no installed font covers (an emoji newer than the emoji font, a rare script) is
drawn by WeasyPrint as ``.notdef`` and, to do that, the whole font it falls in gets a custom
CMap instead of ``Identity-H``: pdfminer, pypdf and the app's own importer then lose most of the
page's text (email, phone, dates), not just that one character. So the PDF is written while
listening for WeasyPrint's warning about such glyphs; if there was one, the caller lays the
document out again without those characters (``strip_characters``) and reports what went.

The designs' font stack (``templates/cv_designs/*/style.css``) and the Debian fonts the Makefile
installs (``make document-deps``) cover Latin, Greek, Cyrillic, CJK, symbols and most emoji, so
this is the second wall, not the usual path.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import time
from collections.abc import Callable
from typing import Any

from weasyprint import LOGGER
from weasyprint.document import Document

from app.lib.nested_strings import map_strings
from app.lib.pdf_render.result import RenderResult

# WeasyPrint's options for every CV and letter: PDF/UA-1, so tagged (a structure tree in reading
# order, headings, lists and their items, links), marked, the <title> shown as the window title
# (DisplayDocTitle) and the language declared; PDF 1.7.
PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1"}
# The start of the warning WeasyPrint logs for a character with no glyph (weasyprint/draw/text.py).
NOTDEF_WARNING = ".notdef glyph rendered"
_DOUBLED_SPACE = re.compile(" {2,}")


class _MissingGlyphs(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.characters: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.msg, str) and record.msg.startswith(NOTDEF_WARNING):
            # The arguments are the character and its code point.
            args = record.args if isinstance(record.args, tuple) else ()
            if args and isinstance(args[0], str):
                self.characters.add(args[0])


def write_pdf(document: Document) -> tuple[bytes, frozenset[str]]:
    """The PDF of ``document`` (tagged: ``PDF_OPTIONS``) and the characters it had to draw
    with no glyph."""
    listener = _MissingGlyphs()
    LOGGER.addHandler(listener)
    try:
        pdf = document.write_pdf(**PDF_OPTIONS)
    finally:
        LOGGER.removeHandler(listener)
    return bytes(pdf or b""), frozenset(listener.characters)


# One layout and PDF of a payload: the result, and the characters no font had (``write_pdf``).
RenderOnce = Callable[[Any], tuple[RenderResult, frozenset[str]]]


def written_uncut(
    document: Document,
    html: str,
    *,
    design: str,
    locale: str,
    page_budget: int,
    layout_passes: int,
    started: float,
    extra: dict[str, Any],
) -> tuple[RenderResult, frozenset[str]]:
    """A document nothing is cut from (a letter, a sheet): its PDF when it fits ``page_budget``
    pages, else none (an overflowing one is refused anyway), and the characters no font had."""
    fits = len(document.pages) <= page_budget
    pdf, missing = write_pdf(document) if fits else (b"", frozenset[str]())
    result = RenderResult(
        pdf=pdf,
        page_count=len(document.pages),
        trimmed=[],
        html=html,
        design=design,
        locale=locale,
        page_budget=page_budget,
        fits=fits,
        layout_passes=layout_passes,
        render_ms=(time.perf_counter() - started) * 1000,
        extra=extra,
    )
    return result, missing


def render_covered(render_once: RenderOnce, payload: Any) -> RenderResult:
    """``render_once`` of ``payload``; when a character no font has broke the text layer, laid
    out again without it (``strip_characters``), so what is shown matches the PDF, and what went
    said in ``droppedCharacters``. The time and the layout passes count both runs."""
    started = time.perf_counter()
    result, missing = render_once(payload)
    if not missing:
        return result
    again, _ = render_once(strip_characters(payload, missing))
    return dataclasses.replace(
        again,
        layout_passes=result.layout_passes + again.layout_passes,
        render_ms=(time.perf_counter() - started) * 1000,
        extra={**again.extra, "droppedCharacters": sorted(missing)},
    )


def strip_characters(value: Any, characters: frozenset[str]) -> Any:
    """``value`` (JSON: dicts, lists, strings) with ``characters`` removed from every string,
    and the spaces a removed character leaves doubled or at an end tidied."""

    def strip(text: str) -> str:
        if not any(c in text for c in characters):
            return text
        kept = "".join(c for c in text if c not in characters)
        return _DOUBLED_SPACE.sub(" ", kept).strip(" ")

    return map_strings(value, strip)
