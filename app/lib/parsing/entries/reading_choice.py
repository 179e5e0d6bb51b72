"""Two readings of one PDF's experience section, and the one its own lines support.

A PDF is read twice: by its geometry (columns, rows, gutters: app/lib/pdf_read/) and in the
plain text order a copy-paste gives. Each text goes through the same rules. Where the geometric
reading goes wrong (a sidebar read into the main column, a row of dates split off its jobs) the
plain one often does not, and the other way round; neither is right by being the one it is.
So the choice is by internal consistency: the second reading's jobs win only when they hold
every job of the first, and each job they add is shaped like a job (dated, a title and an
employer that are no degree, talk or sentence: app/lib/parsing/model_import/entry_evidence.py)
and stands, in the first reading, on lines the first could not explain: placed nowhere, buried
in another job's description, or read as a degree that names no study. Short of that, each
such job of the second is adopted alone, among the first's jobs in date order, and the lines
a job of the first held go with it. A job the first reading placed in a degree that names a
study is that degree's, so adding it is no evidence.

Pure; the rules' reading in app/domain/cvs/rules_reading.py runs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from app.lib.cv_content import Education, Experience
from app.lib.parsing.dates.dates import find_date_range, remove_span
from app.lib.parsing.entries.entry_checks import Key, match_entries
from app.lib.parsing.entries.roles import DEGREE_WORDS
from app.lib.parsing.model_import.entry_evidence import job_shape_problem, name_shaped
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
    adopted: list[Experience] = field(default_factory=list)  # the second's, among the first's


def _key(job: Experience) -> Key:
    return (job.title, job.company, job.start)


def pairs(mine: Sequence[Experience], theirs: Sequence[Experience]) -> list[int | None]:
    """For each of ``mine``, the index of the same job in ``theirs`` (or None)."""
    return match_entries([_key(job) for job in mine], [_key(job) for job in theirs])


def _job_shaped(job: Experience) -> bool:
    """Dated, and named like a job: no degree, talk or sentence, an employer no bare role."""
    named = name_shaped(job.title, "title") and name_shaped(job.company, "company")
    return bool(job.start) and named and job_shape_problem(job.title, job.company) is None


def _names_no_study(degree: Education) -> bool:
    return not set(word_list(degree.degree)) & DEGREE_WORDS


def _spaced(text: str) -> str:
    return f" {' '.join(word_list(text))} "


def _loose_lines(reading: Reading) -> list[str]:
    """What a reading placed in no job: its unplaced lines, and its degrees naming no study."""
    lines = list(reading.unplaced)
    for degree in filter(_names_no_study, reading.education):
        lines += [degree.degree, degree.institution, *degree.description.splitlines()]
    return [line for line in lines if line.strip()]


def _orphan_lines(reading: Reading) -> list[str]:
    """What a reading left unexplained: its loose lines and its jobs' description lines."""
    lines = _loose_lines(reading)
    for job in reading.experience:
        lines += [line for line in (*job.bullets, *job.description.splitlines()) if line.strip()]
    return lines


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


def _stands_on(job: Experience, lines: Sequence[str]) -> bool:
    """The job's title and employer are among ``lines``."""
    texts = [_spaced(line) for line in lines]
    return _stands_in(job.title, texts) and _stands_in(job.company, texts)


def _job_text(job: Experience) -> str:
    parts = (job.title, job.company, job.location, job.description, *job.bullets)
    return _spaced(" ".join(parts))


def _belongs(line: str, job: Experience, text: str) -> bool:
    """``line`` is one of ``job``'s (``text``: its words): its words other than its dates
    are in it in order, or it is only a date range that starts when the job does."""
    found = find_date_range(line)
    rest = remove_span(line, found.span) if found else line
    words = word_list(rest)
    if words:
        return f" {' '.join(words)} " in text
    return found is not None and (found.start or "")[:4] == (job.start or "")[:4]


def _without_lines_of(host: Experience, adopted: Sequence[Experience]) -> Experience:
    """``host`` without the description lines that are an adopted job's."""
    texts = [(job, _job_text(job)) for job in adopted]

    def own(line: str) -> bool:
        return not any(_belongs(line, job, text) for job, text in texts if line.strip())

    bullets = [line for line in host.bullets if own(line)]
    lines = host.description.splitlines()
    kept = [line for line in lines if own(line)]
    if len(bullets) == len(host.bullets) and len(kept) == len(lines):
        return host
    return host.model_copy(update={"bullets": bullets, "description": "\n".join(kept)})


def _descending(jobs: Sequence[Experience]) -> bool:
    starts = [job.start for job in jobs if job.start]
    later = sum(1 for a, b in pairwise(starts) if a < b)
    return later * 2 <= len(starts) - 1


def _inserted(jobs: list[Experience], job: Experience) -> list[Experience]:
    """``jobs`` with ``job`` among them in the order of their start dates."""
    descending, start = _descending(jobs), job.start or ""
    for index, other in enumerate(jobs):
        if other.start and (other.start < start if descending else other.start > start):
            return [*jobs[:index], job, *jobs[index:]]
    return [*jobs, job]


def choose(first: Reading, second: Reading) -> Choice:
    """The first reading's jobs, or the second's where its lines support it (module doc)."""
    found = pairs(list(second.experience), list(first.experience))
    held = {index for index in found if index is not None}
    lost = len(first.experience) - len(held)
    added = [job for job, index in zip(second.experience, found, strict=True) if index is None]
    wins = (
        bool(added)
        and lost == 0
        and all(_job_shaped(job) and _stands_on(job, _orphan_lines(first)) for job in added)
    )
    if wins:
        unpaired = [i for i, x in enumerate(found) if x is None]
        taken = [d for d in first.education if any(_same_names(d, job) for job in added)]
        return Choice(list(second.experience), True, taken, unpaired)
    # Short of winning, the second reading's jobs that stand on lines the first could not
    # explain are adopted one by one; the lines a job of the first held go with them.
    orphan = _orphan_lines(first)
    adopted = [job for job in added if _job_shaped(job) and _stands_on(job, orphan)]
    jobs = [_without_lines_of(job, adopted) for job in first.experience]
    for job in adopted:
        jobs = _inserted(jobs, job)
    taken = [d for d in first.education if any(_same_names(d, job) for job in adopted)]
    back = pairs(jobs, list(second.experience))
    return Choice(jobs, False, taken, [i for i, x in enumerate(back) if x is None], adopted)
