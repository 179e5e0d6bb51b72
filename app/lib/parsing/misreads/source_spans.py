"""Where each job sits in the source: the line of its title (or employer) and the lines of its
bullets. Two misreads show there and nowhere else:

* a job's text whose lines sit inside another job's span (a table layout read one row off: every
  job got the next one's description);
* an employer printed once in the file but carried by several jobs: all but the one printed next
  to it took it from there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.lib.cv_content import CvContent, Experience
from app.lib.i18n import N_
from app.lib.parsing.report.report_entries import finding, label_of
from app.lib.text_forms import fold

MIN_NEEDLE = 4  # shorter values are found everywhere
BULLET_PREFIX = 40  # a bullet is found by its first characters (the PDF may wrap it)
MIN_SLID = 2  # bullets of a job found in another job's span before it is said to have slid


def squash(text: str) -> str:
    return " ".join(fold(text).replace("’", "'").split())


def _needle(value: str) -> str:
    """What a value is found by: its start, or "" when too short to tell (found everywhere)."""
    needle = squash(value)[:BULLET_PREFIX]
    return needle if len(needle) >= MIN_NEEDLE else ""


def find_line(lines: Sequence[str], value: str) -> int | None:
    needle = _needle(value)
    return next((i for i, line in enumerate(lines) if needle in line), None) if needle else None


def find_lines(lines: Sequence[str], value: str) -> list[int]:
    """Every line holding ``value``'s start (a job's title may also be the CV's headline)."""
    needle = _needle(value)
    return [i for i, line in enumerate(lines) if needle in line] if needle else []


def _title_line(lines: Sequence[str], exp: Experience) -> int | None:
    """The line of the job's title: the last one above its first bullet, where the title
    also stands elsewhere (the current job's title is often the headline too, and the first
    line holding it, in the header, would put the job above its employer's line)."""
    lines_of_title = find_lines(lines, exp.title)
    bullet = find_line(lines, exp.bullets[0]) if exp.bullets else None
    above = [at for at in lines_of_title if bullet is not None and at <= bullet]
    if above:
        return above[-1]
    return lines_of_title[0] if lines_of_title else None


def _anchor(lines: Sequence[str], exp: Experience) -> int | None:
    for value in (exp.title, exp.company):
        found = find_line(lines, value)
        if found is not None:
            return found
    return None


def _owner(anchors: list[tuple[int, int]], line: int) -> int | None:
    """The job whose span holds ``line``: the last anchored job at or above it."""
    owner = None
    for at, index in anchors:
        if at <= line:
            owner = index
    return owner


def slid_entries(content: CvContent, lines: Sequence[str]) -> list[dict[str, Any]]:
    jobs = content.experience
    found = {i: _anchor(lines, job) for i, job in enumerate(jobs)}
    anchors = sorted((at, i) for i, at in found.items() if at is not None)
    if len(anchors) < 2 or len({at for at, _ in anchors}) < len(anchors):
        return []
    placed = {
        i: [at for b in job.bullets if (at := find_line(lines, b)) is not None]
        for i, job in enumerate(jobs)
    }
    every = [at for ats in placed.values() for at in ats]
    # Titles in one column, descriptions in another: the spans say nothing.
    if not every or min(every) > anchors[-1][0] or max(every) < anchors[0][0]:
        return []
    out: list[dict[str, Any]] = []
    shifts = set()
    for index, job in enumerate(jobs):
        owners = [_owner(anchors, at) for at in placed[index]]
        elsewhere = [o for o in owners if o is not None and o != index]
        if len(elsewhere) >= MIN_SLID and len(elsewhere) * 2 > len(owners):
            other = max(set(elsewhere), key=elsewhere.count)
            shifts.add(other - index)
            out.append(
                finding(
                    "entry_text_elsewhere",
                    N_("Experience %(number)s (%(label)s): its description sits in the file "
                       "under experience %(other)s: the lines of the jobs may have slid."),
                    f"experience[{index}].bullets", job.id, list(job.bullets),
                    number=index + 1, label=label_of(job.title, job.company), other=other + 1,
                )
            )  # fmt: skip
    # One job's bullets under another is a wrong reading order; a slide moves several jobs,
    # each by the same step.
    return out if len(out) >= MIN_SLID and len(shifts) == 1 else []


def employer_elsewhere(content: CvContent, lines: Sequence[str]) -> list[dict[str, Any]]:
    groups: dict[str, list[int]] = {}
    for index, job in enumerate(content.experience):
        key = squash(job.company)
        if len(key) >= MIN_NEEDLE:
            groups.setdefault(key, []).append(index)
    out = []
    for key, indexes in groups.items():
        printed = [at for at, line in enumerate(lines) if key in line]
        if len(indexes) < 2 or not printed or len(printed) >= len(indexes):
            continue
        anchors = {i: _title_line(lines, content.experience[i]) for i in indexes}
        owners = set()
        for at in printed:
            near = [(abs(a - at), i) for i, a in anchors.items() if a is not None]
            owners.add(min(near)[1] if near else indexes[0])
        # "Employer" then its roles one under another: the employer is printed once, above.
        if all((a := anchors[i]) is None or a > printed[0] for i in indexes):
            continue
        for index in indexes:
            if index in owners:
                continue
            job = content.experience[index]
            out.append(
                finding(
                    "employer_elsewhere",
                    N_("Experience %(number)s: the employer “%(company)s” is printed only "
                       "next to another job in the file: this job's own employer may be "
                       "missing."),
                    f"experience[{index}].company", job.id, job.company,
                    number=index + 1, company=job.company,
                )
            )  # fmt: skip
    return out


def source_findings(content: CvContent, source_text: str) -> list[dict[str, Any]]:
    lines = [squash(line) for line in source_text.splitlines()]
    return slid_entries(content, lines) + employer_elsewhere(content, lines)
