"""Where a PDF's two readings disagree on a job: the report's flag with both readings offered.

A PDF is read twice, by its geometry and in plain text order (app/domain/cvs/rules_reading.py);
the import keeps one reading's jobs. A job the other reading dates alike (same start, end and
"current") but names otherwise (another title or employer) is one the file itself leaves open:
one of the two readings took a line that is not the job's. Neither reading is right for being
the one it is (app/lib/parsing/entries/reading_choice.py), so the job is flagged with the other
reading's names beside its own, and the user picks. Where the two name the job alike, or the
other reading has no job of those dates (it read the section otherwise), nothing is said.
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


def reading_disagreements(content: CvContent, other: Sequence[Experience]) -> list[dict[str, Any]]:
    """A flag on each job the other reading dates alike and names otherwise (module doc)."""
    out = []
    for index, job in enumerate(content.experience):
        twin = _same_dates(job, other)
        if twin is None:
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
