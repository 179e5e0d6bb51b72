"""Everything one offer's phases need, assembled once per offer (from the database rows by
``jobs/pipeline/offer_setup.py``: no ORM object reaches the core)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

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
