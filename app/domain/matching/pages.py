"""HTML of match analyses: the offer page's panel (swapped by htmx when another CV is chosen)
and a tailored CV's analysis on a page of its own (linked from the generation page)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from litestar import Controller, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template

from app.domain.matching.services import MatchService, answer, provide_matching
from app.domain.matching.view import match_view, offer_match_context
from app.lib.dependencies import SignedIn
from app.lib.errors import AppError
from app.lib.form_flash import back_to_referer, is_form_refusal, see_other
from app.lib.i18n import gettext
from app.lib.pages import posted_text


class MatchPages(Controller):
    include_in_schema = False
    dependencies = {"matching": Provide(provide_matching)}  # noqa: RUF012 - Litestar's attribute

    @get("/offers/{offer_id:str}/match")
    async def offer_panel(
        self,
        request: HTMXRequest,
        user: SignedIn,
        matching: NamedDependency[MatchService],
        offer_id: FromPath[str],
        cv: FromQuery[str | None] = None,
    ) -> Template | Redirect:
        """The panel alone for htmx; a browser without JS gets the offer page instead."""
        context = await offer_match_context(matching, user, offer_id, cv or None)
        chosen = context["chosen_cv_id"]
        page = f"/offers/{offer_id}" + (f"?{urlencode({'cv': chosen})}" if chosen else "")
        if not request.htmx:
            return Redirect(f"{page}#match-panel")
        # The address bar names the CV shown, so a reload or a shared link shows it again.
        return Template("matching/_panel.html", context=context, headers={"HX-Push-Url": page})

    @post("/offers/{offer_id:str}/match/answers")
    async def answer_requirement(
        self,
        request: HTMXRequest,
        user: SignedIn,
        matching: NamedDependency[MatchService],
        offer_id: FromPath[str],
    ) -> Template | Redirect:
        """A missing requirement answered with a fact of the user's own (``services.answer``):
        htmx gets the panel again, with the answer in the bank; a browser without JS goes back
        to the offer page."""
        values = await posted_text(request)
        requirement_id = values.get("requirement_id", "")
        cv_id = values.get("cv") or None
        try:
            answered = await answer(
                matching, user, offer_id, requirement_id, values.get("statement", ""),
                values.get("experience_id") or None, cv_id,
            )  # fmt: skip
        except AppError as exc:
            if not is_form_refusal(exc) or not request.htmx:
                if not is_form_refusal(exc):
                    raise
                return back_to_referer(request, f"/offers/{offer_id}", exc)
            context = await offer_match_context(matching, user, offer_id, cv_id)
            context["answer_error"] = {"id": requirement_id, "message": gettext(exc.detail)}
            context["answer_statement"] = values.get("statement", "")
            return Template("matching/_panel.html", context=context)
        chosen = answered.match.source.id
        page = f"/offers/{offer_id}?{urlencode({'cv': chosen})}"
        if not request.htmx:
            return see_other(f"{page}#match-panel")
        context = await offer_match_context(matching, user, offer_id, chosen)
        context["answered_id"] = requirement_id
        return Template("matching/_panel.html", context=context)

    @get("/cvs/{cv_id:str}/match")
    async def generated_page(
        self, user: SignedIn, matching: NamedDependency[MatchService], cv_id: FromPath[str]
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
