"""Two readings of one PDF's experience section, and the one its own lines support.

A PDF is read twice: by its geometry (columns, rows, gutters: app/lib/pdf_read/) and in the
plain text order a copy-paste gives. Each text goes through the same rules. Where the geometric
reading goes wrong (a sidebar read into the main column, a row of dates split off its jobs) the
plain one often does not, and the other way round; neither is right by being the one it is.
So the choice is by internal consistency: the second reading's jobs win only when they hold
every job of the first, and each job they add is shaped like a job (a title and an employer
that are no degree, talk or sentence: app/lib/parsing/model_import/entry_evidence.py, and a
start) and stands, in the first reading, on lines the first could not explain: placed nowhere,
buried in another job's description, or read as a degree that names no study. A job the first
reading placed in a degree that names one is that degree's, so adding it is no evidence.

Pure; the rules' reading in app/domain/cvs/rules_reading.py runs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.lib.cv_content import Education, Experience
from app.lib.parsing.entries.entry_checks import Key, match_entries
from app.lib.parsing.entries.roles import DEGREE_WORDS
from app.lib.parsing.model_import.entry_evidence import job_shape_problem
from app.lib.parsing.report.placed_lines import word_list


@dataclass(frozen=True)
class Reading:
    """One reading's jobs, and the lines it placed nowhere."""

    experience: Sequence[Experience]
    unplaced: Sequence[str] = ()
    education: Sequence[Education] = ()


@dataclass
class Choice:
    experience: list[Experience]
    second_won: bool = False
    # The first reading's degrees that are the second's jobs (their names are a job's own).
    taken_degrees: list[Education] = field(default_factory=list)
    # Indexes into ``experience`` of the jobs the other reading does not read.
    unpaired: list[int] = field(default_factory=list)


def _key(job: Experience) -> Key:
    return (job.title, job.company, job.start)


def pairs(mine: Sequence[Experience], theirs: Sequence[Experience]) -> list[int | None]:
    """For each of ``mine``, the index of the same job in ``theirs`` (or None)."""
    return match_entries([_key(job) for job in mine], [_key(job) for job in theirs])


def _job_shaped(job: Experience) -> bool:
    return bool(job.start) and job_shape_problem(job.title, job.company) is None


def _names_no_study(degree: Education) -> bool:
    return not set(word_list(degree.degree)) & DEGREE_WORDS


def _spaced(text: str) -> str:
    return f" {' '.join(word_list(text))} "


def _orphan_texts(reading: Reading) -> list[str]:
    """What a reading left unexplained: its unplaced lines, its jobs' description lines, and
    the lines of its degrees that name no study."""
    texts = [_spaced(line) for line in reading.unplaced]
    for job in reading.experience:
        texts += [_spaced(line) for line in (*job.bullets, *job.description.splitlines())]
    for degree in filter(_names_no_study, reading.education):
        lines = (degree.degree, degree.institution, *degree.description.splitlines())
        texts += [_spaced(line) for line in lines]
    return [text for text in texts if text.strip()]


def _stands_in(name: str, texts: Sequence[str]) -> bool:
    words = word_list(name)
    if not words:
        return False
    spaced = f" {' '.join(words)} "
    return any(spaced in text for text in texts)


def _same_names(degree: Education, job: Experience) -> bool:
    """A degree naming no study whose names are the job's title and employer."""
    names = set(word_list(f"{job.title} {job.company}"))
    own = set(word_list(f"{degree.degree} {degree.institution}"))
    return _names_no_study(degree) and bool(own) and own <= names


def _explains_orphans(job: Experience, first: Reading) -> bool:
    """The job's title and employer are lines the first reading left orphaned."""
    texts = _orphan_texts(first)
    return _stands_in(job.title, texts) and _stands_in(job.company, texts)


def choose(first: Reading, second: Reading) -> Choice:
    """The first reading's jobs, or the second's where its lines support it (module doc)."""
    found = pairs(list(second.experience), list(first.experience))
    held = {index for index in found if index is not None}
    lost = len(first.experience) - len(held)
    added = [job for job, index in zip(second.experience, found, strict=True) if index is None]
    wins = (
        bool(added)
        and lost == 0
        and all(_job_shaped(job) and _explains_orphans(job, first) for job in added)
    )
    if wins:
        unpaired = [i for i, x in enumerate(found) if x is None]
        taken = [d for d in first.education if any(_same_names(d, job) for job in added)]
        return Choice(list(second.experience), True, taken, unpaired)
    back = pairs(list(first.experience), list(second.experience))
    return Choice(list(first.experience), False, [], [i for i, x in enumerate(back) if x is None])
