"""analyse(): the match analysis of one (source CV, offer[, tailored CV]) pair. See model.py."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.matching.model import MatchAnalysis


@dataclass(frozen=True, slots=True)
class OfferText:
    """The offer as the matcher reads it (built from a JobOffer row or the pipeline's brief)."""

    title: str = ""
    description: str = ""
    requirements: list[str] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    languages: list[Any] = field(default_factory=list)  # strings or {"name", "level"} dicts
    language: str = "en"


def analyse(
    source: CvContent,
    offer: OfferText,
    tailored: CvContent | None = None,
    hidden: Collection[str] = (),
) -> MatchAnalysis:
    """``hidden``: bullet keys (``"<item id>:<index>"``) the render cut from ``tailored``."""
    raise NotImplementedError  # being written now; the shapes in model.py are final
