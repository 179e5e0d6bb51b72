"""A job's (or a degree's) lines filed into a list section: an item of skills, languages or
interests that is a date range of months alone ("Mar. 2019 – Jun. 2019", the date line of an
entry's heading), or an award or a certificate dated over a range (one is given on a day; a range is
time spent somewhere). The flag points at the list, where the missing entry's words are.
"""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent
from app.lib.i18n import N_
from app.lib.parsing.dates.date_tokens import MONTHS
from app.lib.parsing.report.report_entries import finding
from app.lib.parsing.report.report_values import RANGE_RE, WORD_RE
from app.lib.text_forms import fold

MAX_SAMPLES = 5


def only_a_range(item: str) -> bool:
    """The item is a date range with a month and nothing else ("may 2017 - aug 2017"): an
    entry's date line. Years alone ("2018 - 2020") may be a list's own way to date a line."""
    folded = fold(item).strip()
    found = RANGE_RE.search(folded)
    if not found:
        return False
    months = any(word in MONTHS for word in WORD_RE.findall(found.group(0)))
    return months and not WORD_RE.findall(RANGE_RE.sub(" ", folded))


def _lists(content: CvContent) -> dict[str, list[str]]:
    """Each list section's items as text; awards and certificates by their date."""
    return {
        "skills": [skill.name for skill in content.skills],
        "languages": [f"{lang.name} {lang.level}" for lang in content.languages],
        "extras.interests": list(content.extras.interests),
        "extras.awards": [item.date or "" for item in content.extras.awards],
        "extras.certifications": [item.date or "" for item in content.extras.certifications],
    }


def list_date_findings(content: CvContent) -> list[dict[str, Any]]:
    out = []
    for path, items in _lists(content).items():
        ranges = [item.strip() for item in items if item.strip() and only_a_range(item)]
        if ranges:
            out.append(
                finding(
                    "list_holds_dates",
                    N_("A list section holds date ranges of its own (such as “%(first)s”): the "
                       "lines of a job or of a degree may have been filed there."),
                    path, None, None, first=ranges[0][:40], count=len(ranges),
                )
                | {"samples": ranges[:MAX_SAMPLES]}
            )  # fmt: skip
    return out
