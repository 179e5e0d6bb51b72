"""Employers copied as one column under the first job, put back under each job's title.

Copied text of a table whose rows are the jobs (period | role | employer | town) may give the
employer and town columns whole, under the first row: "06.2023 – 05.2025" / "Quality
Technician" / "Bervel Foods" / "Barcelona" / "Quindvik & Dalvasten" / "À distance" / … /
bullets, then each later job as its period, its title and its bullets alone. Read as is, the
first job holds every employer and the others none. When every job after the first reads its
dates and one title line only before its bullets, and the first one's title is followed by a
run of name lines that divides into as many groups of one or two lines as there are jobs, the
i-th group goes under the i-th title, in the order both were printed. Any other count leaves
the text as it is: a wrong pairing would give a job another's employer.
"""

from __future__ import annotations

from app.lib.parsing.dates.dates import find_date_range, range_alone
from app.lib.parsing.dates.stacked_dates import lines_moved_under
from app.lib.parsing.sections.section_lines import name_line
from app.lib.parsing.text.text import clean, is_bullet

MIN_JOBS = 2
GROUP_SIZES = (2, 1)  # employer and town, or the employer alone


def _head(lines: list[str], start: int, end: int) -> list[int] | None:
    """Indexes of the lines after the dates at ``start`` and before the first bullet; ``None``
    when no bullet closes them before ``end`` (a head is only sure when bullets follow it)."""
    found: list[int] = []
    for at in range(start + 1, end):
        if is_bullet(lines[at].strip()):
            return found
        if clean(lines[at]):
            found.append(at)
    return None


def stacked_names_to_heads(lines: list[str]) -> list[str]:
    """The section's lines with the first job's stack of names shared out among the jobs."""
    anchors = [i for i, line in enumerate(lines) if range_alone(line)]
    if len(anchors) < MIN_JOBS:
        return lines
    bounds = [*anchors[1:], len(lines)]
    heads = [h for a, b in zip(anchors, bounds, strict=True) if (h := _head(lines, a, b))]
    if len(heads) != len(anchors) or any(len(head) != 1 for head in heads[1:]):
        return lines
    if len(heads[0]) < 1 + len(anchors):
        return lines
    if any(not name_line(lines[at]) or find_date_range(lines[at]) for at in heads[0]):
        return lines
    stack = heads[0][1:]
    size = next((n for n in GROUP_SIZES if len(stack) == n * len(anchors)), None)
    if size is None:
        return lines
    moves = {head[0]: stack[n * size : (n + 1) * size] for n, head in enumerate(heads)}
    return lines_moved_under(lines, moves)
