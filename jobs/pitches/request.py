"""What the pitch writer is given, and what it gives back (jobs/pitch_jobs.py stores it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import CvContent
from jobs.letters.core.target import FromCv

KINDS = ("30s", "3min")
# Words a pitch aims at, and the most it may have: ~75 words is 30 seconds spoken, ~400 words
# 3 minutes, at the speaking rate of app/domain/pitches/speech.py.
TARGET_WORDS = {"30s": 75, "3min": 400}
MAX_WORDS = {"30s": 90, "3min": 450}


@dataclass(frozen=True)
class Story:
    """One complete achievement of the user's bank, in the user's own words (STAR)."""

    title: str
    situation: str
    task: str
    action: str
    result: str
    skills: tuple[str, ...] = ()

    def sentences_text(self) -> str:
        return "\n".join(p for p in (self.situation, self.task, self.action, self.result) if p)


@dataclass(frozen=True)
class PitchRequest(FromCv):
    cv: CvContent  # the CV the pitch is written from
    kind: str  # "30s" | "3min"
    language: str  # "fr" | "en": the language asked for
    stories: tuple[Story, ...] = ()
    offer_title: str = ""
    offer_company: str = ""
    offer_location: str = ""
    offer_text: str = ""
    offer_requirements: tuple[str, ...] = ()
    context: str = ""  # the free target the user typed when there is no offer
    # The source CV a tailored CV was made from (its facts are the guard's, as for letters).
    source: CvContent | None = None


@dataclass
class WrittenPitch:
    text: str
    language: str
    engine: str  # "llm" | "offline"
    # verifiedClaims, repairedClaims, droppedClaims (int); dropped: [{"text", "reason", ...}];
    # words; model ("" offline); fallback (why the offline pitch replaced the model's).
    meta: dict[str, Any] = field(default_factory=dict)
