"""The pattern a CV repeats for its entries' date lines, learned from the entries it dates.

A CV writes every entry's dates alike: the same form ("2019–2021", "Mar 2020 – Jun 2021") in
the same place on the line (first, last, alone) after the same separator. The generic date-line
test (``entry_lines.anchor_dates``) has to tell an entry's dates from a date in a sentence by
the words around them, and it rejects entries whose heading runs long or ends with a full stop
("2022–2023 Intern in data science and machine learning, Acme Ltd, Springfield."). Once two
accepted date lines of a section agree on one pattern, a line that starts a block (after a
blank line or at the section's start) and writes its dates in that very pattern is an entry's
date line too, whatever its words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from app.lib.parsing.dates.dates import DateRange, find_date_range
from app.lib.parsing.entries.entry_lines import MAX_ANCHOR_WORDS, Kind, Line
from app.lib.parsing.entries.entry_shape import DATES, in_shape, learn_shape, starts_block, style_of
from app.lib.parsing.text.text import is_bullet, strip_bullet, word_count

MIN_SHARED = 2  # accepted date lines that must share a pattern for it to be learned
# "in 2020", "en septembre 2024": a date inside a sentence, whatever the pattern.
PREPOSITION_BEFORE_RE = re.compile(r"(?:^|\s)(?:in|en|on|au|le|the|of|by|dans|pour|for)\s*$", re.I)
SEPARATOR_RE = re.compile(r"^\s*([|·•–—,:\t-]|\s{3,})?")


@dataclass(frozen=True, slots=True)
class DatePattern:
    form: str  # the dates with digit runs as "9" and letter runs as "a": "a 9 – a 9"
    place: str  # "alone", "first", "last" or "inside" the line
    separator: str  # what sets the dates off from the rest of the line ("", "|", "\t", "–")


def _form(raw: str) -> str:
    shape = re.sub(r"\d+", "9", raw.strip())
    shape = re.sub(r"[^\W\d_]+\.?", "a", shape)
    return re.sub(r"\s+", " ", shape)


def _separator(text: str) -> str:
    found = SEPARATOR_RE.match(text)
    mark = found.group(1) if found and found.group(1) else ""
    return "\t" if mark.isspace() else mark


def pattern_of(text: str, found: DateRange) -> DatePattern:
    """The pattern of a line's dates: their form, their place, the separator next to them."""
    line = strip_bullet(text) if is_bullet(text) else text
    offset = len(text) - len(line)
    start, end = found.span[0] - offset, found.span[1] - offset
    before, after = line[:start], line[end:]
    has_before = any(c.isalnum() for c in before)
    has_after = any(c.isalnum() for c in after)
    if has_before and has_after:
        place, separator = "inside", _separator(before[::-1])
    elif has_before:
        place, separator = "last", _separator(before[::-1])
    elif has_after:
        place, separator = "first", _separator(after)
    else:
        place, separator = "alone", ""
    return DatePattern(_form(found.raw(text)), place, separator)


def learn_date_pattern(lines: list[Line]) -> DatePattern | None:
    """The pattern most of the section's accepted date lines share, when two at least do."""
    patterns = Counter(
        pattern_of(line.text.strip(), line.dates)
        for line in lines
        if line.kind is Kind.ANCHOR and line.dates is not None and not line.side_cell
    )
    if not patterns:
        return None
    pattern, shared = patterns.most_common(1)[0]
    if shared < MIN_SHARED or 2 * shared <= sum(patterns.values()):
        return None
    return pattern if pattern.place != "alone" else None  # a lone date says nothing new


def promote_pattern_anchors(lines: list[Line]) -> tuple[list[Line], dict[int, bool]]:
    """``lines`` with each line that starts a block and carries dates in the section's learned
    pattern, or is written in the shape of its dated headings, marked as a date line; and the
    lines written in that shape without dates, which start undated entries (each with whether
    the entry stands as one without dates)."""
    pattern, learned = learn_date_pattern(lines), learn_shape(lines)
    shape, shape_styles = learned if learned else ((), set())
    dated_styles = {style_of(line) for line in lines if line.kind is Kind.ANCHOR} - {None}
    out, undated = list(lines), dict[int, bool]()
    for index, line in enumerate(lines):
        if line.kind is Kind.ANCHOR or line.kind is Kind.BLANK:
            continue
        if not starts_block(lines, index):
            continue  # inside a block: a sentence's date, or a line run on from above
        text, style = line.text.strip(), style_of(line)
        found = None
        # A line set unlike the lines it is compared with is body text, not an entry.
        if pattern and (not dated_styles or style in dated_styles):
            found = _dates_in_pattern(text, pattern)
        shaped = None
        if shape and found is None and (not shape_styles or style in shape_styles):
            shaped = in_shape(text, shape)
        if shaped is True:
            # Dates left out of a line that carries its dates in the pattern: the entry has
            # none. A heading line whose date line is missing may have had its dates read
            # elsewhere (a two-column copy): it still ends the entry above, no more.
            undated[index] = DATES in shape
        elif isinstance(shaped, DateRange):
            found = shaped
        if found is not None:
            out[index] = replace(line, kind=Kind.ANCHOR, dates=found)
    return out, undated


def _dates_in_pattern(text: str, pattern: DatePattern) -> DateRange | None:
    found = find_date_range(text)
    if found is None or pattern_of(text, found) != pattern:
        return None
    rest = text[: found.span[0]] + " " + text[found.span[1] :]
    if word_count(rest) > MAX_ANCHOR_WORDS or PREPOSITION_BEFORE_RE.search(text[: found.span[0]]):
        return None
    return found
