"""A job the PDF's other reading has and the kept reading has not: the report asks, and offers it.

A PDF is read twice (app/domain/cvs/rules_reading.py); the import keeps one reading's jobs
(app/lib/parsing/entries/reading_choice.py). A job of the other reading that no kept job is
dated as is either a job the kept reading lost (into another job's description, or among the
lines it placed nowhere) or a line the other reading took for a job (a scrap, an activity, a
degree). What tells them apart here is evidence no one document's words decide:

* the job is shaped as one: a start, a title-like and an employer-like name (no degree, talk,
  sentence, scrap, place, heading or contact detail: entry_evidence.py, misreads/shapes.py,
  fields/value_kinds.py);
* the kept reading did not read its lines as something else: a degree, a certificate, a
  project, a skill, an activity (then that section has its own evidence);
* it is no role inside a kept job: dated within a kept job of the same employer, or within
  the kept job whose text holds it (a role change, a mission, a line of that job's own).

Where it stands in the kept reading (the job whose text holds its words, or the unplaced lines)
is where the flag points, with the job offered for the user to add (app/domain/cvs/fixes.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.lib.cv_content import CvContent, Experience
from app.lib.i18n import N_
from app.lib.parsing.entries.entry_labels import field_of
from app.lib.parsing.entries.entry_words import TITLE_WORDS
from app.lib.parsing.entries.roles import DEGREE_WORDS
from app.lib.parsing.fields.value_kinds import value_kind
from app.lib.parsing.misreads.shapes import reads_as_place, reads_as_scrap, reads_as_sentence
from app.lib.parsing.model_import.entry_evidence import job_shape_problem, kind_problem, name_shaped
from app.lib.parsing.report.placed_lines import word_list
from app.lib.parsing.report.report_entries import finding, label_of
from app.lib.parsing.report.report_readings import alike, job_dates
from app.lib.problems import problem

MISSED_JOB_CODE = "reading_has_job"

IN_JOB = N_(
    "The file read another way has a job this import has not: “%(title)s” at “%(company)s” "
    "(%(dates)s). Its lines are in experience %(number)s (%(label)s). Add it if it is one."
)
UNPLACED = N_(
    "The file read another way has a job this import has not: “%(title)s” at “%(company)s” "
    "(%(dates)s). Its lines are among the text placed in no section. Add it if it is one."
)


def _spaced(text: str) -> str:
    return f" {' '.join(word_list(text))} "


def _stands_in(name: str, text: str) -> bool:
    words = _spaced(name)
    return bool(words.strip()) and words in text


def _shape_problem(title: str, company: str) -> str | None:
    """entry_evidence.job_shape_problem, but a word both a degree's and a title's ("Associate",
    "Ingénieur") is no degree by itself: whether the line is a degree, the kept reading says
    (a job whose words it read as a degree is left alone: ``_holder``)."""
    problem = job_shape_problem(title, company)
    if problem != "degree":
        return problem
    words = word_list(title)
    shared = DEGREE_WORDS & TITLE_WORDS
    if not set(words) & DEGREE_WORDS <= shared:
        return problem
    return kind_problem(" ".join(w for w in words if w not in shared), company)


def job_shaped(job: Experience) -> bool:
    """A start, and a title and an employer shaped as a job's names (module doc)."""
    title, company = job.title.strip(), job.company.strip()
    if not job.start or _shape_problem(title, company) is not None:
        return False
    if not (name_shaped(title, "title") and name_shaped(company, "company")):
        return False
    if reads_as_sentence(title) or reads_as_sentence(company, employer=True):
        return False
    names = (title, company)
    if any(reads_as_scrap(n) or value_kind(n) or field_of(n) for n in names):
        return False
    return not reads_as_place(title)


def _within(job: Experience, kept: Experience) -> bool:
    """``job``'s dates inside ``kept``'s (an open end runs to today)."""
    start, end, _ = job_dates(job)
    k_start, k_end, _ = job_dates(kept)
    if not start or not k_start or start < k_start:
        return False
    return not k_end or (bool(end) and end <= k_end)


