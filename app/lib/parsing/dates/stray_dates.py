"""Dates copied after the entries they belong to, put back before them.

Copied text of a page whose dates sit in their own column (right-aligned, or a column the
viewer reads last) gives every entry first, then every date: "Stagiaire – Acme" … "Vendeur –
Boutique" … "Mai – Août 2024" / "Juin – Juillet 2022". When a section's only dates are such a
run together, and it names exactly as many jobs as the run holds dates, the i-th date goes
with the i-th job, in the order both were printed. Any other count leaves the text as it is:
a wrong pairing would put a job at the wrong time, which is worse than a job without dates.
"""

from __future__ import annotations

from app.lib.parsing.dates.dates import find_date_range, remove_span
from app.lib.parsing.sections.section_lines import job_heading
from app.lib.parsing.text.text import clean


def _date_only(line: str) -> bool:
    text = clean(line)
    found = find_date_range(text) if text else None
    return found is not None and not remove_span(text, found.span).strip(" ,.;|·-–—")


def _date_run(lines: list[str]) -> list[int] | None:
    """The date-only lines when they are all the section's dates and stand together (blank
    lines only between them); ``None`` otherwise."""
    dated = [i for i, line in enumerate(lines) if clean(line) and find_date_range(clean(line))]
    if not dated or any(not _date_only(lines[i]) for i in dated):
        return None
    between = lines[dated[0] : dated[-1] + 1]
    if len([x for x in between if x.strip()]) != len(dated):
        return None
    return dated


def dates_to_headings(lines: list[str]) -> list[str]:
    """The section's lines with a run of dates moved above the jobs they date, one by one,
    when the counts match and no other line of the section holds a date."""
    run = _date_run(lines)
    if run is None:
        return lines
    jobs = [i for i, line in enumerate(lines) if i not in run and clean(line) and job_heading(line)]
    if len(jobs) != len(run) or jobs[0] > run[0]:
        return lines  # a date above the first job dates it already: nothing stray
    out: list[str] = []
    for index, line in enumerate(lines):
        if index in run:
            continue
        if index in jobs:
            out += ["", lines[run[jobs.index(index)]]]
        out.append(line)
    return out
