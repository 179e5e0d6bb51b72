"""Word (.docx) export: ``PlainDocx`` writes an ATS-readable document from plain structured
content; ``cv_docx_bytes`` is a CV's export with the PDF designs' sections and headings,
``letter_docx_bytes`` a cover letter's under the same header."""

from app.lib.docx_export.cv import cv_docx_bytes
from app.lib.docx_export.document import PlainDocx, Span, clean_text
from app.lib.docx_export.letter import letter_docx_bytes

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

__all__ = [
    "DOCX_MEDIA_TYPE",
    "PlainDocx",
    "Span",
    "clean_text",
    "cv_docx_bytes",
    "letter_docx_bytes",
]
