"""Job fields holding something else: contact details or a driving licence, a sentence, a place,
a heading or a scrap of text, a degree or a talk, a referee's details.

One finding per job at most (its first shape, in that order): the user opens the job once.
"""

from __future__ import annotations

import re
from typing import Any

from app.lib.cv_content import CvContent, Education, Experience
from app.lib.i18n import N_
from app.lib.parsing.entries.entry_words import TITLE_WORDS
from app.lib.parsing.fields.languages import language_key
from app.lib.parsing.misreads.shapes import (
    PHONE_RE,
    contact_kind,
    reads_as_heading,
    reads_as_list_heading,
    reads_as_place,
    reads_as_scrap,
    reads_as_sentence,
    reads_as_skill_or_language,
)
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.report.report_entries import finding, label_of
from app.lib.parsing.report.report_values import (
    ROLE_WORDS,
    WORD_RE,
    names_organisation,
    names_role,
)
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

NAME_FIELDS = ("title", "company")
REPEATED_PLACE = 3
# Words around a contract where an employer belongs: "Job d'été", "Stage en entreprise".
CONTRACT_FILLERS = frozenset(
    ["d", "de", "du", "en", "ete", "summer", "student", "etudiant", "entreprise", "company"]
)
SAME_NAME_WORDS = 2
SCHOOL_WORDS = word_set("lycee ecole universite university college school campus iut")
DEGREE_ROLES = frozenset({"ingenieur", "engineer"})  # "Ingénieur informatique" is a degree too
YEAR_ONLY_RE = re.compile(r"^\d{4}$")
STUDENT = r"(?:eleve|etudiante?|student)"  # folded: "élève ingénieur" is studying to be one
STUDENT_TITLE_WORDS = 2
PART_RE = re.compile(r"\n|\s+[—–|•]\s+")  # lines, and the cells of one printed line
# Freelance or temping work: CVs write it where the employer goes, and it is no misread.
SELF_EMPLOYED = frozenset({"freelance", "interim"})
# What a degree, a school's course or a talk is called (FR/EN): such an entry is no job (a
# post-doctorate is one).
NOT_A_JOB_RE = re.compile(
    r"\b(?:licence|master|bachelor|bts|dut|cpge|prepa|l[123]|m[12]|bac|diplome|degree|"
    r"higher education|msc|bsc|phd|(?<!post-)(?<!post )doctorat|these|thesis|seminaire|"
    r"seminar|colloque|conference|journees?|workshop|talk|toeic|toefl|ielts|final year project|"
    r"projet de fin)\b"
)
REFEREE_RE = re.compile(
    r"\b(?:former|ancien(?:ne)?)\b.*\b(?:supervisor|manager|director|directeur|directrice|"
    r"responsable|tuteur|tutrice)\b|\b(?:referees?|references?|référen(?:ces?|t))\b",
    re.IGNORECASE,
)


def _number(index: int) -> int:
    return index + 1


def _field_finding(
    code: str, template: str, index: int, exp: Experience, name: str, **values: Any
) -> dict[str, Any]:
    """A finding on one field of the job at ``index``: its path, its value, the job's number."""
    value = getattr(exp, name)
    path = f"experience[{index}].{name}"
    return finding(code, template, path, exp.id, value, number=_number(index), **values)


def _contact(index: int, exp: Experience) -> dict[str, Any] | None:
    for name in (*NAME_FIELDS, "location"):
        value = getattr(exp, name)
        kind = contact_kind(value)
        # A job's place may be its office's address, an employer a web site ("Acme.com").
        allowed = {"location": ("address",)}.get(name, ("url",))
        if kind and kind not in allowed:
            return _field_finding(
                "contact_in_entry",
                N_("Experience %(number)s: “%(text)s” is a contact detail or a driving "
                   "licence, not part of the job: it belongs in the header."),
                index, exp, name, text=value,
            )  # fmt: skip
    return None


def _sentence(index: int, exp: Experience) -> dict[str, Any] | None:
    for name in NAME_FIELDS:
        value = getattr(exp, name)
        if reads_as_sentence(value, employer=name == "company"):
            return _field_finding(
                "name_is_sentence",
                N_("Experience %(number)s: “%(text)s” reads as a sentence, not as a job title "
                   "or an employer: a line of the description may have taken its place."),
                index, exp, name, text=value[:120],
            )  # fmt: skip
    return None


