"""HTML of match analyses: the offer page's panel (swapped by htmx when another CV is chosen)
and a tailored CV's analysis on a page of its own (linked from the generation page)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from litestar import Controller, get
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template

from app.domain.matching.services import MatchService, provide_matching
from app.domain.matching.view import match_view, offer_match_context
from app.lib.dependencies import SignedIn
from app.lib.errors import AppError
from app.lib.i18n import gettext


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
