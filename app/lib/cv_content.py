"""The structured CV: what import produces, the pipeline tailors and designs render.

Stored as JSON in ``CvFile.content``. Experiences, projects, education and extras items carry a
stable ``id`` so the pipeline can key LLM outputs by source item and copy immutable facts back.
Dates are kept as the CV wrote them, normalised where possible to ``YYYY`` or ``YYYY-MM``;
``end`` is ``None`` with ``current=True`` for an ongoing position.
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator


def new_item_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


class _Item(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class Link(_Item):
    label: str = ""
    url: str = ""


class Contact(_Item):
    email: str = ""
    phone: str = ""
    location: str = ""


class Header(_Item):
    name: str = ""
    current_title: str = ""
    contact: Contact = Field(default_factory=Contact)
    links: list[Link] = Field(default_factory=list)


class Evidence(_Item):
    """A complete achievement of the user's bank linked to an experience (app/domain/
    achievements/): the user's own account of what was done there."""

    achievement_id: str
    title: str = ""
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    skills: list[str] = Field(default_factory=list)
    language: str = ""
    # The result written as a CV bullet (no leading "I"): what the offline engine may add.
    bullet: str = ""

    def lines(self) -> list[str]:
        parts = [self.situation, self.task, self.action, self.result, self.bullet]
        return list(dict.fromkeys(p for p in parts if p))


class Experience(_Item):
    id: str = Field(default_factory=lambda: new_item_id("exp"))
    title: str = ""
    company: str = ""
    location: str = ""
    start: str | None = None
    end: str | None = None
    current: bool = False
    description: str = ""
    bullets: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    # Source material for this item only, attached in memory when a generation loads its
    # source CV (jobs/pipeline/bank.py). A private attribute, not a field: never in the stored
    # JSON, nor in the schema a model fills when it reads a CV (app/lib/llm/field_checks.py).
    _evidence: list[Evidence] = PrivateAttr(default_factory=list)

    @property
    def evidence(self) -> list[Evidence]:
        return self._evidence

    def evidence_text(self) -> list[str]:
        """Every line of the achievements attached to this experience."""
        return [line for found in self.evidence for line in (*found.lines(), *found.skills)]


class Project(_Item):
    id: str = Field(default_factory=lambda: new_item_id("proj"))
    name: str = ""
    role: str = ""
    url: str = ""
    start: str | None = None
    end: str | None = None
    description: str = ""
    bullets: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)


def as_project(exp: Experience) -> Project:
    """An experience listed under projects (a side project filed as a job) keeps its own facts
    under the project fields: the pipeline's move and the review's both use this one mapping."""
    return Project(
        id=exp.id,
        name=exp.company or exp.title,
        role=exp.title if exp.company else "",
        start=exp.start,
        end=None if exp.current else exp.end,
        description=exp.description,
        bullets=list(exp.bullets),
        skills=list(exp.skills),
    )


class Education(_Item):
    id: str = Field(default_factory=lambda: new_item_id("edu"))
    institution: str = ""
    degree: str = ""
    field: str = ""
    location: str = ""
    start: str | None = None
    end: str | None = None
    # Still studying ("2023 – present"): printed with the design's word for now, not a bare year.
    current: bool = False
    description: str = ""


class Skill(_Item):
    name: str
    category: str = ""
    level: str = ""

    @field_validator("name")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a skill needs a name")
        return value


class Language(_Item):
    name: str
    level: str = ""


class ExtraItem(_Item):
    id: str = Field(default_factory=lambda: new_item_id("extra"))
    name: str = ""
    issuer: str = ""
    date: str | None = None
    description: str = ""
    url: str = ""


# The extras that are lists of items (interests are plain strings).
EXTRA_GROUPS = ("certifications", "awards", "volunteering", "publications")


def interest_text(name: str, keywords: list[str]) -> str:
    """An interest with its keywords as one string ("Sports: running, chess")."""
    return f"{name}: {', '.join(keywords)}" if keywords else name


def interest_parts(interest: str) -> list[str]:
    """An interest's name then its keywords, where ``interest_text`` wrote them; else the
    interest whole. Each part is one string of the file the interest came from (a JSON
    Resume's ``name`` and ``keywords``): a quote never crosses two of them."""
    name, colon, rest = interest.partition(": ")
    keywords = rest.split(", ")
    if colon and name.strip() and all(k.strip() and k == k.strip() for k in keywords):
        return [name, *keywords]
    return [interest]


class Extras(_Item):
    certifications: list[ExtraItem] = Field(default_factory=list)
    awards: list[ExtraItem] = Field(default_factory=list)
    volunteering: list[ExtraItem] = Field(default_factory=list)
    publications: list[ExtraItem] = Field(default_factory=list)
    interests: list[str] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return not any(
            (self.certifications, self.awards, self.volunteering, self.publications, self.interests)
        )


class CvContent(_Item):
    header: Header = Field(default_factory=Header)
    summary: str = ""
    experience: list[Experience] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    extras: Extras = Field(default_factory=Extras)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> CvContent:
        return cls.model_validate(data or {})

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def is_empty(self) -> bool:
        """True when nothing a recruiter could read was extracted."""
        return not (
            self.summary.strip()
            or self.experience
            or self.projects
            or self.education
            or self.skills
            or not self.extras.is_empty()
        )

    def full_text(self) -> str:
        """Every word of the CV in reading order: the corpus the fact guard checks against."""
        parts: list[str] = [
            self.header.name,
            self.header.current_title,
            self.header.contact.location,
            self.summary,
        ]
        for exp in self.experience:
            parts += [exp.title, exp.company, exp.location, exp.start or "", exp.end or ""]
            parts += [exp.description, *exp.bullets, *exp.skills, *exp.evidence_text()]
        for proj in self.projects:
            parts += [proj.name, proj.role, proj.start or "", proj.end or "", proj.description]
            parts += [*proj.bullets, *proj.skills]
        for edu in self.education:
            parts += [edu.institution, edu.degree, edu.field, edu.location, edu.start or ""]
            parts += [edu.end or "", edu.description]
        parts += [f"{s.name} {s.category} {s.level}" for s in self.skills]
        parts += [f"{lang.name} {lang.level}" for lang in self.languages]
        for group in (
            self.extras.certifications,
            self.extras.awards,
            self.extras.volunteering,
            self.extras.publications,
        ):
            parts += [f"{e.name} {e.issuer} {e.date or ''} {e.description}" for e in group]
        parts += self.extras.interests
        return "\n".join(p for p in parts if p)
