"""Synthetic CVs in many layouts, with their truth: the CV reader's layout fuzzer.

The real development corpus is a few dozen documents; a reader tuned on them can fit their
layouts rather than learn to read CVs. Here the same kind of invented content
(bench/synthetic_cv_content.py) is drawn in ``FAMILIES`` of layouts (bench/synthetic_cv_layouts.py)
and rendered to PDF with WeasyPrint; the truth is what was put in, so each family's score says
how well the import reads that layout. bench/synthetic_cvs_score.py scores them.

    python -m bench.synthetic_cvs timeline 3                # print one CV's truth
    python -m bench.synthetic_cvs timeline 3 --pdf out.pdf  # and write its PDF
"""

from __future__ import annotations

import argparse
import html
import random
import re
from dataclasses import dataclass, replace
from functools import cached_property

from bench import synthetic_cv_layouts as layouts
from bench.synthetic_cv_content import (
    DATE_FORMS,
    DOCUMENT_FORMS,
    Content,
    Job,
    PrintedDate,
    content,
    distinct,
    truth_job,
)
from bench.synthetic_pastes import Paste, letter_spaced


@dataclass(frozen=True)
class Family:
    draw: layouts.Layout
    jobs: tuple[int, int] = (2, 6)  # how many jobs the content has (min, max)
    per_job_forms: bool = False  # each job its own date form, rather than one per document
    shared_employers: bool = False  # runs of consecutive jobs at one employer (several roles)
    pasted: bool = False  # read as copied text (pdftotext), not as an uploaded PDF
    # What the text read becomes when a viewer's copy garbles it (bench/synthetic_pastes.py):
    # the reader parses that instead.
    copied: Paste | None = None


FAMILIES: dict[str, Family] = {
    "one_column": Family(layouts.one_column),
    "sidebar_left": Family(layouts.sidebar_left),
    "sidebar_right": Family(layouts.sidebar_right),
    "date_column_left": Family(layouts.date_column_left),
    "date_column_right": Family(layouts.date_column_right),
    "table": Family(layouts.table),
    "timeline": Family(layouts.timeline),
    "europass_like": Family(layouts.europass_like),
    "header_band": Family(layouts.header_band),
    "pictogram_headings": Family(layouts.pictogram_headings),
    "caps_employer": Family(layouts.caps_employer),
    "bold_title_employer": Family(layouts.bold_title_employer),
    "multi_page": Family(layouts.multi_page, jobs=(9, 12)),
    "every_date_form": Family(layouts.every_date_form, jobs=(6, 9), per_job_forms=True),
    "newspaper_columns": Family(layouts.newspaper_columns),
    "table_sidebar": Family(layouts.table_sidebar),
    "inline_pipes": Family(layouts.inline_pipes),
    "employer_first": Family(layouts.employer_first),
    "one_line_entries": Family(layouts.one_line_entries),
    "multi_role_employer": Family(layouts.multi_role_employer, jobs=(3, 6), shared_employers=True),
    "europass_brackets": Family(layouts.europass_brackets),
    "status_first": Family(layouts.status_first),
    "pasted_sidebar": Family(layouts.pasted_sidebar, pasted=True),
    "letter_spaced_paste": Family(layouts.one_column, copied=letter_spaced),
}


@dataclass(frozen=True)
class SyntheticCv:
    family: str
    seed: int
    content: Content
    dates: tuple[PrintedDate, ...]
    html: str

    @property
    def truth(self) -> list[dict[str, str | None]]:
        return [truth_job(j, d) for j, d in zip(self.content.jobs, self.dates, strict=True)]

    def as_read(self, text: str) -> str:
        """The text the reader is given: the text read, or its garbled copy (``Family.copied``)."""
        copied = FAMILIES[self.family].copied
        return copied(text, random.Random(f"{self.family}/{self.seed}/paste")) if copied else text

    @cached_property
    def pdf(self) -> bytes:
        import weasyprint  # slow to import (~1 s): only where a PDF is wanted

        return bytes(weasyprint.HTML(string=self.html).write_pdf())


