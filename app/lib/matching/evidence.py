"""Where a CV shows what a requirement asks: the CV cut into units (a bullet, a skill, a
degree…), each with the concepts it names and those it implies, and the best units per
requirement.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass

from app.lib.cv_content import CvContent, Experience, Project
from app.lib.matching.model import Evidence, Requirement, RequirementMatch
from app.lib.matching.requirements import language_concept
from app.lib.matching.vocabulary import Vocabulary

MAX_EVIDENCE = 3
QUOTE_CHARS = 220
# An achievement of the user's bank attached to an experience (``Experience.evidence``): the
# user's verified account of it, which a tailored CV may state (app/lib/matching/analysis.py
# counts it in the ceiling, not in what the CV says before tailoring).
BANK_SECTION = "achievement"
# Where evidence reads strongest, for ordering quotes: what was done beats what is listed.
SECTION_RANK = {
    "experience": 0,
    "projects": 1,
    "summary": 2,
    "education": 3,
    "extras": 4,
    "skills": 5,
    "languages": 6,
    "title": 7,
    BANK_SECTION: 8,  # the CV's own words are quoted first
}


@dataclass(frozen=True, slots=True)
class Unit:
    section: str
    text: str
    label: str
    item_id: str | None
    index: int | None
    concepts: frozenset[str]
    implied: frozenset[str]


class UnitBuilder:
    def __init__(self, vocabulary: Vocabulary, hidden: Collection[str]) -> None:
        self.vocabulary = vocabulary
        self.hidden = set(hidden)
        self.units: list[Unit] = []

    def add(
        self,
        section: str,
        text: str,
        label: str,
        item_id: str | None = None,
        index: int | None = None,
        extra: frozenset[str] = frozenset(),
        key: str | None = None,
    ) -> None:
        if not text.strip():
            return
        if key is None and item_id is not None and index is not None:
            key = f"{item_id}:{index}"
        if key is not None and key in self.hidden:
            return  # cut by the page budget: the reader never sees it
        concepts = self.vocabulary.concepts_in(text) | extra
        if concepts:
            implied = self.vocabulary.implied(concepts)
            self.units.append(Unit(section, text, label, item_id, index, concepts, implied))


def _item_label(item: Experience | Project) -> str:
    if isinstance(item, Experience):
        return " — ".join(p for p in (item.title, item.company) if p)
    return " — ".join(p for p in (item.name, item.role) if p)


def cv_units(cv: CvContent, vocabulary: Vocabulary, hidden: Collection[str] = ()) -> list[Unit]:
    build = UnitBuilder(vocabulary, hidden)
    build.add("title", cv.header.current_title, "title")
    build.add("summary", cv.summary, "summary")
    sections: list[tuple[str, list[Experience] | list[Project]]] = [
        ("experience", cv.experience),
        ("projects", cv.projects),
    ]
    for section, items in sections:
        for item in items:
            label = _item_label(item)
            head = item.title if isinstance(item, Experience) else item.name
            build.add(section, head, label, item.id)
            build.add(section, item.description, label, item.id)
            for index, bullet in enumerate(item.bullets):
                build.add(section, bullet, label, item.id, index)
            build.add(section, ", ".join(item.skills), label, item.id)
            if isinstance(item, Experience):
                for found in item.evidence:  # labelled with the achievement's title
                    for line in [*found.lines(), ", ".join(found.skills)]:
                        build.add(BANK_SECTION, line, found.title or label, item.id)
    for edu in cv.education:
        text = " — ".join(p for p in (edu.degree, edu.field, edu.institution) if p)
        build.add("education", f"{text}. {edu.description}".strip(" ."), text, edu.id)
    for position, skill in enumerate(cv.skills):
        build.add("skills", skill.name, "skills", key=f"skill:{position}")
    for lang in cv.languages:
        concept = language_concept(lang.name)
        extra = frozenset({concept}) if concept else frozenset()
        build.add("languages", f"{lang.name} {lang.level}".strip(), "languages", extra=extra)
    extras = cv.extras
    for group in (extras.certifications, extras.awards, extras.volunteering, extras.publications):
        for entry in group:
            text = " — ".join(p for p in (entry.name, entry.issuer, entry.description) if p)
            build.add("extras", text, entry.name or "extras", entry.id)
    for position, interest in enumerate(extras.interests):
        build.add("extras", interest, "interests", key=f"interest:{position}")
    return build.units


def needed(requirement: Requirement) -> int:
    """How many of a requirement's concepts must be shown: one of one or two, half beyond."""
    count = len(requirement.concepts)
    return 1 if count <= 2 else math.ceil(count / 2)


def match(requirement: Requirement, units: list[Unit]) -> RequirementMatch:
    wanted = requirement.concepts
    direct = {c for u in units for c in u.concepts & wanted}
    shown = direct | {c for u in units for c in u.implied & wanted}
    if len(shown) < needed(requirement):
        return RequirementMatch(requirement, [])
    strong = len(direct) >= needed(requirement)
    ranked = sorted(
        (u for u in units if (u.concepts | u.implied) & wanted),
        key=lambda u: (
            -len(u.concepts & wanted),
            -len(u.implied & wanted),
            SECTION_RANK.get(u.section, 9),
        ),
    )
    evidence = [
        Evidence(
            quote=u.text[:QUOTE_CHARS],
            section=u.section,
            item_id=u.item_id,
            index=u.index,
            label=u.label,
            strength="direct" if strong and u.concepts & wanted else "inferred",
        )
        for u in ranked[:MAX_EVIDENCE]
    ]
    return RequirementMatch(requirement, evidence)
