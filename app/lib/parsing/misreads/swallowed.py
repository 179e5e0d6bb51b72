"""Jobs read into another entry: a job's bullets holding the heading lines of other jobs (a role
and a year, "Internship – 2019"), a degree holding a job's lines. The missing jobs are there,
not lost: the flag points at the entry that holds them.
"""

from __future__ import annotations

import re
from typing import Any

from app.lib.cv_content import CvContent, Experience
from app.lib.i18n import N_
from app.lib.parsing.report.report_entries import finding, label_of
from app.lib.parsing.report.report_values import WORD_RE
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

HEADING_WORDS = 8  # a job's heading line is short
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Contracts: a bullet does not start with them, a job's heading does.
CONTRACT_WORDS = word_set(
    "stage stagiaire internship intern trainee alternance apprenti apprentice cdi cdd"
)
# Words that start a job's heading, or say a line is a job (FR/EN).
JOB_WORDS = word_set(
    """stage stagiaire internship intern trainee alternance alternant apprenti apprentice cdi cdd
    job emploi poste manager assistant assistante consultant consultante vendeur vendeuse
    conseiller conseillere agent executive associate technicien technicienne employee
    employe employee cashier caissier caissiere serveur serveuse"""
)


def _words(line: str) -> list[str]:
    return WORD_RE.findall(fold(line))


def heading_line(line: str) -> bool:
    """A line that starts like a job's heading ("Internship …"), or a short line without end
    punctuation that names a job."""
    text = line.strip()
    words = _words(text)
    if words and words[0] in CONTRACT_WORDS:
        return True
    if not words or len(words) > HEADING_WORDS or text.endswith((".", ";", "!")):
        return False
    return words[0] in JOB_WORDS or (bool(YEAR_RE.search(text)) and bool(set(words) & JOB_WORDS))


def _own_years(job: Experience) -> set[str]:
    return {d[:4] for d in (job.start, job.end) if d}


def _other_jobs(job: Experience) -> list[str]:
    lines = [*job.description.splitlines(), *job.bullets]
    headings = [line for line in lines if heading_line(line)]
    dated = [h for h in headings if set(YEAR_RE.findall(h)) - _own_years(job)]
    return headings if len(headings) >= 2 or dated else []


def swallowed_findings(content: CvContent) -> list[dict[str, Any]]:
    out = []
    for index, job in enumerate(content.experience):
        found = _other_jobs(job)
        if found:
            out.append(
                finding(
                    "entry_holds_jobs",
                    N_("Experience %(number)s (%(label)s) holds lines that read as other jobs' "
                       "headings: several jobs may have been read as one."),
                    f"experience[{index}]", job.id, None,
                    number=index + 1, label=label_of(job.title, job.company),
                )
                | {"samples": found[:5]}
            )  # fmt: skip
    for index, edu in enumerate(content.education):
        lines = [edu.degree, edu.institution, edu.field, *edu.description.splitlines()]
        found = [line for line in lines if line.strip() and heading_line(line)]
        if found:
            out.append(
                finding(
                    "education_holds_job",
                    N_("Degree %(number)s (%(label)s) holds a line that reads as a job: it may "
                       "belong under Experience."),
                    f"education[{index}]", edu.id, None,
                    number=index + 1, label=label_of(edu.degree, edu.institution),
                )
                | {"samples": found[:5]}
            )  # fmt: skip
    return out
