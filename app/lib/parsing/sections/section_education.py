"""A lone job entry filed under the education heading.

In copied text a job can sit among the degrees ("Senior sales executive / Apr 2021 – now /
Acme Bank" between two universities). An entry is cut around each date line (a range, or a
month alone: a summer job's "Juillet 2025") with up to two name lines above it; one named by a
job title, with no degree, school or training word in its name lines or the two lines below its
date (up to the next date), is a job when other entries of the section do name degrees or
schools.
"""

from __future__ import annotations

from app.lib.parsing.dates.dates import find_date_range, remove_span
from app.lib.parsing.sections.section_lines import (
    dated_short_line,
    job_heading,
    name_line,
    schooling,
)


def _month_alone(line: str) -> bool:
    """A month and year alone on their line ("Juillet 2025"): a short job's one date."""
    found = find_date_range(line)
    if found is None or not found.single or "-" not in (found.start or ""):
        return False
    return not remove_span(line, found.span).strip(" ,.;()")


def _segment_starts(lines: list[str]) -> list[tuple[int, int]]:
    """(first line, date line) of each dated entry: the date and up to two name lines above."""
    starts: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        if not dated_short_line(line) and not _month_alone(line):
            continue
        start = index
        floor = starts[-1][1] + 1 if starts else 0
        above = [i for i in range(floor, index) if lines[i].strip()][-2:]
        for i in reversed(above):
            if not name_line(lines[i]):
                break
            start = i
        starts.append((start, index))
    return starts


def _around(lines: list[str], start: int, anchor: int) -> list[str]:
    """An entry's name lines above its date and the two lines below it, even when those were
    cut into the next entry: where a degree or a school would be named. A bullet or a sentence
    below names none: it describes ("• Formation de 31 nouveaux arrivants" is a job's line)."""
    below = [x for x in lines[anchor + 1 :] if x.strip()][:2]
    below = below[: next((i for i, x in enumerate(below) if not name_line(x)), 2)]
    # The next entry's date ("2023 - En cours") names no school, whatever its words.
    dated = [i for i, x in enumerate(below) if dated_short_line(x) or _month_alone(x)]
    return [*lines[start:anchor], *below[: dated[0] if dated else 2]]


def job_entries_in_education(lines: list[str]) -> tuple[list[str], list[str]]:
    """(job lines, education lines): a dated entry named by a job title with no degree or
    school word, among entries that do name degrees or schools, is a job that landed under
    the education heading ("Senior sales executive / Apr 2021 – now / Acme Bank")."""
    starts = _segment_starts(lines)
    if len(starts) < 2:
        return [], lines
    bounds = [start for start, _ in starts[1:]] + [len(lines)]
    jobs: list[str] = []
    own = lines[: starts[0][0]]
    schools = 0
    for (start, anchor), end in zip(starts, bounds, strict=True):
        after = [x for x in lines[anchor + 1 : end] if x.strip()][:2]
        after = after[: next((i for i, x in enumerate(after) if not name_line(x)), 2)]
        head = [*lines[start:anchor], *after]
        found_school = schooling(_around(lines, start, anchor))
        is_job = any(job_heading(x) for x in head) and not found_school
        schools += found_school
        (jobs if is_job else own).extend(lines[start:end])
    if not jobs or not schools:
        return [], lines
    return [*jobs, ""], own