def _elsewhere(content: CvContent) -> list[str]:
    """The texts of every part the kept reading read as something other than a job."""
    parts = [content.summary, *content.extras.interests]
    parts += [" ".join((p.name, p.role, p.description, *p.bullets)) for p in content.projects]
    parts += [
        " ".join((e.degree, e.field, e.institution, e.description)) for e in content.education
    ]
    extras = content.extras
    for item in (
        *extras.certifications,
        *extras.awards,
        *extras.volunteering,
        *extras.publications,
    ):
        parts.append(" ".join((item.name, item.issuer, item.description)))
    parts.append(" ".join(f"{s.name} {s.category}" for s in content.skills))
    parts.append(" ".join(lang.name for lang in content.languages))
    return [_spaced(part) for part in parts if part.strip()]


@dataclass(frozen=True)
class Holder:
    index: int | None  # the kept job holding the job's words; None: the unplaced lines
    lines: list[str]


def _holder(job: Experience, content: CvContent, unplaced: Sequence[str]) -> Holder | None:
    """Where the job's title and employer stand in the kept reading: one kept job's text, or
    the unplaced lines; None when the kept reading read them as something else, or not at
    all (then nothing points at them)."""
    names = (job.title, job.company)
    if any(_stands_in(n, text) for text in _elsewhere(content) for n in names):
        return None
    for index, kept in enumerate(content.experience):
        text = _spaced(" ".join((kept.title, kept.company, kept.description, *kept.bullets)))
        if all(_stands_in(n, text) for n in names):
            return Holder(index, [])
    lines = [line for line in unplaced if any(_stands_in(n, _spaced(line)) for n in names)]
    joined = _spaced(" ".join(lines))
    if lines and all(_stands_in(n, joined) for n in names):
        return Holder(None, lines)
    return None


def _role_inside(job: Experience, kept: Sequence[Experience]) -> bool:
    """Dated within a kept job of the same employer: a role change inside one employer."""
    return any(alike(k.company, job.company) and _within(job, k) for k in kept if k.company)


def _dates_text(job: Experience) -> str:
    end = "…" if job.current or not job.end else job.end
    return f"{job.start} – {end}"


def offered(job: Experience) -> dict[str, Any]:
    """The job as the review page offers it (fixes.add_job): its names, dates and place."""
    return {
        "title": job.title.strip(),
        "company": job.company.strip(),
        "location": job.location.strip(),
        "start": job.start,
        "end": None if job.current else job.end,
        "current": job.current,
    }


def missed_jobs(
    content: CvContent, other: Sequence[Experience], unplaced: Sequence[str]
) -> list[dict[str, Any]]:
    """A flag for each job of the other reading the kept one lost (module doc)."""
    kept_dates = {job_dates(job) for job in content.experience}
    out = []
    for job in other:
        if job_dates(job) in kept_dates or not job_shaped(job):
            continue
        if _role_inside(job, content.experience):
            continue
        holder = _holder(job, content, unplaced)
        if holder is None:
            continue
        values = {
            "title": job.title.strip(),
            "company": job.company.strip(),
            "dates": _dates_text(job),
        }
        if holder.index is not None:
            kept = content.experience[holder.index]
            if alike(kept.title, job.title) and alike(kept.company, job.company):
                continue  # the same job dated otherwise: a question of its dates
            if _within(job, kept):
                continue  # a role, a mission or a side line inside the job that holds it
            item = finding(
                MISSED_JOB_CODE, IN_JOB, f"experience[{holder.index}]", kept.id, None,
                number=holder.index + 1, label=label_of(kept.title, kept.company), **values,
            )  # fmt: skip
        else:
            # About the section, open while it has as many jobs as at the import (as
            # "no experience" is): adding a job closes it, the offered one or another.
            item = problem(MISSED_JOB_CODE, UNPLACED, "warning", **values) | {
                "group": "entries",
                "path": "experience",
                "itemId": None,
                "value": len(content.experience),
                "samples": holder.lines[:5],
            }
        out.append(item | {"offer": offered(job)})
    return out