def _dates(cv: Content, family: str, seed: int, spec: Family) -> tuple[PrintedDate, ...]:
    rng = random.Random(f"{family}/{seed}/forms")
    if spec.per_job_forms:
        names = rng.sample(sorted(DATE_FORMS), len(cv.jobs))
        if "since" in names:  # "depuis mars 2021" says ongoing: only the latest job reads so
            names.remove("since")
            names.insert(0, "since")
    else:
        names = [rng.choice(DOCUMENT_FORMS)] * len(cv.jobs)
    # One seed for every job's separator and "present" word: a CV writes them one way.
    salt = rng.random()
    return tuple(
        DATE_FORMS[name](job, cv.language, random.Random(salt))
        for name, job in zip(names, cv.jobs, strict=True)
    )


def synthetic_cv(family: str, seed: int, careers: str = "office") -> SyntheticCv:
    """The CV of ``seed`` drawn in ``family``: the same person and jobs in every family (the job
    count aside), the layout's own choices seeded by family and seed; ``careers`` as
    ``content``'s."""
    spec = FAMILIES[family]
    cv = content(seed, spec.jobs, careers)
    if spec.shared_employers:
        cv = replace(
            cv, jobs=roles_at_one_employer(cv.jobs, random.Random(f"{family}/{seed}/runs"))
        )
    dates = _dates(cv, family, seed, spec)
    drawn = spec.draw(cv, list(dates), random.Random(f"{family}/{seed}"))
    return SyntheticCv(family, seed, cv, dates, drawn)


def roles_at_one_employer(jobs: tuple[Job, ...], rng: random.Random) -> tuple[Job, ...]:
    """Consecutive jobs grouped in runs of one to three, each run at its first job's employer
    and town (a promotion, a move inside one company); the first run holds two or more."""
    out: list[Job] = []
    i = 0
    while i < len(jobs):
        size = rng.randint(2, 3) if i == 0 else rng.randint(1, 3)
        head = jobs[i]
        out += [replace(j, employer=head.employer, town=head.town) for j in jobs[i : i + size]]
        i += size
    return tuple(out)


def visible_text(markup: str) -> str:
    """The HTML's text, tags and the style sheet dropped."""
    markup = re.sub(r"<style>.*?</style>", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def truth_problems(cv: SyntheticCv) -> list[str]:
    """What would make the truth wrong by construction: a truth value the document does not
    print, periods out of order, two employers alike or one title twice, a job count out of its range."""
    text = visible_text(cv.html).casefold()
    problems = []
    low, high = FAMILIES[cv.family].jobs
    if not low <= len(cv.content.jobs) <= high:
        problems.append(f"{len(cv.content.jobs)} jobs, not {low}-{high}")
    employers = [j.employer.casefold() for j in cv.content.jobs]
    if FAMILIES[cv.family].shared_employers:  # one employer's roles follow each other
        employers = [name for i, name in enumerate(employers) if name not in employers[:i]]
    if any(not distinct(name, employers[:i]) for i, name in enumerate(employers)):
        problems.append("two employers alike")
    if len({j.title for j in cv.content.jobs}) != len(cv.content.jobs):
        problems.append("two jobs with one title")
    for job, date in zip(cv.content.jobs, cv.dates, strict=True):
        for value in (job.title, job.employer, job.town, date.start_text, date.end_text):
            if value.casefold() not in text:
                problems.append(f"{value!r} not printed")
        if job.end and job.end < job.start:
            problems.append(f"{job.employer}: ends before it starts")
        if not re.fullmatch(r"\d{4}(-\d{2})?", date.truth_start):
            problems.append(f"{job.employer}: start truth {date.truth_start!r}")
        if date.truth_end not in (None, "present") and date.truth_end < date.truth_start:
            problems.append(f"{job.employer}: end truth before start truth")
    starts = [j.start for j in cv.content.jobs]
    if starts != sorted(starts, reverse=True):
        problems.append("jobs not most recent first")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("family", choices=sorted(FAMILIES))
    parser.add_argument("seed", type=int)
    parser.add_argument("--pdf", help="write the rendered PDF here")
    parser.add_argument("--html", action="store_true", help="print the HTML")
    args = parser.parse_args()
    cv = synthetic_cv(args.family, args.seed)
    if args.html:
        print(cv.html)
    print(f"{cv.family} seed {cv.seed} ({cv.content.language}): {cv.content.name}")
    for job, date in zip(cv.truth, cv.dates, strict=True):
        print(
            f"  {job['title']} @ {job['company']} ({job['location']}) {job['start']} → {job['end']}   printed {date.text!r}"
        )
    if args.pdf:
        with open(args.pdf, "wb") as out:
            out.write(cv.pdf)


if __name__ == "__main__":
    main()
