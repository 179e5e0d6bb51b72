"""Checks on the structured CV itself: fields an entry lacks, and values that look wrong.

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
from app.lib.parsing.contact import looks_like_location
from app.lib.parsing.text import fold
from app.lib.problems import problem

MAX_TITLE_WORDS = 12
SENTENCE_TITLE_WORDS = 6  # a title this long that ends with a full stop is a sentence
FUTURE_END_MONTHS = 24  # a planned end date (internship, apprenticeship) may be ahead
DATED_LIST_ITEMS = 2  # list items carrying a year before a list looks like a merged section
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _finding(
    code: str, template: str, path: str, item_id: str | None, value: Any, **values: Any
) -> dict[str, Any]:
    return problem(code, template, "warning", **values) | {
        "group": "entries",
        "path": path,
        "itemId": item_id,
        "value": value,
    }


def _month(value: str | None) -> tuple[int, int] | None:
    """``YYYY`` or ``YYYY-MM`` → (year, month); a year alone counts as its first month."""
    found = DATE_RE.match(value or "")
    if not found:
        return None
    return int(found.group(1)), int(found.group(2) or 1)


def _label(*parts: str) -> str:
    return next((p for p in parts if p.strip()), "?")[:80]


def _dates(
    kind: str, index: int, item: Experience | Education, today: date, future_end_ok: bool
) -> list[dict[str, Any]]:
    """End before start; a start in the future (or an end far ahead)."""
    out = []
    where = f"{kind}[{index}]"
    label = _label(getattr(item, "title", "") or getattr(item, "degree", ""), item.company
                   if isinstance(item, Experience) else item.institution)  # fmt: skip
    start, end = _month(item.start), _month(item.end)
    now = (today.year, today.month)
    if start and end and end < start:
        out.append(
            _finding(
                "dates_reversed",
                N_("%(label)s: the end date (%(end)s) is before the start date (%(start)s)."),
                f"{where}.end", item.id, item.end, label=label, start=item.start, end=item.end,
            )
        )  # fmt: skip
    if start and start > now:
        out.append(
            _finding(
                "future_date",
                N_("%(label)s: the start date %(date)s is in the future."),
                f"{where}.start", item.id, item.start, label=label, date=item.start,
            )
        )  # fmt: skip
    far = (today.year + (today.month - 1 + FUTURE_END_MONTHS) // 12, 1)
    if end and not future_end_ok and end > far:
        out.append(
            _finding(
                "future_date",
                N_("%(label)s: the end date %(date)s is far in the future."),
                f"{where}.end", item.id, item.end, label=label, date=item.end,
            )
        )  # fmt: skip
    return out


def _experience(index: int, exp: Experience, today: date) -> list[dict[str, Any]]:
    out = []
    where, number = f"experience[{index}]", index + 1
    label = _label(exp.title, exp.company)
    if not exp.title:
        out.append(
            _finding(
                "missing_title",
                N_("Experience %(number)s (%(label)s) has no job title."),
                f"{where}.title", exp.id, exp.title, number=number, label=label,
            )
        )  # fmt: skip
    if not exp.company:
        out.append(
            _finding(
                "missing_company",
                N_("Experience %(number)s (%(label)s) has no company."),
                f"{where}.company", exp.id, exp.company, number=number, label=label,
            )
        )  # fmt: skip
    if not (exp.start or exp.end or exp.current):
        out.append(
            _finding(
                "missing_dates",
                N_("Experience %(number)s (%(label)s) has no dates."),
                f"{where}.start", exp.id, exp.start, number=number, label=label,
            )
        )  # fmt: skip
    words = exp.title.split()
    if len(words) > MAX_TITLE_WORDS or (
        len(words) >= SENTENCE_TITLE_WORDS and exp.title.rstrip().endswith((".", "!", "?"))
    ):
        out.append(
            _finding(
                "title_sentence",
                N_("Experience %(number)s: the job title looks like a sentence (%(words)s "
                   "words); part of the description may have gone into it."),
                f"{where}.title", exp.id, exp.title, number=number, words=len(words),
            )
        )  # fmt: skip
    company = exp.company.strip()
    if company and (
        looks_like_location(company) or (exp.location and fold(company) == fold(exp.location))
    ):
        out.append(
            _finding(
                "company_is_place",
                N_("Experience %(number)s: the company “%(company)s” is or contains a place."),
                f"{where}.company", exp.id, exp.company, number=number, company=company,
            )
        )  # fmt: skip
    elif company and YEAR_RE.search(company):
        out.append(
            _finding(
                "company_has_date",
                N_("Experience %(number)s: the company “%(company)s” contains a date."),
                f"{where}.company", exp.id, exp.company, number=number, company=company,
            )
        )  # fmt: skip
    return out + _dates("experience", index, exp, today, future_end_ok=exp.current)


def _duplicates(kind: str, items: list[Any], keys: list[tuple[str, ...]]) -> list[dict[str, Any]]:
    seen: dict[tuple[str, ...], int] = {}
    out = []
    for index, (item, key) in enumerate(zip(items, keys, strict=True)):
        if not any(key[:2]):
            continue
        if key in seen:
            out.append(
                _finding(
                    "duplicate_entry",
                    N_("%(label)s appears twice (items %(first)s and %(second)s)."),
                    f"{kind}[{index}]", item.id, None,
                    label=_label(*key[:2]), first=seen[key] + 1, second=index + 1,
                )
            )  # fmt: skip
        else:
            seen[key] = index
    return out


def _list_sections(content: CvContent) -> list[dict[str, Any]]:
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
                _finding(
                    "dated_list_items",
                    N_("%(count)s items of a list section carry dates: lines of another "
                       "section (jobs, degrees) may have been filed there."),
                    path, None, None, count=len(dated),
                )
                | {"samples": dated[:5]}
            )  # fmt: skip
    return out


def header_checks(content: CvContent, source_text: str) -> list[dict[str, Any]]:
    out = []
    if not content.header.name:
        out.append(
            _finding("missing_name", N_("No name was found."), "header.name", None, "")
        )  # fmt: skip
    if not content.header.contact.email and EMAIL_RE.search(source_text):
        out.append(
            _finding(
                "missing_email", N_("The CV has an email address but none was imported."),
                "header.contact.email", None, "",
            )
        )  # fmt: skip
    return out


def entry_checks(content: CvContent, today: date) -> list[dict[str, Any]]:
    """Every finding on experiences, education and list sections, in page order."""
    out: list[dict[str, Any]] = []
    if not content.experience:
        out.append(
            _finding(
                "no_experience",
                N_("No work experience was found. If the CV lists some, look for it in the "
                   "unplaced text and the other sections."),
                "experience", None, 0,
            )
        )  # fmt: skip
    for index, exp in enumerate(content.experience):
        out += _experience(index, exp, today)
    out += _duplicates(
        "experience",
        content.experience,
        [(fold(e.title), fold(e.company), e.start or "") for e in content.experience],
    )
    for index, edu in enumerate(content.education):
        if not edu.institution:
            out.append(
                _finding(
                    "missing_school",
                    N_("Degree %(number)s (%(label)s) has no school."),
                    f"education[{index}].institution", edu.id, edu.institution,
                    number=index + 1, label=_label(edu.degree),
                )
            )  # fmt: skip
        out += _dates("education", index, edu, today, future_end_ok=True)
    out += _duplicates(
        "education",
        content.education,
        [(fold(e.degree), fold(e.institution), e.start or "") for e in content.education],
    )
    return out + _list_sections(content)
