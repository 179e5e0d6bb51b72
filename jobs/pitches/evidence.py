"""What a pitch may state: the CV's facts (the source CV's, for a tailored one) and the user's
complete achievements, checked by the letters' guard (jobs/letters/core/guard.py).

The achievements join the CV as projects of their own (their title, their four STAR parts and
their skills), so the guard's every check (numbers, names, skills, durations, titles in lower
case) reads them as source. Besides that, only the target's names are allowed: the offer's
title, company and location, or the short free context the user typed.
"""

from __future__ import annotations

from app.lib.cv_content import CvContent, Project
from jobs.letters.core.guard import MAX_NAME, LetterGuard, offer_allowed
from jobs.pitches import wording
from jobs.pitches.request import PitchRequest


def evidence_cv(request: PitchRequest) -> CvContent:
    """The facts CV: the CV plus one project per complete achievement."""
    base = request.facts_cv
    stories = [
        Project(
            name=story.title,
            description=story.sentences_text(),
            skills=list(story.skills),
        )
        for story in request.stories
    ]
    return base.model_copy(update={"projects": [*base.projects, *stories]})


def target_context(request: PitchRequest) -> str:
    """The free context as a name the pitch may say (one short line), "" when too long."""
    context = " ".join(request.context.split())
    return context if 0 < len(context) <= MAX_NAME else ""


def pitch_guard(request: PitchRequest, language: str) -> LetterGuard:
    context = target_context(request)
    allowed = offer_allowed(request.offer_title, request.offer_company, request.offer_location)
    allowed = "\n".join(p for p in (allowed, context, wording.vocabulary_text()) if p)
    names = [request.offer_title, request.offer_company, request.offer_location, context]
    return LetterGuard(evidence_cv(request), language, allowed, [n for n in names if n])
