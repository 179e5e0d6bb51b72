"""Where a PDF's two readings disagree on a job: the report's flag with both readings offered.

A PDF is read twice, by its geometry and in plain text order (app/domain/cvs/rules_reading.py);
the import keeps one reading's jobs. A job the other reading dates alike (same start, end and
"current") but names otherwise (another title or employer) is one the file itself leaves open:
one of the two readings took a line that is not the job's. Neither reading is right for being
the one it is (app/lib/parsing/entries/reading_choice.py), so the job is flagged with the other
reading's names beside its own, and the user picks. So is a job the other reading names alike
(title and employer) but dates otherwise, with the other reading's dates. Where the two agree,
or the other reading has no job of those dates or names (it read the section otherwise), nothing
is said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from app.lib.cv_content import CvContent, Experience
from app.lib.i18n import N_
from app.lib.parsing.entries.entry_labels import field_of
from app.lib.parsing.model_import.entry_evidence import job_shape_problem
from app.lib.parsing.report.placed_lines import word_list
from app.lib.parsing.report.report_entries import finding, label_of

READINGS_CODE = "readings_disagree"


MIN_LETTERS = 3  # a name shorter than this is a scrap of a line ("P", "t")
LIGATURE_RE = re.compile(r"ff[il]?|f[ilt]|t[it]|st")  # the glyph pairs a plain reading drops


def _dates(job: Experience) -> tuple[str, str, bool]:
    return (job.start or "", "" if job.current else job.end or "", job.current)


def _spaced(text: str) -> str:
    return f" {' '.join(word_list(text))} "


def _alike(mine: str, theirs: str) -> bool:
    """One name in two readings: the same letters (a space lost or added, "Chefde"), the same
    but for glyph pairs one reading dropped ("So ware"), or one the other with a tail or a head
    more (a town after the employer: "IFREMER" / "IFREMER Brest")."""
    a, b = _spaced(mine), _spaced(theirs)
    joined_a, joined_b = a.replace(" ", ""), b.replace(" ", "")
    if LIGATURE_RE.sub("", joined_a) == LIGATURE_RE.sub("", joined_b):
        return True
    return a.strip() != "" and b.strip() != "" and (a in b or b in a)


def _same_dates(job: Experience, other: Sequence[Experience]) -> Experience | None:
    """The other reading's one job dated as ``job`` is (None when none or several are)."""
    if not job.start:
        return None
    found = [o for o in other if _dates(o) == _dates(job)]
    return found[0] if len(found) == 1 else None


def _offers(twin: Experience, job: Experience, elsewhere: str) -> str | None:
    """The field the other reading names otherwise, where what it offers is a reading of this
    job: names shaped like a job's (entry_evidence.py), no blank, no field's label
    (entries/entry_labels.py), not the kept reading's other name of the job, and no text the
    kept reading placed elsewhere (this job's bullets, another job's name, a skill, a language,
    a degree: a reading one row or one column off hands the job a line that is not its name)."""
    if job_shape_problem(twin.title, twin.company) is not None:
        return None
    pairs = (("title", job.title, twin.title), ("company", job.company, twin.company))
    differing = [(name, theirs) for name, mine, theirs in pairs if not _alike(mine, theirs)]
    for _, theirs in differing:
        words = _spaced(theirs)
        short = len(words.replace(" ", "")) < MIN_LETTERS
        # The kept reading's other name of this job: an order question fields_swapped judges.
        crossed = any(_alike(mine, theirs) for mine in (job.title, job.company) if mine.strip())
        if short or crossed or field_of(theirs) or words in elsewhere:
            return None
    return differing[0][0] if differing else None


def _date_alike(mine: str, theirs: str) -> bool:
    """One date at the precision both give ("2023" and "2023-02" agree)."""
    return mine.startswith(theirs) or theirs.startswith(mine)


def _dates_alike(job: Experience, other: Experience) -> bool:
    (start, end, current), (their_start, their_end, their_current) = _dates(job), _dates(other)
    same_ends = _date_alike(start, their_start) and _date_alike(end, their_end)
    return current == their_current and same_ends


def _redated(
    job: Experience, other: Sequence[Experience], kept: Sequence[Experience]
) -> Experience | None:
    """The other reading's one job named as ``job`` is (title and employer) dates it otherwise,
    and with dates no other kept job has (a reading one row off hands each job its
    neighbour's dates)."""
    if not (job.title.strip() and job.company.strip() and job.start):
        return None
    named = [o for o in other if _alike(job.title, o.title) and _alike(job.company, o.company)]
    if len(named) != 1 or _dates_alike(job, named[0]) or not named[0].start:
        return None
    shifted = any(_dates_alike(k, named[0]) for k in kept if k is not job)
    return None if shifted else named[0]


def _dated_otherwise(index: int, job: Experience, twin: Experience) -> dict[str, Any]:
    dates = " – ".join(d for d in (twin.start, "…" if twin.current else twin.end) if d)
    return finding(
        READINGS_CODE,
        N_("Experience %(number)s (%(label)s): the file read another way dates it %(dates)s. "
           "Check which is right."),
        f"experience[{index}].start", job.id, job.start, number=index + 1,
        label=label_of(job.title, job.company), dates=dates,
    ) | {"other": {"start": twin.start, "end": twin.end, "current": twin.current}}  # fmt: skip


def reading_disagreements(content: CvContent, other: Sequence[Experience]) -> list[dict[str, Any]]:
    """A flag on each job the other reading dates alike and names otherwise, or names alike and
    dates otherwise (module doc)."""
    out = []
    for index, job in enumerate(content.experience):
        twin = _same_dates(job, other)
        if twin is None:
            redated = _redated(job, other, content.experience)
            if redated is not None:
                out.append(_dated_otherwise(index, job, redated))
            continue
        unnamed = job.model_copy(update={"title": "", "company": ""})
        rest = [unnamed if kept is job else kept for kept in content.experience]
        elsewhere = _spaced(content.model_copy(update={"experience": rest}).full_text())
        # Pointed at the field that differs, so the flag closes once the user changes it.
        name = _offers(twin, job, elsewhere)
        if name is None:
            continue
        out.append(
            finding(
                READINGS_CODE,
                N_("Experience %(number)s (%(label)s): the file read another way gives "
                   "“%(title)s” at “%(company)s”. Check which is right."),
                f"experience[{index}].{name}", job.id, getattr(job, name), number=index + 1,
                label=label_of(job.title, job.company), title=twin.title.strip() or "–",
                company=twin.company.strip() or "–",
            )
            | {"other": {"title": twin.title, "company": twin.company}}
        )  # fmt: skip
    return out
