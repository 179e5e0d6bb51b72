"""Account page forms of a user's own AI endpoint: save, test, remove (Post/Redirect/Get).

Saving tests the endpoint first; a failing one is saved only on a second post that says "Save
anyway". A refused form comes back with its message and the typed URL and models, never the key
(app/lib/form_flash.py keeps what it is given: the key is left out here), so a "Save anyway"
after a key was typed asks for it again."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from litestar import Controller, post
from litestar.enums import MediaType
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template

from app.domain.ai_endpoint.own import Own
from app.domain.ai_endpoint.services import (
    KEY_AGAIN_FIELD,
    KEY_FIELD,
    check_key_again,
    parse_form,
)
from app.lib.errors import AppError
from app.lib.form_flash import redirect_back
from app.lib.i18n import N_
from app.lib.input_errors import user_message
from app.lib.pages import posted_text

BACK = "/account#ai-endpoint"
SAVED = N_("Your AI endpoint is saved: your AI work uses it from now on.")
SAVED_TESTED = N_(
    "Your AI endpoint is saved: it answered the connection test, and your AI work uses it "
    "from now on."
)
REMOVED = N_("Your AI endpoint is removed: your AI work uses the site's again.")


def _typed(form: dict[str, str]) -> dict[str, str]:
    """The form as it was typed, for the page to show back: never the key."""
    return {k: v for k, v in form.items() if k != KEY_FIELD and k != "_csrf_token"}


class AiEndpointPages(Controller):
    path = "/account/ai-endpoint"
    include_in_schema = False

    @post("/", media_type=MediaType.HTML)
    async def save(self, request: HTMXRequest, own_endpoint: Own) -> Redirect:
        """Test the typed endpoint first (the connection test, its limit included): a failing
        one is saved only on a second, explicit "Save anyway"."""
        form = await posted_text(request)
        parsed = parse_form(form)
        try:
            if parsed.save_untested:
                check_key_again(form, parsed)
            else:
                report, model = await own_endpoint.test(parsed)
                if not report.ok:  # nothing saved: the page warns and offers "Save anyway"
                    # The report's English message may quote the server: the page words its code.
                    return redirect_back(
                        request,
                        BACK,
                        ai_unsaved=True,
                        ai_typed=_typed(form),
                        ai_key_typed=bool(parsed.api_key),
                        ai_report={**asdict(report), "message": ""},
                        ai_tested_model=model,
                    )
            await own_endpoint.save(parsed)
        except AppError as exc:
            await own_endpoint.db.rollback()
            # A refused "Save anyway" still offers it (and still asks for the key again).
            again = parsed.save_untested
            return redirect_back(
                request,
                BACK,
                exc,
                ai_typed=_typed(form),
                ai_unsaved=again,
                ai_key_typed=again and bool(form.get(KEY_AGAIN_FIELD)),
            )
        return redirect_back(request, BACK, notice=SAVED if parsed.save_untested else SAVED_TESTED)

    @post("/test", media_type=MediaType.HTML)
    async def test(self, request: HTMXRequest, own_endpoint: Own) -> Any:
        """Test the typed values (the stored key when none is typed); nothing is saved."""
        form = await posted_text(request)
        try:
            report, model = await own_endpoint.test(parse_form(form))
        except AppError as exc:
            await own_endpoint.db.rollback()
            if request.htmx:
                refused = {"message": user_message(exc), "code": exc.code}
                return Template("accounts/_partials/ai_endpoint_refused.html", context=refused)
            return redirect_back(request, BACK, exc, ai_typed=_typed(form))
        if request.htmx:
            return Template(
                "admin/_partials/connection.html", context={"report": report, "model": model}
            )
        # The report's English message may quote the server: the page words the code instead.
        shown = {**asdict(report), "message": ""}
        tested: dict[str, Any] = {"ai_report": shown, "ai_tested_model": model}
        return redirect_back(request, BACK, ai_typed=_typed(form), **tested)

    @post("/delete", media_type=MediaType.HTML)
    async def remove(self, request: HTMXRequest, own_endpoint: Own) -> Redirect:
        await own_endpoint.remove()
        return redirect_back(request, BACK, notice=REMOVED)
