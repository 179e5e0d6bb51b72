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

from app.lib.parsing.sections.section_lines import (
    MAX_HEADING_WORDS,
    blocks,
    date_line,
    dated_short_line,
    job_heading,
    name_line,
)
from app.lib.parsing.sections.section_split import Section

MAX_HEAD_LINES = 3  # employer, title, place
LOOK_AHEAD_BLOCKS = 3  # the sidebar's own items may come first in the next section


def _dateless_head(block: list[str]) -> bool:
    return (
        len(block) <= MAX_HEAD_LINES
        and all(name_line(x) and len(x.split()) <= MAX_HEADING_WORDS for x in block)
        and not any(dated_short_line(x) for x in block)
        and any(job_heading(x) for x in block)
    )


def _dates_come_first(lines: list[str]) -> bool:
    """A date range alone on its line in the section's first blocks, before any block opened
    by a job title."""
    for block in blocks(lines)[:LOOK_AHEAD_BLOCKS]:
        if job_heading(block[0]):
            return False
        if len(block) == 1 and date_line(block[0]):
            return True
    return False


def _take_last_block(lines: list[str]) -> list[str]:
    """Remove the last block of ``lines`` (and the blank lines after it) and return it."""
    end = len(lines)
    while end and not any(c.isalnum() for c in lines[end - 1]):
        end -= 1
    start = end
    while start and any(c.isalnum() for c in lines[start - 1]):
        start -= 1
    taken = lines[start:end]
    del lines[start:]
    return taken


def carry_cut_heads(sections: list[Section], kinds: set[str]) -> None:
    """Carry, after an experience section, a dateless job head closing a section of
    ``kinds`` to the start of the next such section when that one opens with dates."""
    seen_experience = False
    for before, after in pairwise(sections):
        seen_experience = seen_experience or before.key == "experience"
        if not seen_experience or before.key not in kinds or after.key not in kinds:
            continue
        found = blocks(before.lines)
        if found and _dateless_head(found[-1]) and _dates_come_first(after.lines):
            after.lines[:0] = [*_take_last_block(before.lines), ""]
