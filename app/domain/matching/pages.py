"""HTML of match analyses: the offer page's panel (swapped by htmx when another CV is chosen)
and a tailored CV's analysis on a page of its own (linked from the generation page)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from litestar import Controller, Request, get
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, User
from app.domain.cvs.services import display_name
from app.domain.matching.services import MatchService, provide_matching
from app.domain.matching.view import match_view
from app.lib.errors import AppError
from app.lib.i18n import gettext
from app.lib.web import from_htmx

# Not the user's to choose around: the page itself answers 404 for these.
OWNERSHIP_CODES = frozenset({"offer.not_found"})


async def offer_match_context(
    matching: MatchService, user: User, offer_id: str, cv_id: str | None
) -> dict[str, Any]:
    """The panel and the CV choice of the offer page. Anything that keeps the analysis from
    being made (no CV yet, a CV still importing, the offer still being read) is said in the
    panel; another user's offer stays a 404."""
    sources = await matching.source_cvs(user)
    context: dict[str, Any] = {
        "match": None,
        "match_error": None,
        "source_cvs": sources,
        "cv_names": {cv.id: display_name(cv) for cv in sources},
        "chosen_cv_id": cv_id or (sources[0].id if sources else None),
    }
    try:
        found = await matching.for_offer(user, offer_id, cv_id)
    except AppError as exc:
        if exc.code in OWNERSHIP_CODES:
            raise
        context["match_error"] = gettext(exc.detail)
        return context
    context["match"] = match_view(found.analysis)
    context["chosen_cv_id"] = found.source.id
    return context


async def generated_match_context(db: AsyncSession, user: User, cv: CvFile) -> dict[str, Any]:
    """The panel of a tailored CV against its offer (the changes view); none for a source CV,
    and a message instead when its offer was deleted."""
    context: dict[str, Any] = {"match": None, "match_error": None}
    if cv.kind != "generated":
        return context
    try:
        found = await MatchService(db).for_generated(user, cv.id)
    except AppError as exc:
        context["match_error"] = gettext(exc.detail)
    else:
        context["match"] = match_view(found.analysis, source_missing=found.source_missing)
    return context


class MatchPages(Controller):
    include_in_schema = False
    dependencies = {"matching": Provide(provide_matching)}  # noqa: RUF012 - Litestar's attribute

    @get("/offers/{offer_id:str}/match")
    async def offer_panel(
        self,
        request: Request[Any, Any, Any],
        user: NamedDependency[User],
        matching: NamedDependency[MatchService],
        offer_id: FromPath[str],
        cv: FromQuery[str | None] = None,
    ) -> Template | Redirect:
        """The panel alone for htmx; a browser without JS gets the offer page instead."""
        context = await offer_match_context(matching, user, offer_id, cv or None)
        chosen = context["chosen_cv_id"]
        page = f"/offers/{offer_id}" + (f"?{urlencode({'cv': chosen})}" if chosen else "")
        if not from_htmx(request):
            return Redirect(f"{page}#match-panel")
        # The address bar names the CV shown, so a reload or a shared link shows it again.
        return Template("matching/_panel.html", context=context, headers={"HX-Push-Url": page})

    @get("/cvs/{cv_id:str}/match")
    async def generated_page(
        self,
        user: NamedDependency[User],
        matching: NamedDependency[MatchService],
        cv_id: FromPath[str],
    ) -> Template:
        """A tailored CV against the offer it was made for."""
        context: dict[str, Any] = {"match": None, "match_error": None, "cv_id": cv_id}
        try:
            found = await matching.for_generated(user, cv_id)
        except AppError as exc:
            if exc.code == "cv.not_found":
                raise
            context["match_error"] = gettext(exc.detail)
        else:
            context["match"] = match_view(found.analysis, source_missing=found.source_missing)
            context["offer"] = found.offer
        return Template("matching/page.html", context=context)
