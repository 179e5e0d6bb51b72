"""A job's (or a degree's) lines filed into a list section: an item of skills, languages or
interests that is a date range of months alone ("Mar. 2019 – Jun. 2019", the date line of an
entry's heading), a skill that is an employer and its town with a postcode (the heading line of
a job), or an award or a certificate dated over a range (one is given on a day; a range is
time spent somewhere). The flag points at the list, where the missing entry's words are.
"""

from __future__ import annotations

import re
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.i18n import N_
from app.lib.parsing.dates.date_tokens import MONTHS
from app.lib.parsing.report.report_entries import finding
from app.lib.parsing.report.report_values import RANGE_RE, WORD_RE
from app.lib.text_forms import fold

MAX_SAMPLES = 5
DASH_RE = re.compile(r"\s+[-–—|]\s+")
# "Springfield 59200", "59200 Springfield", "Springfield (59200)": a town and its postcode.
POSTCODE_TOWN_RE = re.compile(
    r"^(?:[A-ZÀ-Ý][\w'’ -]*?\s\(?\d{5}\)?|\d{5}\s[A-ZÀ-Ý][\w'’ -]*)(?:,\s*[\w ]+)?$"
)


def only_a_range(item: str) -> bool:
    """The item is a date range with a month and nothing else ("may 2017 - aug 2017"): an
    entry's date line. Years alone ("2018 - 2020") may be a list's own way to date a line."""
    folded = fold(item).strip()
    found = RANGE_RE.search(folded)
    if not found:
        return False
    months = any(word in MONTHS for word in WORD_RE.findall(found.group(0)))
    return months and not WORD_RE.findall(RANGE_RE.sub(" ", folded))


def an_employer_and_place(item: str) -> bool:
    """ "Example Stores - Springfield 59200": a name, a dash, then a town with its postcode;
    the heading line of a job (its employer and place), never a skill or a language."""
    parts = [part.strip() for part in DASH_RE.split(item) if part.strip()]
    return (
        len(parts) >= 2
        and bool(WORD_RE.findall(parts[0]))
        and any(POSTCODE_TOWN_RE.match(part) for part in parts[1:])
    )


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
    headings = [s.name.strip() for s in content.skills if an_employer_and_place(s.name)]
    if headings:
        out.append(
            finding(
                "list_holds_heading",
                N_("The skills hold a job's heading line, an employer and its town (such as "
                   "“%(first)s”): a job may have been filed there."),
                "skills", None, None, first=headings[0][:60], count=len(headings),
            )
            | {"samples": headings[:MAX_SAMPLES]}
        )  # fmt: skip
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
