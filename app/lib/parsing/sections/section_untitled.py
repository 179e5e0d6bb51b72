"""Entries under no heading: sections a design marks with an icon or a rule, not a word.

Some CVs title their sections with pictograms only; the text layer then holds the name, a
headline, and straight after them dated entries: jobs, then studies. With no heading found,
every entry would stay in the header and the CV would have no job at all. When the text has no
experience section and the lines before its first heading hold at least two dated entries,
those lines from the first dated block on are an untitled section: each entry (a dated block
and the undated blocks after it, its text) goes to experience or education by what its dated
block names (a degree or a school and no job title: a study).
"""

from __future__ import annotations

import re

from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.entries.entry_words import words
from app.lib.parsing.sections.section_lines import TRAINING_WORDS
from app.lib.parsing.sections.section_route import DATED_SECTIONS, dated_block, study_block
from app.lib.parsing.sections.section_split import Section

MIN_ENTRIES = 2
MIN_HEADER_LINES = 1  # the name, at least, stays above
ENTRY_WORDS = 1
# A date with its day ("20 avril 1997 à Lyon") is a birth date or an event, not a job's start.
DAY_DATE_RE = re.compile(r"^\d{1,2}(?:er)?[\s./-]+(?:\d{1,2}|[^\W\d_]+\.?)[\s./-]+\d{4}\b")
TRAINING_STEMS = frozenset(word.rstrip("s") for word in TRAINING_WORDS)  # "formations", "courses"
HEAD_LINES = 2  # a timeline prints the end (or "now") above the start


def _dated_head(block: list[str]) -> bool:
    """A block that opens an entry: it holds a date range beside words, or its first line
    opens on a date with words after it ("JUIN 2018 <tab> Chef de projet", the start on the
    next line, as timelines print them; "Maintenant" over the start too)."""
    if dated_block(block):
        return True
    return any(_opens_on_a_date(line) for line in block[:HEAD_LINES])


def _opens_on_a_date(line: str) -> bool:
    found = find_date_range(line)
    if found is None or line[: found.span[0]].strip() or DAY_DATE_RE.match(line.strip()):
        return False
    return len(re.findall(r"[^\W\d_]{2,}", line[found.span[1] :])) >= ENTRY_WORDS


def _study(head: list[str]) -> bool:
    """A study: a degree or a school and no job title, or a course ("Formations PHP en ligne")."""
    named = {word.rstrip("s") for line in head for word in words(line)}
    return study_block(head) or bool(named & TRAINING_STEMS)


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) line ranges of the runs of non-blank lines."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = index
        elif not line.strip() and start is not None:
            runs.append((start, index))
            start = None
    return runs


def untitled_sections(
    header_lines: list[str], sections: list[Section]
) -> tuple[list[str], list[Section]]:
    """(header lines, sections) with the header's dated entries moved into sections of their
    own, first among the sections (they come before the first heading)."""
    if any(section.key in DATED_SECTIONS - {"education"} for section in sections):
        return header_lines, sections
    runs = _blocks(header_lines)
    dated = [run for run in runs if _dated_head(header_lines[run[0] : run[1]])]
    if len(dated) < MIN_ENTRIES:
        return header_lines, sections
    cut = dated[0][0]
    if sum(1 for line in header_lines[:cut] if line.strip()) < MIN_HEADER_LINES:
        return header_lines, sections
    jobs: list[str] = []
    studies: list[str] = []
    target = jobs
    for first, end in runs:
        if first < cut:
            continue
        block = header_lines[first:end]
        if (first, end) in dated:
            # Judged on its heading lines: a study's text may name the job it leads to.
            target = studies if _study(block[:HEAD_LINES]) else jobs
        target.extend([*block, ""])
    found = [
        Section((key,), "", lines)
        for key, lines in (("experience", jobs), ("education", studies))
        if lines
    ]
    return header_lines[:cut], [*found, *sections]
