"""Words hyphenated across a line end, joined again; soft hyphens resolved.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only, on
a page's text lines in reading order (after columns are read, so "the next line" is the next
line of the same column), each line with its style, which is kept in step.

* A soft hyphen (U+00AD) ending a line is where a word processor broke a word: the word is
  always joined ("infor\\u00ad" + "mation" → "information").
* A hard hyphen ending a line ("pre-" + "dictions") is joined when the joined word is a known
  word (``lexicon.Vocabulary``, with the document's own words). When both halves are words and
  the joined word is not ("long-" + "term", "self-" + "taught") the hyphen is part of the word
  and the lines stay as printed; so do unknown words (a name, a compound we cannot judge).
* Any other soft hyphen was drawn (producers map the hyphen glyph to U+00AD: "2012 ­ 2016",
  "geo­location") and reads as a hyphen.

Joining moves the second half up to the first line; a line left empty is removed with its style.
"""

from __future__ import annotations

import re
from typing import Any

from .lexicon import Vocabulary

SOFT_HYPHEN = "\u00ad"
# The line's last word ends in letters and a hyphen ("... data-dri", "ven"); U+2010 is the
# hyphen some engines (WeasyPrint, InDesign) draw where they break a word.
BROKEN_END = re.compile(r"([^\W\d_]{2,})([-\u2010\u00ad])$")
# The next line starts with a lowercase word, up to the first space, tab or punctuation end.
CONTINUATION = re.compile(r"^([^\W\d_]*[a-zà-ÿœ][^\W\d_]*)([^\s]*)(\s*)")

Style = dict[str, Any] | None


def _join(head: str, tail: str, mark: str, vocabulary: Vocabulary) -> bool:
    """Soft hyphens always; hard ones into a known word only. A compound ("long-term") and a
    word we cannot judge stay as printed."""
    return mark == SOFT_HYPHEN or vocabulary.known(head + tail) >= 1


def rejoin(
    lines: list[str], styles: list[Style], vocabulary: Vocabulary
) -> tuple[list[str], list[Style]]:
    """The page's lines with hyphenated words joined and soft hyphens resolved. Not counted as
    a problem: the text reads as printed, nothing is left for the user to check."""
    out = list(lines)
    kept_styles = list(styles)
    index = 0
    while index < len(out) - 1:
        end = BROKEN_END.search(out[index].rstrip())
        start = CONTINUATION.match(out[index + 1]) if end else None
        if end and start and start.group(1)[0].islower():
            head = end.group(1)
            tail = start.group(1)
            if _join(head, tail, end.group(2), vocabulary):
                first = out[index].rstrip()
                out[index] = first[:-1] + tail + start.group(2)
                out[index + 1] = out[index + 1][start.end() :]
                if not out[index + 1].strip():
                    del out[index + 1]
                    if len(kept_styles) > index + 1:
                        del kept_styles[index + 1]
        index += 1
    return [line.replace(SOFT_HYPHEN, "-") for line in out], kept_styles
