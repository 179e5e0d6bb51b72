"""The shape a CV repeats for its entries' heading lines, learned from the entries it dates.

"Title | Employer — Summer 2022", "Employer · Title · 2019 – 2021": the separators of a heading
line, in order, with the dates' place among them, are this CV's way of writing an entry. A line
that opens a block and is written the same way is an entry's heading even when the generic
tests miss it: dated, its dates may be in a form the section's other entries do not use (or the
line reads like a phone number by its digits); undated, it is an entry whose dates the CV left
out ("Title | Employer — " without a date is still the pattern). Commas and single spaces are no
separators here: prose has them too. When the text comes from a PDF, the lines must also be set
in the style (size, weight, colour) of the dated lines they are compared with.
"""

from __future__ import annotations

import re
from collections import Counter

from app.lib.parsing.dates.dates import DateRange, find_date_range, remove_span
from app.lib.parsing.entries.entry_lines import MAX_HEADING_WORDS, Kind, Line
from app.lib.parsing.text.text import SENTENCE_END, is_bullet, word_count
from app.lib.styled_text import line_styles_of

Shape = tuple[str, ...]
StyleKey = tuple[float, bool, str]
DATES = "D"
MIN_EVIDENCE = 3  # entries sharing the shape plus its separators: one entry with two, two with one
SEPARATOR_RE = re.compile(r"\s([|–—•·/-])\s|\t+|\s{3,}")
SAME_MARK = {"–": "-", "—": "-", "•": "·"}  # dashes and dots of any length are one mark


def _marks(text: str) -> list[str]:
    found: list[str] = []
    if not text.strip():
        return found
    for match in SEPARATOR_RE.finditer(f" {text.strip()} "):
        mark = match.group(1) or "\t"
        found.append(SAME_MARK.get(mark, mark))
    return found


def shape_of(text: str, found: DateRange | None) -> Shape:
    """The separators of a line in order, its dates as ``"D"``."""
    if found is None:
        return tuple(_marks(text.strip()))
    before, after = text[: found.span[0]], text[found.span[1] :]
    return (*_marks(before), DATES, *_marks(after))


def _heading_line(lines: list[Line], anchor: int) -> tuple[Shape, Line] | None:
    """The shape of a dated entry's heading line: the date line itself when it carries words,
    else the heading line right above a date-only line ("Title • Employer" / "2019 – 2021")."""
    line = lines[anchor]
    if line.dates is None or line.side_cell:
        return None
    text = line.text.strip()
    if remove_span(text, line.dates.span):
        return shape_of(text, line.dates), line
    above = lines[anchor - 1] if anchor > 0 else None
    if above is not None and above.kind is Kind.HEAD:
        return shape_of(above.text.strip(), None), above
    return None


def learn_shape(lines: list[Line]) -> tuple[Shape, set[StyleKey]] | None:
    """The shape of the section's dated heading lines, when the entries written that way are
    the majority and say enough (two entries sharing a shape with one separator, or one entry
    with two); and the styles those lines are set in (none for pasted text)."""
    found = [
        heading
        for index, line in enumerate(lines)
        if line.kind is Kind.ANCHOR and (heading := _heading_line(lines, index))
    ]
    if not found:
        return None
    shape, shared = Counter(shape for shape, _ in found).most_common(1)[0]
    separators = len([mark for mark in shape if mark != DATES])
    if not separators or 2 * shared <= len(found):
        return None
    if shared + separators < MIN_EVIDENCE:
        return None
    styles = {style_of(line) for seen, line in found if seen == shape}
    return shape, {style for style in styles if style is not None}


def _written_like_heading(text: str) -> bool:
    return (
        not is_bullet(text)
        and text[:1].isupper()
        and word_count(text) <= MAX_HEADING_WORDS
        and not text.endswith(SENTENCE_END)
    )


def _without_dates(shape: Shape) -> Shape:
    """The shape with its dates and the separator that sets them off: what an undated entry
    written the same way looks like ("Title | Employer — 2022" → "Title | Employer")."""
    where = shape.index(DATES)
    cut = (where - 1, where) if where > 0 else (where, where + 1)
    return tuple(mark for index, mark in enumerate(shape) if index not in cut)


def in_shape(text: str, shape: Shape) -> DateRange | bool | None:
    """The dates of a line written in ``shape``; ``True`` for an undated line written in it
    without its dates; ``None`` for a line in another shape."""
    text = text.strip()
    if not _written_like_heading(text):
        return None
    found = find_date_range(text)
    if found is not None and DATES in shape and shape_of(text, found) == shape:
        return found
    undated = _without_dates(shape) if DATES in shape else shape
    if found is None and undated and shape_of(text, None) == undated:
        return True
    return None


def style_of(line: Line) -> StyleKey | None:
    """The size, weight and colour the PDF set the line in; ``None`` for pasted text."""
    styles = line_styles_of(line.text)
    style = styles[0] if len(styles) == 1 else None
    if not style:
        return None
    return (float(style.get("size", 0.0)), bool(style.get("bold")), str(style.get("colour", "")))


def starts_block(lines: list[Line], index: int) -> bool:
    """Does the line open a block: first, after a blank line, or after a finished sentence
    (text read from a PDF keeps no blank line between one entry's text and the next)?"""
    if index == 0 or lines[index - 1].kind is Kind.BLANK:
        return True
    above = lines[index - 1]
    return above.kind is not Kind.ANCHOR and above.text.rstrip().endswith(SENTENCE_END)
