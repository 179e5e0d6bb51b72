"""User text made safe inside Markdown: whatever a CV holds reads as the same words, and never
as markup (a heading, a list, emphasis, a link, an image, raw HTML, an entity).

CommonMark lets a backslash escape any ASCII punctuation character, and a renderer shows the
character itself. ``inline`` escapes the ones that start markup anywhere in a line;
``line_start`` those that start a block at the beginning of a line (a list item, an ordered
list's number, a setext underline), on a line put together from escaped pieces. Text is first
cleaned like the Word export's (``app/lib/docx_export/document.py``: ``clean_text``): characters
no text file should hold go, and whitespace runs become one space, as the PDF's HTML shows
them; so a line break in the user's text can never start a block of its own.
"""

from __future__ import annotations

import re

from app.lib.docx_export import clean_text

# Emphasis, code spans, links and images, autolinks and raw HTML, entities, GFM tables and
# strikethrough, and ATX headings (a "#" anywhere: a heading's closing run is "#" too).
_INLINE = re.compile(r"([\\`*_\[\]<>&|~#])")
# What begins a block at the start of a line once the inline characters are escaped: a
# bullet or a thematic break ("-", "+"), a setext underline ("="), an ordered list's number
# ("1." or "1)" before a space or the end: "3.5 years" is no list).
_BLOCK_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])(?=\s|$)")
# A link destination ends at an unbalanced parenthesis and a backslash escapes what follows:
# percent-encoded, the address stays the same for a browser.
_DESTINATION = str.maketrans({"(": "%28", ")": "%29", "\\": "%5C", " ": "%20"})


def inline(text: str | None) -> str:
    """``text`` cleaned, with every character that could start inline markup escaped."""
    return _INLINE.sub(r"\\\1", clean_text(text))


def line_start(line: str) -> str:
    """``line`` (already escaped ``inline``) with what would begin a block at its start
    escaped: what a paragraph or a list item may start with."""
    return _BLOCK_START.sub(_escape_start, line, count=1)


def block(text: str | None) -> str:
    """``inline(text)``, safe at the start of a line too."""
    return line_start(inline(text))


def _escape_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


def link(text: str, href: str | None) -> str:
    """``[text](href)`` for a vetted address (``safe_href``, app/lib/pdf_render/designs.py),
    the escaped text alone without one."""
    shown = inline(text)
    if not href or not shown:
        return shown
    return f"[{shown}]({clean_text(href).translate(_DESTINATION)})"


__all__ = ["block", "inline", "line_start", "link"]
