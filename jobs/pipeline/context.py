"""Everything one offer's phases need, assembled once per offer."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.db.models import JobOffer
from app.lib.cv_content import CvContent

LANGUAGE_NAMES = {"fr": "French", "en": "English"}


@dataclass(frozen=True, slots=True)
class OfferBrief:
    """The job offer as the pipeline sees it (a copy: no ORM object crosses phases)."""

    id: str | None
    title: str
    company: str
    location: str
    language: str
    description: str
    requirements: list[Any] = field(default_factory=list)
    responsibilities: list[Any] = field(default_factory=list)
    skills: list[Any] = field(default_factory=list)
    languages: list[Any] = field(default_factory=list)

    @classmethod
    def from_row(cls, row: JobOffer, language: str) -> OfferBrief:
        return cls(
            id=row.id,
            title=row.title,
            company=row.company,
            location=row.location,
            language=language,
            description=row.description,
            requirements=list(row.requirements or []),
            responsibilities=list(row.responsibilities or []),
            skills=list(row.skills or []),
            languages=list(row.languages or []),
        )

    def as_prompt_data(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "company": self.company,
            "location": self.location,
            "requirements": self.requirements,
            "responsibilities": self.responsibilities,
            "skills": self.skills,
            "languages": self.languages,
            "description": self.description[:12000],
        }

    def full_text(self) -> str:
        parts = [self.title, self.description, *map(str, self.requirements)]
        parts += [*map(str, self.responsibilities), *map(str, self.skills)]
        parts += [json.dumps(x, ensure_ascii=False) for x in self.languages]
        return "\n".join(parts)


@dataclass(frozen=True, slots=True)
class OfferContext:
    task_id: str
    offer_row_id: str  # CvGenerationOffer.id
    offer_index: int
    total_offers: int
    user_id: str
    source: CvContent
    offer: OfferBrief
    language: str
    today: date

    @property
    def language_name(self) -> str:
        return LANGUAGE_NAMES.get(self.language, self.language)
