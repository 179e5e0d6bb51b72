"""Checks on the structured CV itself: the header, degrees, dates and list sections (the
experience checks are in report_experience.py).

Each finding points at the field it is about (``path`` such as "experience[2].company", the
item's ``itemId`` and the field's ``value`` at import time), so the review page can flag the
field next to it and stop flagging it once the user changed it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from app.lib.cv_content import CvContent, Education, Experience
from app.lib.i18n import N_
from app.lib.parsing.fields.contact import EMAIL_RE
from app.lib.parsing.report.report_values import blank, has_date_range, names_organisation
from app.lib.problems import problem
from app.lib.text_forms import fold

FUTURE_END_MONTHS = 24  # a planned end date (internship, apprenticeship) may be ahead
DATED_LIST_ITEMS = 2  # list items carrying a year before a list looks like a merged section
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def finding(
    code: str, template: str, path: str, item_id: str | None, value: Any, **values: Any
) -> dict[str, Any]:
    return problem(code, template, "warning", **values) | {
        "group": "entries",
        "path": path,
        "itemId": item_id,
        "value": value,
    }


def entry_finding(
    code: str, template: str, section: str, index: int, item_id: str, label: str, samples: list[str]
) -> dict[str, Any]:
    """A finding on a whole entry (``section[index]``, numbered from 1 in ``template``), with
    the first five of the lines that raised it."""
    where = f"{section}[{index}]"
    found = finding(code, template, where, item_id, None, number=index + 1, label=label)
    return found | {"samples": samples[:5]}


def list_finding(
    code: str, template: str, path: str, samples: list[str], **values: Any
) -> dict[str, Any]:
    """A finding on a list (``path``): how many of its lines raised it (``count``), the first
    five of them."""
    found = finding(code, template, path, None, None, count=len(samples), **values)
    return found | {"samples": samples[:5]}


def _month(value: str | None) -> tuple[int, int] | None:
    """``YYYY`` or ``YYYY-MM`` → (year, month); a year alone counts as its first month."""
    found = DATE_RE.match(value or "")
    if not found:
        return None
    return int(found.group(1)), int(found.group(2) or 1)


def label_of(*parts: str) -> str:
    return next((p for p in parts if p.strip()), "?")[:80]


def date_checks(
    kind: str, index: int, item: Experience | Education, today: date, future_end_ok: bool
) -> list[dict[str, Any]]:
    """End before start; a start in the future (or an end far ahead)."""
    out = []
    where = f"{kind}[{index}]"
    label = label_of(getattr(item, "title", "") or getattr(item, "degree", ""), item.company
                   if isinstance(item, Experience) else item.institution)  # fmt: skip
    start, end = _month(item.start), _month(item.end)
    now = (today.year, today.month)
    if start and end and end < start:
        out.append(
            finding(
                "dates_reversed",
                N_("%(label)s: the end date (%(end)s) is before the start date (%(start)s)."),
                f"{where}.end", item.id, item.end, label=label, start=item.start, end=item.end,
            )
        )  # fmt: skip
    if start and start > now:
        out.append(
            finding(
                "future_date",
                N_("%(label)s: the start date %(date)s is in the future."),
                f"{where}.start", item.id, item.start, label=label, date=item.start,
            )
        )  # fmt: skip
    far = (today.year + (today.month - 1 + FUTURE_END_MONTHS) // 12, 1)
    if end and not future_end_ok and end > far:
        out.append(
            finding(
                "future_date",
                N_("%(label)s: the end date %(date)s is far in the future."),
                f"{where}.end", item.id, item.end, label=label, date=item.end,
            )
        )  # fmt: skip
    return out


def duplicate_checks(
    kind: str, items: list[Any], keys: list[tuple[str, ...]]
) -> list[dict[str, Any]]:
    seen: dict[tuple[str, ...], int] = {}
    out = []
    for index, (item, key) in enumerate(zip(items, keys, strict=True)):
        if not any(key[:2]):
            continue
        if key in seen:
            out.append(
                finding(
                    "duplicate_entry",
                    N_("%(label)s appears twice (items %(first)s and %(second)s)."),
                    f"{kind}[{index}]", item.id, None,
                    label=label_of(*key[:2]), first=seen[key] + 1, second=index + 1,
                )
            )  # fmt: skip
        else:
            seen[key] = index
    return out


def list_section_checks(content: CvContent) -> list[dict[str, Any]]:
    """A list section (skills, languages, interests) whose items carry years has likely
    swallowed the lines of another section (jobs, degrees) after a missed heading."""
    lists = {
        "skills": [s.name for s in content.skills],
        "languages": [f"{lang.name} {lang.level}" for lang in content.languages],
        "extras.interests": content.extras.interests,
    }
    out = []
    for path, items in lists.items():
        dated = [item for item in items if YEAR_RE.search(item)]
        if len(dated) >= DATED_LIST_ITEMS:
            out.append(
                list_finding(
                    "dated_list_items",
                    N_("Items of a list section that carry dates: %(count)s. Lines of another "
                       "section (jobs, degrees) may have been filed there."),
                    path, dated,
                )
            )  # fmt: skip
    return out + _project_checks(content)


def _project_checks(content: CvContent) -> list[dict[str, Any]]:
    """Projects named like employers, or with date ranges in their text, are likely jobs read
    under a projects heading."""
    jobs = [
        p.name
        for p in content.projects
        if names_organisation(p.name)
        or any(has_date_range(line) for line in [p.description, *p.bullets])
    ]
    if len(jobs) < DATED_LIST_ITEMS:
        return []
    return [
        list_finding(
            "projects_look_like_jobs",
            N_("Projects that look like jobs (an employer's name or a date range): %(count)s. "
               "Check whether they belong under Experience."),
            "projects", jobs,
        )
    ]  # fmt: skip


def header_checks(content: CvContent, source_text: str) -> list[dict[str, Any]]:
    out = []
    if not content.header.name:
        out.append(
            finding("missing_name", N_("No name was found."), "header.name", None, "")
        )  # fmt: skip
    if not content.header.contact.email and EMAIL_RE.search(source_text):
        out.append(
            finding(
                "missing_email", N_("The CV has an email address but none was imported."),
                "header.contact.email", None, "",
            )
        )  # fmt: skip
    return out


def education_checks(content: CvContent, today: date) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for index, edu in enumerate(content.education):
        if blank(edu.institution):
            out.append(
                finding(
                    "missing_school",
                    N_("Degree %(number)s (%(label)s) has no school."),
                    f"education[{index}].institution", edu.id, edu.institution,
                    number=index + 1, label=label_of(edu.degree),
                )
            )  # fmt: skip
        out += date_checks("education", index, edu, today, future_end_ok=True)
    return out + duplicate_checks(
        "education",
        content.education,
        [(fold(e.degree), fold(e.institution), e.start or "") for e in content.education],
    )
