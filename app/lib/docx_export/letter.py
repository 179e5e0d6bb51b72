"""A cover letter as a Word document: the CV's Word header, then the letter block by block.

The sender header is the CV export's own (``cv._header``: Title, Subtitle, contact line through
the designs' view), so the letter and the CV open the same way in Word. The letter is a full-block
letter in Normal paragraphs (one per recipient line, the subject in bold): no table, no text box,
no tab stops, so portals and ATS parsers read the text in order — the order of
``LetterContent.plain_text()`` and of the PDF (``templates/cv_designs/_letter.html``).
"""

from __future__ import annotations

from datetime import datetime

from app.lib.cv_content import CvContent, Header
from app.lib.docx_export.cv import _header
from app.lib.docx_export.document import PlainDocx, Span
from app.lib.letter_content import LetterContent
from app.lib.pdf_render.designs import build_view, cv_locale


def letter_docx_bytes(
    letter: LetterContent, header: Header, *, locale: str, created: datetime | None = None
) -> bytes:
    """The .docx file of ``letter`` sent by ``header`` (the CV's), proofed in ``locale``."""
    view = build_view(CvContent(header=header), locale=cv_locale(locale))
    sender = view["header"]
    title = letter.subject or " – ".join(p for p in (sender["name"], sender["title"]) if p)
    doc = PlainDocx(
        language=view["lang"], title=title or "Letter", author=sender["name"], created=created
    )
    _header(doc, sender)
    for line in letter.recipient:
        doc.paragraph(line)
    doc.paragraph(letter.date_line)
    doc.spans([Span(letter.subject, bold=True)])
    doc.paragraph(letter.greeting)
    for paragraph in letter.paragraphs:
        doc.paragraph(paragraph)
    doc.paragraph(letter.closing)
    doc.spans([Span(letter.signature, bold=True)])
    return doc.to_bytes()