def _company_is_place(exp: Experience, repeated: set[str]) -> bool:
    """Printed over several jobs, or a town the gazetteer knows where no organisation word
    and no other place of the job is ("Bengaluru" as the employer, the place left empty)."""
    company = exp.company.strip()
    if fold(company) in repeated:
        return True
    # Its own place elsewhere: only when that is a place too ("Cherthala" over "Kerala").
    elsewhere = exp.location.strip()
    if (
        not company
        or names_organisation(company)
        or (elsewhere and not (reads_as_place(elsewhere) or is_known_place(elsewhere)))
    ):
        return False
    # A brand in capitals may share a town's name ("CARREFOUR"); CVs print towns as names.
    return not company.isupper() and is_known_place(company, other_names=False)


def _place(index: int, exp: Experience, repeated: set[str]) -> dict[str, Any] | None:
    if _company_is_place(exp, repeated):
        return _field_finding(
            "company_is_place",
            N_("Experience %(number)s: the company “%(company)s” is or contains a place."),
            index, exp, "company", company=exp.company,
        )  # fmt: skip
    if exp.title.strip() and (reads_as_place(exp.title) or fold(exp.title) in repeated):
        return _field_finding(
            "title_is_place",
            N_("Experience %(number)s: the job title “%(title)s” is a place."),
            index, exp, "title", title=exp.title,
        )  # fmt: skip
    return None


def _repeated(content: CvContent, name: str, other: str) -> set[str]:
    """A "Town, Region" title (or employer) no job or organisation word names, shared by
    several jobs with different employers (or titles): the place printed over every job."""
    others: dict[str, set[str]] = {}
    for exp in content.experience:
        value = getattr(exp, name)
        if "," in value and not names_role(value) and not names_organisation(value):
            others.setdefault(fold(value), set()).add(fold(getattr(exp, other)))
    return {value for value, seen in others.items() if len(seen) >= REPEATED_PLACE}


def _scrap(index: int, exp: Experience, owner: str) -> dict[str, Any] | None:
    for name in NAME_FIELDS:
        value = getattr(exp, name)
        # A language as the employer: a line of the languages list read into the job.
        skill = skill_entry(exp) if name == "title" else language_key(value) is not None
        own_name = len(owner) >= 5 and owner in fold(value) and not names_role(value)
        role_only = name == "company" and (_only_role_words(value) or _same_as_title(exp))
        heading = reads_as_heading(value) or (name == "title" and reads_as_list_heading(value))
        if reads_as_scrap(value) or heading or skill or own_name or role_only:
            return _field_finding(
                "name_is_scrap",
                N_("Experience %(number)s: “%(text)s” is not a job title nor an employer's "
                   "name; this entry may not be a job."),
                index, exp, name, text=value,
            )  # fmt: skip
    return None


def _only_role_words(value: str) -> bool:
    """ "Trainee", "STAGIAIRE", "Job d'été", "Stage en entreprise" as the employer: the
    contract, not the organisation (working freelance is a way to be employed, and CVs write
    it as the employer)."""
    words = [w for w in WORD_RE.findall(fold(value)) if w not in CONTRACT_FILLERS]
    return bool(words) and all(word in ROLE_WORDS - SELF_EMPLOYED for word in words)


def _same_as_title(exp: Experience) -> bool:
    """ "Gendarme réserviste opérationnel" as the employer of "GENDARME RESERVISTE": the title
    written twice, the organisation lost."""
    title = set(WORD_RE.findall(fold(exp.title)))
    company = set(WORD_RE.findall(fold(exp.company)))
    if len(title) < SAME_NAME_WORDS or names_organisation(exp.company):
        return False
    return title <= company or company <= title


def skill_entry(exp: Experience) -> bool:
    """A line of a skills or languages list read as a job: a language as the title, or a
    skill as the title and as the employer."""
    title, company = exp.title.strip(), exp.company.strip()
    if language_key(title) is not None:
        return True
    both = reads_as_skill_or_language(title) and reads_as_skill_or_language(company)
    return both or (reads_as_skill_or_language(title) and not company)


def _job_role(title: str) -> bool:
    """The title names a job other than an engineer's ("Ingénieur informatique" is a degree
    too; "Full-stack developer" at a school is the school's employee or apprentice)."""
    return bool(set(WORD_RE.findall(fold(title))) & ((ROLE_WORDS | TITLE_WORDS) - DEGREE_ROLES))


