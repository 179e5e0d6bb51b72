"""Interview prep for an application: the one service the page, the JSON API, the exports, MCP
and the coach's "practise this question" call.

Computed on demand, never stored: the match ledger (the offer page's, through
``MatchService.for_offer``, cached by the matcher) and the achievements bank attached to the CV
it reads are the whole input, so the prep follows every change of the CV, the offer or the bank
without a table to keep in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Application, CvFile, JobOffer, User
from app.domain.applications import services as applications
from app.domain.interview.questions import Prep, Question, build_prep
from app.domain.matching.services import MatchService, offer_text, with_bank
from app.domain.offers import services as offers
from app.lib.errors import NotFound
from app.lib.i18n import N_, SUPPORTED_LOCALES


@dataclass(frozen=True, slots=True)
class InterviewPrep:
    application: Application
    offer: JobOffer
    cv: CvFile  # the CV the ledger read (the source CV last tailored for this offer)
    prep: Prep

    @property
    def language(self) -> str:
        return self.prep.language


def ad_language(offer: JobOffer) -> str:
    """The ad's language, as the matcher reads it (English when it is neither French nor
    English)."""
    language = offer_text(offer).language
    return language if language in SUPPORTED_LOCALES else "en"


async def interview_prep(db: AsyncSession, user: User, application_id: str) -> InterviewPrep:
    """The questions the application's offer will likely bring, with the user's evidence."""
    application = await applications.get_application(db, user.id, application_id)
    match = await MatchService(db).for_offer(user, application.job_offer_id)
    content = await with_bank(db, match.source)
    offer = match.offer
    prep = build_prep(
        match.analysis,
        content,
        language=ad_language(offer),
        company=offer.company or "",
        role=offers.display_title(offer),
    )
    return InterviewPrep(application, offer, match.source, prep)


@dataclass(frozen=True, slots=True)
class Practice:
    """A question to practise with the coach: what the coach opens the conversation with."""

    question: Question
    language: str
    cv_file_id: str | None  # a source CV and one of its experiences, or neither
    experience_id: str | None


async def practice(db: AsyncSession, user: User, application_id: str, question_id: str) -> Practice:
    found = await interview_prep(db, user, application_id)
    question = found.prep.find(question_id)
    if question is None:
        raise NotFound(
            N_("This question is no longer in the prep: reload the page."),
            code="interview.question_not_found",
        )
    linked = question.experience_id if found.cv.kind == "source" else None
    return Practice(question, found.language, found.cv.id if linked else None, linked)
