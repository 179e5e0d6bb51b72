"""The words for text a PDF hides (``hidden.py`` finds it and names it by a code), shared by
the import's report, its review page and the ATS check, each showing them in the reader's
language. ``hidden.py`` runs in the sandboxed parser, stdlib only: the words live here."""

from __future__ import annotations

from app.lib.i18n import N_

# Why the PDF reader hid a piece of text, in words: the code itself ("covered") is never shown.
HIDDEN_REASONS = {
    "invisible_colour": N_("white text on a white background"),
    "tiny": N_("text too small to read"),
    "off_page": N_("text placed outside the page"),
    "clipped": N_("text outside the visible part of the page"),
    "covered": N_("text painted over by a shape"),
}
HIDDEN_OTHER = N_("text a reader cannot see")