def _a_study_twice(exp: Experience, studies: list[Education]) -> bool:
    """The employer is a school of the education section, from the same year, and the title
    names no job but an engineer's: that study read a second time, as a job."""
    company = fold(exp.company).strip()
    year = (exp.start or "")[:4]
    return (
        bool(company and year)
        and not _job_role(exp.title)
        and any(
            fold(study.institution).strip() == company and (study.start or "")[:4] == year
            for study in studies
        )
    )


def _names_school(value: str) -> bool:
    return bool(set(WORD_RE.findall(fold(value))) & SCHOOL_WORDS)


def _school_years(exp: Experience) -> bool:
    """Whole years at a school with no job named: "Ingénieur informatique, CESI École
    d'ingénieurs, 2020 – 2025" is a course of study (an engineer's degree), not a job."""
    words = WORD_RE.findall(fold(exp.company))
    school = bool(words) and (words[0] in SCHOOL_WORDS or "ecole" in words)
    years_only = bool(YEAR_ONLY_RE.match(exp.start or "")) and bool(
        YEAR_ONLY_RE.match(exp.end or "")
    )
    return school and years_only and exp.end != exp.start and not _job_role(exp.title)


def _student_of(exp: Experience) -> bool:
    """The entry's lines call its title a study: "Élève ingénieur civil des Mines" under the
    title "Ingénieur civil des Mines", "Student registered nurse" under "Registered nurse"."""
    title = " ".join(fold(exp.title).split())
    if len(title.split()) < STUDENT_TITLE_WORDS:  # "Nurse" beside "student nurses": a job
        return False
    # Where a line or a heading's part starts: "… — Élève ingénieur civil des Mines — …".
    lines = [part for line in [exp.description, *exp.bullets] for part in PART_RE.split(line)]
    said = (" ".join(fold(part).split()) for part in lines)
    return any(re.match(rf"{STUDENT}[\s-]+{re.escape(title)}\b", part) for part in said)


def _not_a_job(
    index: int, exp: Experience, schools: set[str], studies: list[Education]
) -> dict[str, Any] | None:
    names = f"{exp.title} {exp.company}"
    school = fold(exp.company).strip() in schools and not names_role(exp.title)
    school = school or _a_study_twice(exp, studies) or _school_years(exp) or _student_of(exp)
    if not school and (names_role(exp.title) or not NOT_A_JOB_RE.search(fold(names))):
        return None
    return finding(
        "entry_not_a_job",
        N_("Experience %(number)s (%(label)s) looks like a degree, a course or a talk, not a "
           "job."),
        f"experience[{index}]", exp.id, None, number=_number(index),
        label=label_of(exp.title, exp.company),
    )  # fmt: skip


def referee_in(lines: list[str]) -> bool:
    """A referee's block: a role such as "Former … Supervisor" or "References" near a phone."""
    for at, line in enumerate(lines):
        if REFEREE_RE.search(line) and any(PHONE_RE.search(x) for x in lines[at : at + 4]):
            return True
    return False


def _referee(kind: str, index: int, item: Any, lines: list[str]) -> dict[str, Any] | None:
    if not referee_in(lines):
        return None
    label = label_of(getattr(item, "title", "") or getattr(item, "degree", ""),
                     getattr(item, "company", "") or getattr(item, "institution", ""))  # fmt: skip
    return finding(
        "referee_block",
        N_("%(label)s: a referee's details (a name, a role, a phone number) were read into "
           "this entry."),
        f"{kind}[{index}]", item.id, None, label=label,
    )  # fmt: skip


def entry_field_findings(content: CvContent) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    owner = fold(content.header.name).strip()
    owner = "" if names_role(owner) else owner  # a title read as the name names no one
    schools = {fold(e.institution).strip() for e in content.education if e.institution.strip()}
    # A school read as the degree's name ("Example University" as the degree, no school).
    schools |= {fold(e.degree).strip() for e in content.education if _names_school(e.degree)}
    repeated = _repeated(content, "title", "company") | _repeated(content, "company", "title")
    for index, exp in enumerate(content.experience):
        lines = [exp.title, exp.company, exp.location, *exp.description.splitlines()]
        found = (
            _contact(index, exp)
            or _sentence(index, exp)
            or _place(index, exp, repeated)
            or _scrap(index, exp, owner)
            or _not_a_job(index, exp, schools, content.education)
        )
        found = found or _referee("experience", index, exp, [*lines, *exp.bullets])
        if found:
            out.append(found)
    for index, edu in enumerate(content.education):
        lines = [edu.degree, edu.institution, edu.field, edu.location, edu.description]
        found = _referee("education", index, edu, [x for x in lines if x])
        if found:
            out.append(found)
    return out
