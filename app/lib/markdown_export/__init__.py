"""Markdown (.md) export: ``cv_markdown`` writes a CV with the PDF designs' sections, headings
and text, every piece of the user's text escaped so it never reads as markup (``text.py``)."""

from app.lib.markdown_export.cv import cv_markdown
from app.lib.markdown_export.text import block, inline, line_start, link

# RFC 7763; Litestar adds "; charset=utf-8" to a text/* type (the file is UTF-8).
MARKDOWN_MEDIA_TYPE = "text/markdown"

__all__ = ["MARKDOWN_MEDIA_TYPE", "block", "cv_markdown", "inline", "line_start", "link"]
