"""A job's head cut from its dates by a sidebar heading, carried over to its dates.

In text copied from a two-column CV, the sidebar's heading ("ACCOMPLISHMENTS", "Langues")
may land between a job's head of the main column ("Acme, Town — Support assistant") and its
date range: the head closes one sidebar section and the dates open the next. Each section
alone then holds half a job, and neither half is moved back to experience
(``app/lib/parsing/sections/section_interleave.py`` wants a title and a date). When the last
block of a list section is a job's head with no date, and the next list section's first
blocks hold a date range standing alone before any job title, the head is carried to the
start of that section, where it is read with its dates.
"""

from __future__ import annotations

from itertools import pairwise

from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.sections.section_lines import (
    blocks,
    date_line,
    dated_short_line,
    job_heading,
    name_line,
)
from app.lib.parsing.sections.section_split import Section
from app.lib.parsing.text.text import is_bullet

MAX_HEAD_LINES = 3  # employer, title, place
LOOK_AHEAD_BLOCKS = 3  # the sidebar's own items may come first in the next section


def _head_line(line: str) -> bool:
    return name_line(line) and not dated_short_line(line) and find_date_range(line) is None


def _trailing_head(lines: list[str]) -> int | None:
    """Where the job's head closing ``lines`` starts: its last lines (at most
    ``MAX_HEAD_LINES``) after a blank line or after the previous job's bullets, one of them a
    job title, none dated; None when there is none, or when the line above it holds a date
    (a dates-first job, whole)."""
    end = len(lines)
    while end and not any(c.isalnum() for c in lines[end - 1]):
        end -= 1
    start = end
    while start and end - start < MAX_HEAD_LINES and _head_line(lines[start - 1]):
        start -= 1
    if start == end or not any(job_heading(x) for x in lines[start:end]):
        return None
    above = lines[start - 1] if start else ""
    if any(c.isalnum() for c in above) and not is_bullet(above.strip()):
        return None  # the head goes on above
    previous = next((x for x in reversed(lines[:start]) if any(c.isalnum() for c in x)), "")
    if find_date_range(previous) is not None:
        return None  # its dates stand above it: a dates-first job, whole
    return start


def _dates_come_first(lines: list[str]) -> bool:
    """A date range alone on its line in the section's first blocks, before any block opened
    by a job title."""
    for block in blocks(lines)[:LOOK_AHEAD_BLOCKS]:
        if job_heading(block[0]):
            return False
        if len(block) == 1 and date_line(block[0]):
            return True
    return False


def carry_cut_heads(sections: list[Section], kinds: set[str]) -> None:
    """Carry a dateless job head closing the experience section, or a section of ``kinds``
    after it, to the start of the next section of ``kinds`` when that one opens with dates."""
    seen_experience = False
    for before, after in pairwise(sections):
        seen_experience = seen_experience or before.key == "experience"
        closing = before.key == "experience" or before.key in kinds
        if not seen_experience or not closing or after.key not in kinds:
            continue
        start = _trailing_head(before.lines)
        if start is not None and _dates_come_first(after.lines):
            after.lines[:0] = [*before.lines[start:], ""]
            del before.lines[start:]
