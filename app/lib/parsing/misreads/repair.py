"""The certain repairs, made before the import is stored and reported: split bullets re-joined
(when the CV capitalises its bullets), the job's own place taken off its bullets, contact
details moved from the profile and the jobs to the header, a town glued after the employer's
name moved to the job's empty place (glued_town.py), line-end hyphens taken out of words
the CV or the word list knows whole. Each repair is told in the report as an ``info`` item (what
was cleaned up), so nothing changes unseen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.i18n import N_
from app.lib.parsing.misreads.bullets import (
    apply_to_text,
    glued_place,
    hyphens,
    lowercase_style,
    rejoin_split,
    unglue_place,
)
from app.lib.parsing.misreads.glued_town import unglue_town
from app.lib.parsing.misreads.profile import clean_job_contacts, clean_profile
from app.lib.problems import problem


@dataclass
class Repaired:
    content: CvContent
    items: list[dict[str, Any]] = field(default_factory=list)  # report items, severity info


def _told(code: str, template: str, count: int) -> dict[str, Any]:
    return problem(code, template, "info", count=count) | {"group": "entries"}


def _hyphen_texts(content: CvContent) -> list[str]:
    texts = [content.summary]
    for job in content.experience:
        texts += [job.title, job.company, job.description, *job.bullets]
    return texts + [f"{e.degree} {e.description}" for e in content.education]


def _dehyphenated(text: str, joined: dict[str, str]) -> str:
    for token, whole in joined.items():
        text = text.replace(token, whole)
    return text


def repair_misreads(content: CvContent, source_text: str | None) -> Repaired:
    """A repaired copy of ``content`` and the report items that say what changed."""
    fixed = content.model_copy(deep=True)
    out = Repaired(fixed)
    lower = lowercase_style(fixed)
    joins = sum(rejoin_split(job, lower) for job in fixed.experience)
    if joins:
        out.items.append(_told("bullets_rejoined", N_("Bullets cut in two were joined again: "
                                                      "%(count)s."), joins))  # fmt: skip
    unglued = 0
    for job in fixed.experience:
        place = glued_place(job)
        unglued += bool(place and unglue_place(job, place))
    if unglued:
        out.items.append(_told("place_unglued", N_("A job's place printed before each of its "
                                                   "bullets was taken off: %(count)s jobs."),
                               unglued))  # fmt: skip
    towns = sum(unglue_town(job) for job in fixed.experience)
    if towns:
        out.items.append(_told("town_unglued", N_("A town printed after the employer's name was "
                                                  "moved to the job's place: %(count)s jobs."),
                               towns))  # fmt: skip
    moved = clean_profile(fixed)
    in_jobs = clean_job_contacts(fixed)
    count = moved.dropped + moved.moved + in_jobs.dropped + in_jobs.moved
    if count:
        moved_text = N_("Contact details read outside the header were moved to it: %(count)s.")
        out.items.append(_told("contact_to_header", moved_text, count))
    if source_text:
        found = hyphens(_hyphen_texts(fixed), source_text)
        if found.joined:
            apply_to_text(fixed, lambda text: _dehyphenated(text, found.joined))
            joined_text = N_("Words cut by a line-end hyphen were joined again: %(count)s.")
            out.items.append(_told("hyphens_joined", joined_text, len(found.joined)))
    return out
