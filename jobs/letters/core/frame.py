"""The parts of a letter that code writes, whatever the engine: its language, the recipient
block, the date line, the subject, the default greeting and closing, and the signature."""

from __future__ import annotations

import datetime

from app.lib.cv_content import CvContent, Experience, Project
from jobs.letters.core import wording
from jobs.letters.core.facts import LetterFacts
from jobs.letters.request import LetterRequest
from jobs.pipeline.core.text import guess_language


def cv_language(cv: CvContent, default: str = "fr") -> str:
    """The language the CV is written in (its sentences, not its names)."""
    parts = [cv.summary, cv.header.current_title]
    items: list[Experience | Project] = [*cv.experience, *cv.projects]
    for item in items:
        parts += [item.description, *item.bullets]
    return guess_language(" ".join(parts), default=default)


def _known(language: str | None) -> str | None:
    return language if language in wording.LANGUAGES else None


def offer_language(request: LetterRequest) -> str:
    """The offer's language: as extracted, else guessed from its text (the CV's on a tie)."""
    fallback = cv_language(request.cv)
    known = _known((request.offer_language or "").strip().lower()[:2])
    text = f"{request.offer_title} {request.offer_text}"
    return known or guess_language(text, default=fallback)


def letter_language(request: LetterRequest, *, engine: str) -> str:
    """The LLM and the offline engine write in the offer's language (a recruiter answers in
    the ad's): the LLM can translate the CV's facts, the offline letter quotes them as
    written inside its own sentences; the template engine in the CV's, since the user's
    template is in the CV's."""
    if engine in ("llm", "offline"):
        return offer_language(request)
    default = _known((request.offer_language or "").strip().lower()[:2]) or "fr"
    return cv_language(request.cv, default=default)


def greeting(facts: LetterFacts, language: str, tone: str) -> str:
    if tone == "warm":
        if facts.company and language == "en":
            return wording.text(language, "greeting.warm", company=facts.company)
        return wording.text(language, "greeting.warm_plain")
    return wording.text(language, "greeting.formal")


def closing(language: str, tone: str) -> str:
    return wording.text(language, "closing.warm" if tone == "warm" else "closing.formal")


def recipient(facts: LetterFacts, language: str) -> list[str]:
    if not facts.company:
        return []
    lines = [wording.text(language, "recipient"), facts.company]
    return [*lines, facts.offer_location] if facts.offer_location else lines


def subject(facts: LetterFacts, language: str) -> str:
    if facts.role:
        return wording.text(language, "subject.role", role=facts.role)
    return wording.text(language, "subject.plain")


def frame_fields(
    facts: LetterFacts, language: str, tone: str, today: datetime.date
) -> dict[str, object]:
    """Every LetterContent field but the paragraphs."""
    return {
        "recipient": recipient(facts, language),
        "date_line": wording.date_line(language, today, facts.city),
        "subject": subject(facts, language),
        "greeting": greeting(facts, language, tone),
        "closing": closing(language, tone),
        "signature": facts.name,
    }
