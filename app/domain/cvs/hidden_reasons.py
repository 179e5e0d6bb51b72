"""The words for text a PDF hides, shared by the import (which stores them in the report)
and the review page (which shows them in the reader's language)."""

from __future__ import annotations

from app.lib.i18n import N_

# Why the PDF reader hid a piece of text (app/lib/pdf_read/hidden.py), in words: the code
# itself ("covered") is never shown.
HIDDEN_REASONS = {
    "invisible_colour": N_("white text on a white background"),
    "tiny": N_("text too small to read"),
    "off_page": N_("text placed outside the page"),
    "clipped": N_("text outside the visible part of the page"),
    "covered": N_("text painted over by a shape"),
}
HIDDEN_OTHER = N_("text a reader cannot see")
