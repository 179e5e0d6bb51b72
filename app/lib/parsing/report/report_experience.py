"""Checks on experiences: no title, company or dates; a sentence or a date as the title; a place
or a date as the employer; an employer as the place; two jobs read as one; duplicates.

Findings point at their field like every entry finding (app/lib/parsing/report/report_entries.py).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from app.lib.cv_content import CvContent, Experience
from app.lib.i18n import N_
from app.lib.parsing.entries.entry_words import COMPANY_WORDS, title_score
from app.lib.parsing.fields.contact import looks_like_location
from app.lib.parsing.misreads.glued_town import glued_town
from app.lib.parsing.report.report_entries import (
    date_checks,
    duplicate_checks,
    entry_finding,
    finding,
    label_of,
)
from app.lib.parsing.report.report_values import (
    ORGANISATION_WORDS,
    WORD_RE,
    blank,
    fragment,
    has_date_range,
    looks_dated,
    names_organisation,
    names_role,
    reads_as_employer,
    starts_with_date,
)
from app.lib.text_forms import fold

MAX_TITLE_WORDS = 12
SELF_EMPLOYED = frozenset({"freelance", "independant", "independent", "self-employed"})
SENTENCE_BREAK_RE = re.compile(r"\w{3}[.!?]\s+\S")  # a title holding two sentences


def _missing(index: int, exp: Experience) -> list[dict[str, Any]]:
    where, number, label = f"experience[{index}]", index + 1, label_of(exp.title, exp.company)
    # (missing?, code, message, field, value): a title, a company, dates.
    gaps = (
        (blank(exp.title), "missing_title",
         N_("Experience %(number)s (%(label)s) has no job title."), "title", exp.title),
        (blank(exp.company), "missing_company",
         N_("Experience %(number)s (%(label)s) has no company."), "company", exp.company),
        (not (exp.start or exp.end or exp.current), "missing_dates",
         N_("Experience %(number)s (%(label)s) has no dates."), "start", exp.start),
    )  # fmt: skip
    return [
        finding(code, message, f"{where}.{field}", exp.id, value, number=number, label=label)
        for missing, code, message, field, value in gaps
        if missing
    ]


def _title(index: int, exp: Experience) -> list[dict[str, Any]]:
    where, number = f"experience[{index}].title", index + 1
    words = exp.title.split()
    if len(words) > MAX_TITLE_WORDS or SENTENCE_BREAK_RE.search(exp.title):
        return [
            finding(
                "title_sentence",
                N_("Experience %(number)s: the job title looks like a sentence (%(words)s "
                   "words); part of the description may have gone into it."),
                where, exp.id, exp.title, number=number, words=len(words),
            )
        ]  # fmt: skip
    if starts_with_date(exp.title) or (not blank(exp.title) and looks_dated(exp.title)):
        return [
            finding(
                "title_has_date",
                N_("Experience %(number)s: the job title “%(title)s” holds a date."),
                where, exp.id, exp.title, number=number, title=exp.title,
            )
        ]  # fmt: skip
    if fragment(exp.title):
        return [_fragment(index, "title", exp)]
    return []


def _fragment(index: int, name: str, exp: Experience) -> dict[str, Any]:
    value = getattr(exp, name)
    return finding(
        f"{name}_fragment",
        N_("Experience %(number)s: “%(text)s” looks like the end of another line, not a "
           "whole field."),
        f"experience[{index}].{name}", exp.id, value, number=index + 1, text=value,
    )  # fmt: skip


# A rank starts a student association's name ("Junior Example Conseil", a junior enterprise);
# as an employer it is a role only beside another role word or alone.
RANKS = frozenset({"junior", "senior"})


def _names_role_not_rank(company: str) -> bool:
    words = WORD_RE.findall(fold(company))
    rest = [word for word in words if word not in RANKS]
    return names_role(" ".join(rest)) if rest else bool(words)


def _names_kind(company: str) -> bool:
    """The name says what kind of organisation it is ("… Lab", "… Studio", "… SARL")."""
    return names_organisation(company) or bool(set(WORD_RE.findall(fold(company))) & COMPANY_WORDS)


def _opens_with_organisation(title: str) -> bool:
    """ "Compagnie de théâtre", "Association Example": a title that starts with a word naming an
    organisation and holds no word of a job ("Hotel receptionist", "Restaurant manager")."""
    words = WORD_RE.findall(fold(title))
    named = len(words) >= 2 and words[0] in ORGANISATION_WORDS
    return named and not names_role(title) and title_score(title) == 0


def _company(index: int, exp: Experience, places: set[str]) -> list[dict[str, Any]]:
    """A place or a date read as the employer, or an employer read as the place."""
    where, number, company = f"experience[{index}]", index + 1, exp.company.strip()
    # "Acme Montreal" has a city glued on (the import moves it to an empty place: repair.py).
    glued_place = glued_town(company) is not None
    # "Acme Bank CI (Head office), CI": a name no list knows before a country code is the
    # employer and its country, not a town.
    named_place = looks_like_location(company) and looks_like_location(company.split(",")[0])
    if company and (named_place or fold(company) in places or glued_place):
        return [
            finding(
                "company_is_place",
                N_("Experience %(number)s: the company “%(company)s” is or contains a place."),
                f"{where}.company", exp.id, exp.company, number=number, company=company,
            )
        ]  # fmt: skip
    if not blank(company) and looks_dated(company):
        return [
            finding(
                "company_has_date",
                N_("Experience %(number)s: the company “%(company)s” holds a date or a "
                   "duration."),
                f"{where}.company", exp.id, exp.company, number=number, company=company,
            )
        ]  # fmt: skip
    if fragment(company):
        return [_fragment(index, "company", exp)]
    title = exp.title.strip()
    title_is_employer = (reads_as_employer(title) or _opens_with_organisation(title)) and not (
        names_organisation(company)
    )
    # "Freelance" is how CVs write the employer of self-employed work, not a role.
    self_employed = fold(company) in SELF_EMPLOYED
    company_is_role = _names_role_not_rank(company) and not names_role(title) and not self_employed
    if title and company and (title_is_employer or company_is_role):
        return [
            finding(
                "fields_swapped",
                N_("Experience %(number)s: the job title “%(title)s” and the company "
                   "“%(company)s” may be swapped."),
                f"{where}.{'title' if title_is_employer else 'company'}", exp.id,
                title if title_is_employer else exp.company,
                number=number, title=title, company=company,
            )
        ]  # fmt: skip
    # "Example Lab" at "Université de Rennes": an organisation hosted by another, no swap.
    if exp.location and names_organisation(exp.location) and not _names_kind(company):
        return [
            finding(
                "location_is_company",
                N_("Experience %(number)s: the place “%(place)s” looks like an employer; "
                   "company and place may be swapped."),
                f"{where}.location", exp.id, exp.location, number=number, place=exp.location,
            )
        ]  # fmt: skip
    return []


def _merged(index: int, exp: Experience) -> list[dict[str, Any]]:
    """Date ranges inside the bullets: the next job(s) were read into this one."""
    lines = [*exp.bullets, *exp.description.splitlines()]
    ranges = [line for line in lines if has_date_range(line)]
    if not ranges:
        return []
    return [
        entry_finding(
            "merged_entries",
            N_("Experience %(number)s (%(label)s) has other dates in its description: it may "
               "hold several jobs."),
            "experience", index, exp.id, label_of(exp.title, exp.company), ranges,
        )
    ]  # fmt: skip


def _experience(index: int, exp: Experience, today: date, places: set[str]) -> list[dict[str, Any]]:
    found = _missing(index, exp) + _title(index, exp) + _company(index, exp, places)
    found += _merged(index, exp)
    return found + date_checks("experience", index, exp, today, future_end_ok=exp.current)


def experience_checks(content: CvContent, today: date) -> list[dict[str, Any]]:
    if not content.experience:
        return [
            finding(
                "no_experience",
                N_("No work experience was found. If the CV lists some, look for it in the "
                   "unplaced text and the other sections."),
                "experience", None, 0,
            )
        ]  # fmt: skip
    # A company equal to the place of an entry or of the header is a place read as employer.
    places = {fold(e.location) for e in content.experience if e.location.strip()}
    places |= {fold(part.strip()) for part in content.header.contact.location.split(",")}
    places.discard("")
    out: list[dict[str, Any]] = []
    for index, exp in enumerate(content.experience):
        out += _experience(index, exp, today, places)
    return out + duplicate_checks(
        "experience",
        content.experience,
        [(fold(e.title), fold(e.company), e.start or "") for e in content.experience],
    )
