"""Check what an LLM extracted against the source text: keep only what the source contains.

The header and the list sections are checked here, the dated sections entry by entry in
verify_entries.py (titles apart from companies, dates as written, no description repeating its
bullets), with the rule-based parser's reading of the same text as the fallback for a field
that fails. The comparison itself is in verify_source.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.model_import.verify_entries import (
    check_education,
    check_experience,
    check_projects,
)
from app.lib.parsing.model_import.verify_source import Checker, SourceText

__all__ = ["CheckedCv", "SourceText", "check_cv", "verify_cv"]


def _header(check: Checker, out: CvContent) -> None:
    header = out.header
    header.name = check.text(header.name, "header.name")
    header.current_title = check.text(header.current_title, "header.current_title")
    header.contact.email = check.text(header.contact.email, "header.contact.email")
    if not check.source.has_phone(header.contact.phone):
        check.dropped.append({"field": "header.contact.phone", "value": header.contact.phone})
        header.contact.phone = ""
    header.contact.location = check.text(header.contact.location, "header.contact.location")
    links = []
    for i, link in enumerate(header.links):
        if check.source.has_url(link.url):
            # A label the source does not write is dropped: the link prints as its address.
            link.label = check.text(link.label, f"header.links[{i}].label")
            links.append(link)
    header.links = links


def _lists(check: Checker, out: CvContent) -> None:
    skills = []
    for i, skill in enumerate(out.skills):
        if check.text(skill.name, f"skills[{i}].name"):
            skill.category = check.text(skill.category, f"skills[{i}].category")
            skill.level = check.text(skill.level, f"skills[{i}].level")
            skills.append(skill)
    out.skills = skills
    languages = []
    for i, lang in enumerate(out.languages):
        if check.text(lang.name, f"languages[{i}].name"):
            lang.level = check.text(lang.level, f"languages[{i}].level")
            languages.append(lang)
    out.languages = languages
    extras = out.extras
    for group in ("certifications", "awards", "volunteering", "publications"):
        items = getattr(extras, group)
        checked = [check.extra_item(item, f"extras.{group}[{i}]") for i, item in enumerate(items)]
        setattr(extras, group, [item for item in checked if item is not None])
    extras.interests = check.items(extras.interests, "extras.interests")


@dataclass
class CheckedCv:
    content: CvContent
    dropped: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)  # import-report items


def check_cv(content: CvContent, source_text: str, rules: CvContent | None = None) -> CheckedCv:
    """A copy of ``content`` holding only what ``source_text`` supports, with fresh ids.
    ``rules`` is the rule-based parser's reading of the same text (parsed here when None)."""
    check = Checker(SourceText(source_text))
    rules = rules if rules is not None else parse_cv_text(source_text).content
    out = content.model_copy(deep=True)
    _header(check, out)
    out.summary = check.long_text(out.summary, "summary")
    check_experience(check, out, rules)
    check_projects(check, out, rules)
    check_education(check, out, rules)
    _lists(check, out)
    return CheckedCv(out, check.dropped, check.findings)


def verify_cv(content: CvContent, source_text: str) -> tuple[CvContent, list[dict[str, Any]]]:
    """``check_cv`` without the report findings: the checked copy and what was dropped."""
    checked = check_cv(content, source_text)
    return checked.content, checked.dropped
