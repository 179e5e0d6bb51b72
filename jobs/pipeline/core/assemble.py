"""The tailored CV put together from the source's facts and the phases' rewritten text, and the
name of its file. Identity, employers, titles, dates, places and links are always the source's;
a section that came back short fails the offer rather than drop content.
"""

from __future__ import annotations

import re
from typing import Any

from app.lib.cv_content import CvContent, Experience, ExtraItem, Header, Project, Skill, as_project
from jobs.pipeline.core.context import OfferBrief
from jobs.pipeline.core.interests import sorted_interests
from jobs.pipeline.core.languages import adapt_languages
from jobs.pipeline.core.schemas import (
    AdaptedExtras,
    AdaptedItem,
    AdaptedSkills,
    Classification,
    Summary,
)


class IncompleteCvError(RuntimeError):
    """A section came back short: fail (and retry) the offer rather than drop content."""


def _apply(source: Experience | Project, adapted: AdaptedItem) -> Any:
    # Identity, employer, title, dates, place, links: always the source's.
    return source.model_copy(
        update={
            "description": adapted.description,
            "bullets": adapted.bullets,
            "skills": adapted.skills,
        }
    )


def one_line(exp: Experience) -> Experience:
    """A condensed experience: title, employer, place and dates — no bullets, no description."""
    return exp.model_copy(update={"description": "", "bullets": [], "skills": []})


def assemble(
    source: CvContent,
    offer: OfferBrief,
    language: str,
    classification: Classification,
    experiences: list[AdaptedItem],
    projects: list[AdaptedItem],
    extras: AdaptedExtras,
    skills: AdaptedSkills,
    summary: Summary,
) -> CvContent:
    """The CV for one offer: kept and condensed experiences in the source's order, projects
    (kept, then moved), extras with their rewritten descriptions, the skills phase's list with
    the source's levels, and the languages the offer names with levels in the offer's style."""
    decisions = {d.id: d.decision for d in classification.experiences}
    adapted_exp = {a.id: a for a in experiences}
    kept = [e for e in source.experience if decisions.get(e.id) == "KEEP"]
    if len(kept) != len(adapted_exp) or any(e.id not in adapted_exp for e in kept):
        raise IncompleteCvError(f"{len(kept)} experiences kept but {len(adapted_exp)} adapted")
    shown = [e for e in source.experience if decisions.get(e.id) in ("KEEP", "CONDENSE")]
    adapted_proj = {a.id: a for a in projects}
    keep_projects = {d.id for d in classification.projects if d.decision == "KEEP"}
    project_sources: list[Project] = [p for p in source.projects if p.id in keep_projects]
    project_sources += [
        as_project(e) for e in source.experience if decisions.get(e.id) == "MOVE_TO_PROJECTS"
    ]
    if any(p.id not in adapted_proj for p in project_sources):
        raise IncompleteCvError("a kept project was not adapted")
    levels = {s.name.lower(): s.level for s in source.skills}
    extras_desc = {i.id: i.description for i in extras.items}

    def pick(group: list[ExtraItem]) -> list[ExtraItem]:
        return [
            e.model_copy(update={"description": extras_desc[e.id]})
            for e in group
            if e.id in extras_desc
        ]

    interests, dated_roles = sorted_interests(list(extras.interests))
    # The candidate's own headline: the offer's title would be a claim the CV cannot back
    # ("Operations Coordinator, Nashville"), and the letter repeats it (core/sendable.py).
    header: Header = source.header.model_copy()
    return CvContent(
        header=header,
        summary=summary.summary,
        experience=[
            _apply(e, adapted_exp[e.id]) if e.id in adapted_exp else one_line(e) for e in shown
        ],
        projects=[_apply(p, adapted_proj[p.id]) for p in project_sources],
        education=[e.model_copy() for e in source.education],
        skills=[
            Skill(name=s.name, category=s.category, level=levels.get(s.name.lower(), ""))
            for s in skills.skills
        ],
        languages=adapt_languages(source.languages, offer.full_text(), language),
        extras=source.extras.model_copy(
            update={
                "certifications": pick(source.extras.certifications),
                "awards": pick(source.extras.awards),
                "volunteering": pick(source.extras.volunteering) + dated_roles,
                "publications": pick(source.extras.publications),
                "interests": interests,
            }
        ),
    )


def cv_filename(name: str, offer_title: str, company: str) -> str:
    """ "Name - Offer title - Company", without characters a file system refuses."""
    parts = [p.strip() for p in (name, offer_title, company) if p and p.strip()]
    cleaned = re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", " ", " - ".join(parts) or "CV")
    return re.sub(r"\s+", " ", cleaned).strip()[:180]
