"""A second opinion on where the experience entries start: the learned line-role labeller
(app/lib/parsing/fields/line_roles.py) reads the experience section's lines, and where it is
sure a line opens an entry that the import read as part of a job's description, the job is
flagged so the user checks it (a job may be hidden in it). It never changes the content: the
rules decide, the labeller only asks (bench/FIELD_LABELLER.md, "Line roles", for how often
it is right).
"""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent
from app.lib.i18n import N_
from app.lib.parsing.fields import line_roles
from app.lib.parsing.fields.line_role_features import find_blocks
from app.lib.parsing.report.report_entries import finding, label_of
from app.lib.parsing.sections.section_route import route_sections
from app.lib.parsing.sections.section_split import split_sections
from app.lib.parsing.sections.section_untitled import untitled_sections
from app.lib.parsing.text.hyphenation import rejoin_hyphenated
from app.lib.parsing.text.text import clean

SURE = 0.8  # the labeller's marginal for a start it reads and the rules do not


def experience_lines(text: str) -> list[str]:
    """The experience section's lines as the parser hands them to its entry splitter
    (app/lib/parsing/cv_parser.py ``parse_cv_text``)."""
    header, sections = split_sections(rejoin_hyphenated(text))
    _, sections = untitled_sections(header, sections)
    return route_sections(sections).lines.get("experience", [])


def _holder(starts: list[tuple[int, int]], index: int) -> int | None:
    """The job whose lines run over line ``index``: the last to start before it."""
    before = [job for start, job in starts if start < index]
    return before[-1] if before else None


def line_role_findings(content: CvContent, source_text: str) -> list[dict[str, Any]]:
    jobs = content.experience
    if not jobs or not line_roles.available():
        return []
    lines, after = line_roles.nonblank(experience_lines(source_text))
    keys = [line_roles.job_keys(j.title, j.company, j.location, j.start or "", j.end or "")
            for j in jobs]  # fmt: skip
    blocks = find_blocks(lines, keys)
    rules = line_roles.rules_roles(lines, keys)
    starts = sorted((min(b.values()), n) for n, b in enumerate(blocks) if b)
    out: list[dict[str, Any]] = []
    flagged: set[int] = set()
    for index, read in enumerate(line_roles.label_lines(lines, rules, after)):
        if read.role != "START" or read.confidence < SURE or rules[index] != "DESC":
            continue
        number = _holder(starts, index)
        if number is None or number in flagged:
            continue
        flagged.add(number)
        job = jobs[number]
        out.append(
            finding(
                "entry_start_in_description",
                N_("Experience %(number)s (%(label)s): the line “%(line)s” may start another "
                   "job; it was read as part of this one."),
                f"experience[{number}]", job.id, clean(read.text), number=number + 1,
                label=label_of(job.title, job.company), line=clean(read.text)[:80],
            )
        )  # fmt: skip
    return out
