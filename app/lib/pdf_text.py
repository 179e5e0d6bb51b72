"""The text of an uploaded PDF: the front door of PDF reading, which the app, the benchmarks
and tools outside the app (corpus scorers call ``read_pdf_text_sync``) import — keep this path
and these names stable.

The work is done in ``app/lib/pdf_read/``: ``text_layer`` runs pdfplumber in a limited child
process that loads its sibling modules from their files, without importing ``app``; this module
is what the rest of the code may rely on.
"""

from __future__ import annotations

from app.lib.pdf_read.text_layer import (
    MESSAGES,
    PdfText,
    PdfTextError,
    looks_like_pdf,
    read_pdf_text,
    read_pdf_text_sync,
)

__all__ = [
    "MESSAGES",
    "PdfText",
    "PdfTextError",
    "looks_like_pdf",
    "read_pdf_text",
    "read_pdf_text_sync",
]
