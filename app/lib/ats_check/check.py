"""Check one PDF: both readings (each in its own limited child process), then the report.

Nothing leaves the machine: the file goes to our own child processes on a pipe, and the
report is built in a thread of the caller's process.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from app.lib.ats_check.examination import examine_pdf
from app.lib.ats_check.report import build_report
from app.lib.pdf_read.source_boxes import SourceBox
from app.lib.pdf_text import PdfTextError, read_pdf_text

# The reader's refusals that are findings of the check, not failures: no text to read.
NO_TEXT = ("no_text_layer", "empty_text")

Step = Callable[[str, int], Awaitable[None]]


async def _no_step(_: str, __: int) -> None:
    return None


async def check_pdf(data: bytes, *, max_pages: int, step: Step = _no_step) -> dict[str, Any]:
    """The report on ``data`` (app/lib/ats_check/report.py). ``PdfTextError`` when the file
    cannot be read at all (not a PDF, damaged, protected, too many pages, too big to read).
    ``step(name, percent)`` is awaited before each stage (the task's progress)."""
    await step("extractors", 20)
    examination = await examine_pdf(data, max_pages=max_pages)
    await step("reading", 60)
    text: str | None = None
    boxes: list[SourceBox] = []
    try:
        reading = await read_pdf_text(data, max_pages=max_pages)
        text, boxes = str(reading.text), list(reading.boxes)
    except PdfTextError as exc:
        if exc.code not in NO_TEXT:
            raise
    await step("comparing", 80)
    return await asyncio.to_thread(build_report, examination, text, boxes)
