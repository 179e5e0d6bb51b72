"""HTML pages of the interview prep: the application's "Prepare the interview" page (the
questions by kind, each with the user's evidence and a form to practise it with the coach), its
questions as a fragment (one kind at a time: htmx swaps it in place, a plain link reloads the
page), and the application page's summary of it. Everything through ``services.interview_prep``,
the JSON API's service."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get
from litestar.params import FromPath, FromQuery
from litestar.response import Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.domain.applications import services as applications
from app.domain.interview.questions import KINDS
from app.domain.interview.services import interview_prep
from app.domain.interview.view import shown
from app.domain.offers import services as offers
from app.lib.dependencies import Db, SignedIn
from app.lib.errors import AppError
from app.lib.input_errors import user_message

QUESTIONS = "interview/_partials/questions.html"


async def prep_context(
    db: AsyncSession, user: User, application_id: str, kind: str = ""
) -> dict[str, Any]:
    """The page's context; a prep that cannot be made yet (no CV imported, the offer still
    being read) is said on the page, not as an error page."""
    application = await applications.get_application(db, user.id, application_id)  # 404
    offer = await offers.get_offer(db, user.id, application.job_offer_id)
    context: dict[str, Any] = {
        "application": application,
        "offer": offer,
        "title": offers.title_and_company(offer),
        "kinds": KINDS,
        "kind": kind if kind in KINDS else "",
        "prep": None,
        "groups": [],
        "prep_error": None,
    }
    try:
        found = await interview_prep(db, user, application_id)
    except AppError as exc:
        context["prep_error"] = user_message(exc)
        return context
    groups = shown(found.prep)
    context.update(
        prep=found,
        all_groups=groups,
        groups=[g for g in groups if not context["kind"] or g.kind == context["kind"]],
    )
    return context


class InterviewPrepPages(Controller):
    include_in_schema = False
    path = "/applications/{application_id:str}/interview-prep"

    @get("/")
    async def page(
        self, user: SignedIn, db: Db, application_id: FromPath[str], kind: FromQuery[str] = ""
    ) -> Template:
        context = await prep_context(db, user, application_id, kind)
        return Template("interview/page.html", context=context)

    @get("/questions")
    async def questions(
        self, user: SignedIn, db: Db, application_id: FromPath[str], kind: FromQuery[str] = ""
    ) -> Template:
        """The questions of one kind (all without ``kind``): the content of ``#prep-questions``."""
        context = await prep_context(db, user, application_id, kind)
        return Template(QUESTIONS, context=context)

    @get("/summary")
    async def summary(self, user: SignedIn, db: Db, application_id: FromPath[str]) -> Template:
        """How many questions of each kind and how many lack evidence: the application page's
        "Prepare the interview" section, loaded after the page."""
        context = await prep_context(db, user, application_id)
        return Template("interview/_partials/summary.html", context=context)
