"""Jobs read into another entry: a job's bullets holding the heading lines of other jobs (a role
and a year, "Internship – 2019"), a degree holding a job's lines. The missing jobs are there,
not lost: the flag points at the entry that holds them.
"""

from __future__ import annotations

import re
from typing import Any

from app.lib.cv_content import CvContent, Experience
from app.lib.i18n import N_
from app.lib.parsing.entries.entry_words import TITLE_WORDS
from app.lib.parsing.report.report_entries import entry_finding, label_of
from app.lib.parsing.report.report_values import ROLE_WORDS, WORD_RE
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

HEADING_WORDS = 8  # a job's heading line is short
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
AT_RE = re.compile(r"\S\s*@\s+\S|\s@\S")  # "Associate @ Acme", not an email address
# Contracts: a bullet does not start with them, a job's heading does.
CONTRACT_WORDS = word_set(
    "stage stagiaire internship intern trainee alternance apprenti apprentice cdi cdd"
)
# Words that start a job's heading, or say a line is a job (FR/EN).
JOB_WORDS = word_set(
    """stage stagiaire internship intern trainee alternance alternant apprenti apprentice cdi cdd
    job emploi poste manager assistant assistante consultant consultante vendeur vendeuse
    conseiller conseillere agent executive associate technicien technicienne employee
    employe employee cashier caissier caissiere serveur serveuse"""
)

# Words of a study (FR/EN): a field holding one names a degree, whatever job words it has.
DEGREE_WORDS = word_set(
    """master masters mastere licence bachelor bachelors bts dut but deug dea dess diplome diploma
    degree titre rncp cap bep bac baccalaureat mba msc bsc ba ma phd doctorat these thesis
    formation certificat certificate certification cursus programme program cycle prepa cpge
    classe ecole school universite university institut institute college lycee iut option
    mention parcours specialisation specialite course cours training semestre semester erasmus
    etudiant etudiante student eleve academy academie"""
)
# "Diplôme d'ingénieur", "Doctor of Medicine": degrees.
DEGREE_ROLES = word_set("ingenieur ingenieure engineer doctor docteur")
# Job words, less the contracts a study has ("en alternance") and the engineer's degree.
EDUCATION_ROLES = (
    (TITLE_WORDS | ROLE_WORDS)
    - CONTRACT_WORDS
    - DEGREE_ROLES
    - word_set("alternant alternante apprenti apprentie apprentissage")
)
# "Senior Account Executive": one word alone may be a school's ("Teaching assistant", "Head of
# the year") or the name of the degree ("Titre Développeur web").
ROLE_WORDS_OF_A_JOB = 2
PART_RE = re.compile(r"\s+[—–]\s+")  # how the reader joins the cells of one printed line


def _words(line: str) -> list[str]:
    return WORD_RE.findall(fold(line))


def heading_line(line: str) -> bool:
    """A line that starts like a job's heading ("Internship …"), or a short line without end
    punctuation that names a job."""
    text = line.strip()
    words = _words(text)
    if words and words[0] in CONTRACT_WORDS:
        return True
    if not words or len(words) > HEADING_WORDS or text.endswith((".", ";", "!")):
        return False
    named = bool(set(words) & JOB_WORDS)  # "Claims Associate @ Acme": a role at an employer
    return words[0] in JOB_WORDS or (named and bool(YEAR_RE.search(text) or AT_RE.search(text)))


def _studies(value: str) -> bool:
    return bool(set(_words(value)) & DEGREE_WORDS)


def _job_named(degree: str, names: list[str]) -> list[str]:
    """The fields of a degree that name a job: any, when none names a study; the school's or
    the subject's, when only they do (a job's title read as the subject of "Example
    University"); none when the degree names a study ("BTS Assistant de manager")."""
    if _studies(degree):
        return []
    if any(_studies(name) for name in names):
        names = [name for name in names if name != degree]
    return [name for name in names if names_a_job(name)]


def names_a_job(value: str) -> bool:
    """A degree's field naming a job and no study ("Senior Account Executive", "Regional Sales
    Manager"): a job's heading read under Education. "BTS Assistant de manager" names a degree,
    "Cycle ingénieur" a course, "en alternance" the contract of a study."""
    found = _words(value)
    if not found or _studies(value):
        return False
    return len([w for w in found if w in EDUCATION_ROLES]) >= ROLE_WORDS_OF_A_JOB


def _own_years(job: Experience) -> set[str]:
    return {d[:4] for d in (job.start, job.end) if d}


def _other_jobs(job: Experience) -> list[str]:
    lines = [*job.description.splitlines(), *job.bullets]
    headings = [line for line in lines if heading_line(line)]
    dated = [h for h in headings if set(YEAR_RE.findall(h)) - _own_years(job)]
    return headings if len(headings) >= 2 or dated else []


def swallowed_findings(content: CvContent) -> list[dict[str, Any]]:
    out = []
    for index, job in enumerate(content.experience):
        found = _other_jobs(job)
        if found:
            out.append(
                entry_finding(
                    "entry_holds_jobs",
                    N_("Experience %(number)s (%(label)s) holds lines that read as other jobs' "
                       "headings: several jobs may have been read as one."),
                    "experience", index, job.id, label_of(job.title, job.company), found,
                )
            )  # fmt: skip
    for index, edu in enumerate(content.education):
        names = [edu.degree, edu.institution, edu.field]
        parts = [part for line in edu.description.splitlines() for part in PART_RE.split(line)]
        found = [line for line in [*names, *parts] if line.strip() and heading_line(line)]
        found += [name for name in _job_named(edu.degree, names) if name not in found]
        if found:
            out.append(
                entry_finding(
                    "education_holds_job",
                    N_("Degree %(number)s (%(label)s) holds a line that reads as a job: it may "
                       "belong under Experience."),
                    "education", index, edu.id, label_of(edu.degree, edu.institution), found,
                )
            )  # fmt: skip
    return out
