"""Check what an LLM extracted against the source text: keep only what the source contains.

Comparison is on folded, single-spaced text (case, accents, line breaks, dashes and quotes do
not matter). Dates only need their year in the source (the model normalises "janv. 2020" to
2020-01); phones compare by digits; links without their scheme. Whatever fails is removed and
reported as ``{"field": "experience[0].bullets[1]", "value": "…"}``.
"""

from __future__ import annotations

import re
from typing import Any

from app.lib.cv_content import CvContent, ExtraItem, new_item_id
from app.lib.parsing.text import squash

_PUNCTUATION = str.maketrans({"–": "-", "—": "-", "‒": "-", "“": '"', "”": '"', "«": '"', "»": '"'})
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")
_YEAR_RE = re.compile(r"\b(19|20)\d\d\b")


def _norm(text: str) -> str:
    return squash(text.translate(_PUNCTUATION)).replace("•", " ").replace("  ", " ")


class SourceText:
    def __init__(self, text: str) -> None:
        # A word hyphenated across lines in the PDF ("develop-\nment") is compared joined too.
        joined = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
        self.text = f"{_norm(text)}\n{_norm(joined)}"
        self.digits = re.sub(r"\D", "", text)
        self.years = {m.group(0) for m in _YEAR_RE.finditer(text)}

    def has(self, value: str) -> bool:
        normalised = _norm(value).strip(" .;:,!?")  # end punctuation is the model's
        return not normalised or normalised in self.text

    def has_url(self, value: str) -> bool:
        bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", value.strip(), flags=re.IGNORECASE)
        return not bare or _norm(bare.rstrip("/")) in self.text

    def has_phone(self, value: str) -> bool:
        """Same digits, or the same last nine (06 12… written +33 6 12…)."""
        digits = re.sub(r"\D", "", value)
        return (
            not digits or digits in self.digits or (len(digits) >= 9 and digits[-9:] in self.digits)
        )

    def has_date(self, value: str | None) -> bool:
        return value is None or value[:4] in self.years

    def kept_sentences(self, text: str) -> tuple[str, list[str]]:
        """The sentences of ``text`` found in the source, and those that were not."""
        if self.has(text):
            return text, []
        kept: list[str] = []
        dropped: list[str] = []
        for sentence in _SENTENCE_RE.split(text):
            (kept if self.has(sentence) else dropped).append(sentence)
        return " ".join(kept), dropped


class _Checker:
    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.dropped: list[dict[str, Any]] = []

    def text(self, value: str, where: str) -> str:
        if self.source.has(value):
            return value
        self.dropped.append({"field": where, "value": value})
        return ""

    def long_text(self, value: str, where: str) -> str:
        kept, dropped = self.source.kept_sentences(value)
        self.dropped += [{"field": where, "value": sentence} for sentence in dropped]
        return kept

    def items(self, values: list[str], where: str) -> list[str]:
        kept = []
        for index, value in enumerate(values):
            if self.source.has(value):
                kept.append(value)
            else:
                self.dropped.append({"field": f"{where}[{index}]", "value": value})
        return kept

    def date(self, value: str | None, where: str) -> str | None:
        if self.source.has_date(value):
            return value
        self.dropped.append({"field": where, "value": value})
        return None

    def extra_item(self, item: ExtraItem, where: str) -> ExtraItem | None:
        name = self.text(item.name, f"{where}.name")
        if not name:
            return None
        date_ok = item.date is None or self.source.has(item.date) or self.source.has_date(item.date)
        if not date_ok:
            self.dropped.append({"field": f"{where}.date", "value": item.date})
        return ExtraItem(
            name=name,
            issuer=self.text(item.issuer, f"{where}.issuer"),
            date=item.date if date_ok else None,
            description=self.long_text(item.description, f"{where}.description"),
            url=item.url if self.source.has_url(item.url) else "",
        )


def _header(check: _Checker, out: CvContent) -> None:
    header = out.header
    header.name = check.text(header.name, "header.name")
    header.current_title = check.text(header.current_title, "header.current_title")
    header.contact.email = check.text(header.contact.email, "header.contact.email")
    if not check.source.has_phone(header.contact.phone):
        check.dropped.append({"field": "header.contact.phone", "value": header.contact.phone})
        header.contact.phone = ""
    header.contact.location = check.text(header.contact.location, "header.contact.location")
    header.links = [link for link in header.links if check.source.has_url(link.url)]


def _experience(check: _Checker, out: CvContent) -> None:
    kept = []
    for i, exp in enumerate(out.experience):
        where = f"experience[{i}]"
        exp.title = check.text(exp.title, f"{where}.title")
        exp.company = check.text(exp.company, f"{where}.company")
        if not exp.title and not exp.company:
            continue
        exp.id = new_item_id("exp")
        exp.location = check.text(exp.location, f"{where}.location")
        exp.start = check.date(exp.start, f"{where}.start")
        exp.end = check.date(exp.end, f"{where}.end")
        exp.description = check.long_text(exp.description, f"{where}.description")
        exp.bullets = check.items(exp.bullets, f"{where}.bullets")
        exp.skills = check.items(exp.skills, f"{where}.skills")
        kept.append(exp)
    out.experience = kept


def _projects(check: _Checker, out: CvContent) -> None:
    kept = []
    for i, proj in enumerate(out.projects):
        where = f"projects[{i}]"
        proj.name = check.text(proj.name, f"{where}.name")
        proj.bullets = check.items(proj.bullets, f"{where}.bullets")
        proj.description = check.long_text(proj.description, f"{where}.description")
        if not proj.name and not proj.bullets and not proj.description:
            continue
        proj.id = new_item_id("proj")
        proj.role = check.text(proj.role, f"{where}.role")
        proj.url = proj.url if check.source.has_url(proj.url) else ""
        proj.start = check.date(proj.start, f"{where}.start")
        proj.end = check.date(proj.end, f"{where}.end")
        proj.skills = check.items(proj.skills, f"{where}.skills")
        kept.append(proj)
    out.projects = kept


def _education(check: _Checker, out: CvContent) -> None:
    kept = []
    for i, edu in enumerate(out.education):
        where = f"education[{i}]"
        edu.institution = check.text(edu.institution, f"{where}.institution")
        edu.degree = check.text(edu.degree, f"{where}.degree")
        if not edu.institution and not edu.degree:
            continue
        edu.id = new_item_id("edu")
        edu.field = check.text(edu.field, f"{where}.field")
        edu.location = check.text(edu.location, f"{where}.location")
        edu.start = check.date(edu.start, f"{where}.start")
        edu.end = check.date(edu.end, f"{where}.end")
        edu.description = check.long_text(edu.description, f"{where}.description")
        kept.append(edu)
    out.education = kept


def _lists(check: _Checker, out: CvContent) -> None:
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


def verify_cv(content: CvContent, source_text: str) -> tuple[CvContent, list[dict[str, Any]]]:
    """A copy of ``content`` holding only what ``source_text`` supports, with fresh ids."""
    check = _Checker(SourceText(source_text))
    out = content.model_copy(deep=True)
    _header(check, out)
    out.summary = check.long_text(out.summary, "summary")
    _experience(check, out)
    _projects(check, out)
    _education(check, out)
    _lists(check, out)
    return out, check.dropped
