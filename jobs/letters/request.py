"""What the letter writer is given, and what it gives back (the backend's job stores it)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.letter_content import LetterContent
from jobs.letters.core.target import FromCv


@dataclass(frozen=True)
class LetterRequest(FromCv):
    cv: CvContent  # the CV the letter is written from (usually the tailored one)
    offer_title: str
    offer_company: str
    offer_location: str
    offer_text: str  # the offer's description, as extracted
    offer_requirements: list[str]
    offer_language: str | None  # "fr" / "en" when known
    length: str  # "short" | "standard"
    tone: str  # "formal" | "warm"
    template: str  # the user's own template ("" = none): app/lib/letter_template.py
    today: datetime.date
    # The source CV the letter's CV was tailored from (None: the letter's CV is a source CV, or
    # its source was deleted). The fact guard allows its facts, not the tailored CV's.
    source: CvContent | None = None


@dataclass
class WrittenLetter:
    content: LetterContent
    language: str  # "fr" | "en"
    engine: str  # "llm" | "offline" | "template"
    # verifiedClaims, repairedClaims, droppedClaims (int); dropped: [{"text", "reason"}];
    # model ("" without LLM); fallback (why the offline paragraphs were used, when they were).
    meta: dict[str, Any] = field(default_factory=dict)
