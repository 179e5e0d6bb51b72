"""One job read as two entries: the second has no heading of its own (its title and employer are
lines of text, or nothing, or a line of a skills or languages list) and holds what the first
lacks, its lines (the first has none) or the end of its date range (each has one month, the
second's after the first's). The flag points at the first, the job whose heading the user sees.
"""

from __future__ import annotations

import itertools
from typing import Any

from app.lib.cv_content import CvContent, Experience
from app.lib.i18n import N_
from app.lib.parsing.entries.entry_words import strong_title_words
from app.lib.parsing.misreads.entry_fields import skill_entry
from app.lib.parsing.misreads.shapes import WORD_RE, reads_as_sentence
from app.lib.parsing.report.report_entries import finding, label_of
from app.lib.parsing.report.report_values import blank, fragment, names_role

MONTH_LENGTH = len("2024-01")
PHRASE_WORDS = 3


def headless(entry: Experience) -> bool:
    """Neither an employer (empty, a cut line or a sentence) nor a title (empty, a cut line
    or a phrase naming no job)."""
    company = entry.company
    no_employer = blank(company) or fragment(company) or reads_as_sentence(company, True)
    title = entry.title
    # A phrase naming no job ("Design et développement d'un SaaS"); a short name may be one.
    phrase = len(WORD_RE.findall(title)) >= PHRASE_WORDS and not strong_title_words(title)
    no_title = blank(title) or fragment(title) or (phrase and not names_role(title))
    return no_employer and no_title


def _one_month(entry: Experience) -> str | None:
    start = entry.start or ""
    return start if len(start) == MONTH_LENGTH and entry.end == start else None


def _split(job: Experience, after: Experience) -> bool:
    # A line of a skills or languages list read as an entry takes the dates beside it too.
    if not (headless(after) or skill_entry(after)) or headless(job):
        return False
    no_lines = not job.description.strip() and not any(b.strip() for b in job.bullets)
    mine, theirs = _one_month(job), _one_month(after)
    return no_lines or bool(mine and theirs and theirs > mine)


def split_findings(content: CvContent) -> list[dict[str, Any]]:
    jobs = content.experience
    return [
        finding(
            "entry_split",
            N_("Experience %(number)s (%(label)s) and the entry after it, which has no title "
               "nor employer of its own, may be one job read as two: its lines or its dates "
               "may be there."),
            f"experience[{index}]", job.id, None,
            number=index + 1, label=label_of(job.title, job.company),
        )
        for index, (job, after) in enumerate(itertools.pairwise(jobs))
        if _split(job, after)
    ]  # fmt: skip
