"""The job offer a letter or a pitch is written for, as both writers' requests carry it
(jobs/letters/request.py, jobs/pitches/request.py), and the CV whose facts they may state: what
their prompts give the model of the offer, and what the offer asks for (the ranking of the CV's
lines by relevance, jobs/letters/core/facts.py and jobs/pitches/offline.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText
from app.lib.matching.relevance import OfferNeeds


class Targeted(Protocol):
    """A writer's request: the offer's fields ("" for a pitch written for a context)."""

    @property
    def offer_title(self) -> str: ...
    @property
    def offer_company(self) -> str: ...
    @property
    def offer_location(self) -> str: ...
    @property
    def offer_text(self) -> str: ...  # its description, as extracted
    @property
    def offer_requirements(self) -> Sequence[str]: ...


def offer_data(request: Targeted, max_chars: int) -> dict[str, Any]:
    """The offer as a prompt's data block gives it: its description cut to ``max_chars`` (an
    offer pasted with its whole page: the start says what matters)."""
    return {
        "title": request.offer_title,
        "company": request.offer_company,
        "location": request.offer_location,
        "requirements": list(request.offer_requirements),
        "description": request.offer_text[:max_chars],
    }


def offer_needs(request: Targeted, language: str | None) -> OfferNeeds:
    """What the offer asks for, read in ``language`` (English when unknown)."""
    return OfferNeeds(
        OfferText(
            title=request.offer_title,
            company=request.offer_company,
            description=request.offer_text,
            requirements=list(request.offer_requirements),
            language=language or "en",
        )
    )


class FromCv:
    """A request written from ``cv``: its facts are those of ``source``, the CV it was tailored
    from, when known (the fact guard holds every sentence to them, as for the tailored CV)."""

    cv: CvContent
    source: CvContent | None

    @property
    def facts_cv(self) -> CvContent:
        return self.source if self.source is not None else self.cv
