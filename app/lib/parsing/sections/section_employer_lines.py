"""A line in capitals that is a job's employer, not an unknown heading.

Copied two-column text sets a job's head one field per block ("2017 - 2018" / "DESIGNER" /
"ACME SHOWROOM"), and the other column's items may fall between its fields ("BANQUE - ACME" /
"Fiscalité" / "Job d'été - Conseiller" / "Comptabilité" / "Juillet 2024"). An employer in
capitals then has the shape of a heading (``app/lib/parsing/sections/section_split.py``), yet
it sits inside a job's head: right under a date range and a job title, or right above a job
title and a date. Such a line stays a line of its section, where the job's other fields are.
"""

from __future__ import annotations

from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.sections.section_lines import job_heading

HEAD_LINES = 3  # an entry's head: employer, title, dates
# Below an employer, the other column's short items may stand between its title and dates.
HEAD_WITH_ITEMS = 5


def _content(lines: list[str]) -> list[str]:
    return [line for line in lines if any(c.isalnum() for c in line)]


def _dated(line: str) -> bool:
    return find_date_range(line) is not None


def _range(line: str) -> bool:
    found = find_date_range(line)
    return found is not None and not found.single


def _head_above(lines: list[str], index: int) -> bool:
    """A date range, then a job title, right above ("2017 - 2018" / "FASHION DESIGNER")."""
    above = _content(lines[:index])[-HEAD_LINES:]
    for position, line in enumerate(above):
        if _range(line) and any(job_heading(x) for x in above[position + 1 :]):
            return True
    return False


def _head_below(lines: list[str], index: int, in_entries: bool) -> bool:
    """A date within the next lines of an entry section; elsewhere (a list section the main
    column ran into) a job title and then a date, the other column's items in between."""
    below = _content(lines[index + 1 :])
    if in_entries:
        return any(_dated(line) for line in below[:HEAD_LINES])
    titled = False
    for line in below[:HEAD_WITH_ITEMS]:
        if titled and _dated(line):
            return True
        titled = titled or job_heading(line)
    return False


def employer_line(lines: list[str], index: int, in_entries: bool) -> bool:
    """Is the capitals line at ``index`` a field of a job's head rather than a heading?"""
    return _head_above(lines, index) or _head_below(lines, index, in_entries)
