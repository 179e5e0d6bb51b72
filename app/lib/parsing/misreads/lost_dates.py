"""A job's dates among the lines placed nowhere: a line that is one month and year and nothing
else but a duration ("avr. 2021 (6 semaines)"), in the year a job starts while that job has only
years ("2021 – 2022"). The job's dates may be another entry's, its own lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.i18n import N_
from app.lib.parsing.dates.date_tokens import MONTHS
from app.lib.parsing.report.report_entries import finding, label_of
from app.lib.parsing.report.report_values import DATED_RE, WORD_RE
from app.lib.text_forms import fold

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_YEAR_RE = re.compile(rf"\b(?:{_MONTH})\.?\s*((?:19|20)\d\d)\b")
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
YEAR_LENGTH = 4


def month_line(line: str) -> str | None:
    """The year of a line holding one date, a month and its year, and nothing else but a
    duration; None for anything else (a range holds two dates)."""
    folded = fold(line)
    found = MONTH_YEAR_RE.search(folded)
    if not found or len(YEAR_RE.findall(folded)) != 1:
        return None
    rest = DATED_RE.sub(" ", MONTH_YEAR_RE.sub(" ", folded))
    words = [w for w in WORD_RE.findall(rest) if not w.isdigit() and w not in MONTHS]
    return None if words else found.group(1)


def lost_date_findings(content: CvContent, unplaced: Iterable[str]) -> list[dict[str, Any]]:
    """``unplaced``: the lines of the file placed in no section (report_coverage.py)."""
    lost: dict[str, str] = {}
    for line in unplaced:
        year = month_line(line)
        if year:
            lost.setdefault(year, " ".join(line.split()))
    out = []
    for index, job in enumerate(content.experience):
        start = job.start or ""
        found = lost.get(start) if len(start) == YEAR_LENGTH else None
        if found:
            out.append(
                finding(
                    "dates_unplaced",
                    N_("Experience %(number)s (%(label)s) has years only, while “%(line)s”, a "
                       "date of that year, was placed nowhere: the job's dates may be wrong."),
                    f"experience[{index}].start", job.id, job.start,
                    number=index + 1, label=label_of(job.title, job.company), line=found[:60],
                )
            )  # fmt: skip
    return out
