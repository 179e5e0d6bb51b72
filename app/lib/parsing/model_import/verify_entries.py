"""The dated sections of an LLM extraction, checked entry by entry against the source text.

Beyond "each value is in the source" (verify_source.py): a title must not hold its company
(entry_checks.separate), dates must be written at the precision returned (written_dates.py)
and a description must not repeat the entry's own bullets. A field that fails takes the
rule-based parser's value for the same entry (``rules``: its reading of the same text) when
the parser has one, else what the text writes of it, else nothing; each change is a finding
for the import report (verify_findings.py), not a drop: each field is reported once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from app.lib.cv_content import CvContent, Education, Experience, Project, new_item_id
from app.lib.parsing.entries.entry_checks import Key, match_entries, separate, without_repeats
from app.lib.parsing.model_import.verify_findings import llm_finding
from app.lib.parsing.model_import.verify_source import Checker, stored_date


def _label(*parts: str) -> str:
    return next((part for part in parts if part.strip()), "?")


def _titled(
    check: Checker, title: str, company: str, rules: tuple[str, str] | None
) -> tuple[str, str, dict[str, str] | None]:
    """Title and company apart as the source writes them; a change to report, if any."""
    rules_title, rules_company = rules or ("", "")
    split = separate(title, company, check.source.has, rules_company)
    if split.outcome == "split":
        return split.title, split.company, {"code": "llm_title_split", "value": title}
    if split.outcome == "rejected":
        ok = rules_title and check.source.has(rules_title)
        if ok and separate(rules_title, company, check.source.has).outcome == "kept":
            return rules_title, company, {"code": "llm_title_replaced", "value": title}
        return "", company, {"code": "llm_title_dropped", "value": title}
    return title, company, None


def _date(
    check: Checker, value: str | None, rules_value: str | None, at: str, item_id: str, label: str
) -> str | None:
    # The parser's reading of the same entry is the text's too (a month and its year split by
    # a column, "September 2010 – October Master…\n2012"), so it stands as written.
    if check.source.has_date(value) or (value is not None and value == rules_value):
        return stored_date(value)
    assert value is not None  # None is always supported
    replacement = rules_value or check.source.dates.written_part(value)
    code = "llm_date_replaced" if replacement else "llm_date_dropped"
    check.findings.append(
        llm_finding(
            code, at, item_id, replacement, label=label, value=value, replacement=replacement
        )
    )
    return replacement


Dated = Experience | Education | Project


def _dates(check: Checker, item: Dated, rules: Dated | None, at: str, label: str) -> None:
    rules_start, rules_end = (rules.start, rules.end) if rules else (None, None)
    item.start = _date(check, item.start, rules_start, f"{at}.start", item.id, label)
    item.end = _date(check, item.end, rules_end, f"{at}.end", item.id, label)


def _description(check: Checker, item: Experience | Project, at: str, label: str) -> None:
    kept, removed = without_repeats(item.description, item.bullets)
    if removed:
        item.description = kept
        check.findings.append(
            llm_finding("llm_description_repeated", f"{at}.description", item.id, kept,
                        label=label, count=removed)
        )  # fmt: skip


def _report_title(check: Checker, change: dict[str, str] | None, at: str, item_id: str,
                  after: str, label: str) -> None:  # fmt: skip
    if change is None:
        return
    check.findings.append(
        llm_finding(change["code"], at, item_id, after, label=label, value=change["value"],
                    replacement=after)
    )  # fmt: skip


_Entry = TypeVar("_Entry", Experience, Education, Project)


def _with_twins(
    section: str, out: list[_Entry], rules: list[_Entry], key: Callable[[_Entry], Key]
) -> Iterator[tuple[str, _Entry, _Entry | None]]:
    """Each of the model's entries, where it stands, and the parser's reading of the same entry
    (``match_entries``), if any."""
    twins = match_entries([key(e) for e in out], [key(e) for e in rules])
    for i, (entry, found) in enumerate(zip(out, twins, strict=True)):
        yield f"{section}[{i}]", entry, rules[found] if found is not None else None


def check_experience(check: Checker, out: CvContent, rules: CvContent) -> None:
    kept: list[Experience] = []
    for where, exp, twin in _with_twins(
        "experience", out.experience, rules.experience, lambda e: (e.title, e.company, e.start)
    ):
        twin_names = (twin.title, twin.company) if twin else None
        title, company, change = _titled(check, exp.title, exp.company, twin_names)
        exp.title = check.text(title, f"{where}.title")
        exp.company = check.text(company, f"{where}.company")
        if not exp.title and not exp.company:
            continue
        exp.id = new_item_id("exp")
        at, label = f"experience[{len(kept)}]", _label(exp.title, exp.company)
        _report_title(check, change, f"{at}.title", exp.id, exp.title, label)
        exp.location = check.text(exp.location, f"{where}.location")
        _dates(check, exp, twin, at, label)
        exp.description = check.long_text(exp.description, f"{where}.description")
        exp.bullets = check.items(exp.bullets, f"{where}.bullets")
        exp.skills = check.items(exp.skills, f"{where}.skills")
        _description(check, exp, at, label)
        kept.append(exp)
    out.experience = kept


def check_projects(check: Checker, out: CvContent, rules: CvContent) -> None:
    kept: list[Project] = []
    for where, proj, twin in _with_twins(
        "projects", out.projects, rules.projects, lambda p: (p.name, p.role, p.start)
    ):
        proj.name = check.text(proj.name, f"{where}.name")
        proj.bullets = check.items(proj.bullets, f"{where}.bullets")
        proj.description = check.long_text(proj.description, f"{where}.description")
        if not proj.name and not proj.bullets and not proj.description:
            continue
        proj.id = new_item_id("proj")
        at, label = f"projects[{len(kept)}]", _label(proj.name, proj.role)
        proj.role = check.text(proj.role, f"{where}.role")
        proj.url = proj.url if check.source.has_url(proj.url) else ""
        _dates(check, proj, twin, at, label)
        proj.skills = check.items(proj.skills, f"{where}.skills")
        _description(check, proj, at, label)
        kept.append(proj)
    out.projects = kept


def check_education(check: Checker, out: CvContent, rules: CvContent) -> None:
    kept: list[Education] = []
    for where, edu, twin in _with_twins(
        "education", out.education, rules.education, lambda e: (e.degree, e.institution, e.start)
    ):
        twin_names = (twin.degree, twin.institution) if twin else None
        degree, institution, change = _titled(check, edu.degree, edu.institution, twin_names)
        edu.institution = check.text(institution, f"{where}.institution")
        edu.degree = check.text(degree, f"{where}.degree")
        if not edu.institution and not edu.degree:
            continue
        edu.id = new_item_id("edu")
        at, label = f"education[{len(kept)}]", _label(edu.degree, edu.institution)
        _report_title(check, change, f"{at}.degree", edu.id, edu.degree, label)
        edu.field = check.text(edu.field, f"{where}.field")
        edu.location = check.text(edu.location, f"{where}.location")
        _dates(check, edu, twin, at, label)
        edu.description = check.long_text(edu.description, f"{where}.description")
        kept.append(edu)
    out.education = kept
