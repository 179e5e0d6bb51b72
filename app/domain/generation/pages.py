"""Generation pages: the "Generate" form target and the live per-offer progress page."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from litestar import Controller, get, post
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, ServerSentEvent, ServerSentEventMessage, Template

from app.db.models import CvGenerationTask
from app.domain.ats.view import moves_verdicts
from app.domain.events.live import page_stream
from app.domain.generation.gates import ConfirmFirst
from app.domain.generation.services import (
    GenerationRequest,
    cancel_generation,
    create_generation,
    generations_page,
    get_generation,
)
from app.domain.generation.view import STATUS_LABELS, page_state, run_summaries, source_of
from app.events import COVER_LETTER_UPDATED, TASK_UPDATED
from app.lib.dependencies import AppSettings, Arq, Channels, Db, ReadSessions, SignedIn
from app.lib.errors import AppError, ValidationFailed
from app.lib.form_flash import (
    back_to_referer,
    is_form_refusal,
    redirect_back,
    referer_location,
    see_other,
)
from app.lib.i18n import N_
from app.lib.input_errors import user_message
from app.lib.paging import Paging, pager
from app.lib.sse import fragment_message
from app.lib.templating import fragment_context, fragment_template
from app.settings.llm_endpoint import Engine

NOTHING_TICKED = N_(
    "Tick at least one offer above: nothing was started, and your choices are kept."
)


class GenerationPages(Controller):
    include_in_schema = False

    @post("/generations", media_type=MediaType.HTML)
    async def start(
        self, request: HTMXRequest, user: SignedIn, db: Db, settings: AppSettings, arq: Arq
    ) -> Any:
        # Read the form by hand: one ticked checkbox arrives as a single value, several as many.
        form = await request.form()
        misread_ok = str(form.get("misread_ok") or "") == "1"
        req = GenerationRequest(
            source_cv_id=str(form.get("source_cv_id") or "") or None,
            job_offer_ids=[str(v) for v in form.getall("job_offer_ids", []) if v],
            mode=str(form.get("mode") or "adapt"),
            language=str(form.get("language") or "") or None,
            with_letters=str(form.get("withLetters") or "") in ("true", "on", "1"),
            # "Generate anyway" on one of the two questions below: for this run only.
            misread_confirmed=misread_ok,
            offers_confirmed=str(form.get("offers_ok") or "") == "1",
        )
        try:
            if not req.job_offer_ids:
                raise ValidationFailed(NOTHING_TICKED, code="generation.no_offer_ticked")
            task = await create_generation(db, arq, settings, user, req)
        except ConfirmFirst as asked:
            # The service's question, asked as a page: the CV first, then the offers.
            if asked.misread:
                context = {"request_data": req, "misread": asked.misread}
                return Template("generation/confirm_misread.html", context=context)
            context = {"request_data": req, "doubted": asked.doubted, "misread_ok": misread_ok}
            return Template("generation/confirm_offers.html", context=context)
        except AppError as exc:
            if not is_form_refusal(exc):
                raise  # another user's CV or offer: the 404 page
            await db.rollback()
            location = referer_location(request, "/offers")
            if urlsplit(location).path == "/offers":
                # The form again, as it was posted, with what was missing: never a dead end.
                return redirect_back(
                    request,
                    location,
                    generate_error=user_message(exc),
                    generate_error_code=exc.code,
                    picked=list(req.job_offer_ids),
                    chosen_cv_id=req.source_cv_id or "",
                    with_letters=req.with_letters,
                )
            # Back to the form's other pages (an offer, the inbox), the error on top.
            return back_to_referer(request, "/offers", exc)
        return see_other(f"/generations/{task.id}")

    @get("/generations")
    async def history(
        self, request: HTMXRequest, user: SignedIn, db: Db, paging: Paging
    ) -> Template:
        page = await generations_page(db, user.id, paging)
        tasks = page.items
        context = {
            "tasks": tasks,
            "pager": pager(request, page),
            "runs": await run_summaries(db, tasks),
            "status_labels": STATUS_LABELS,
        }
        return Template("generation/list.html", context=context)

    @get("/generations/{task_id:str}")
    async def show(
        self, user: SignedIn, db: Db, engine: Engine, task_id: FromPath[str]
    ) -> Template:
        task = await get_generation(db, user, task_id)
        context = await page_state(db, task)
        context["engine"] = await engine()
        context["source"] = await source_of(db, task)
        return Template("generation/page.html", context=context)

    @get("/generations/{task_id:str}/panel")
    async def panel(self, user: SignedIn, db: Db, task_id: FromPath[str]) -> Template:
        """The live part alone: the polling fallback and the SSE stream render this."""
        task = await get_generation(db, user, task_id)
        return Template("generation/_partials/panel.html", context=await page_state(db, task))

    @post("/generations/{task_id:str}/cancel")
    async def cancel(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        read_sessions: ReadSessions,
        arq: Arq,
        task_id: FromPath[str],
    ) -> Template | Redirect:
        await cancel_generation(db, arq, user, task_id)
        if request.htmx:
            # The page's Cancel posts with htmx: the fresh panel, morphed in place. Rendered
            # with a read session: the cancel is committed, and a write transaction here would
            # queue on SQLite behind the worker that is stopping.
            async with read_sessions() as reader:
                task = await get_generation(reader, user, task_id)
                context = await page_state(reader, task)
            return Template("generation/_partials/panel.html", context=context)
        return see_other(f"/generations/{task_id}")

    @get("/generations/{task_id:str}/stream")
    async def stream(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        read_sessions: ReadSessions,
        channels: Channels,
        task_id: FromPath[str],
    ) -> ServerSentEvent:
        """HTML fragments for ``sse-swap="panel"``: the current state first, then after each
        event of this task the panel re-rendered from the database (never from the event).
        It is the page's only stream, so it also carries the task centre (``tasks``) and
        the header's credit counter (``credits``)."""
        task = await get_generation(db, user, task_id)
        user_id = user.id
        template = fragment_template(request, "generation/_partials/panel.html")
        # csrf_input too: the panel's cancel form is a plain form post.
        context = fragment_context(request)

        async def panel() -> ServerSentEventMessage:
            # Re-renders only read: never queue behind the worker's writes for the SQLite lock.
            async with read_sessions() as session:
                fresh = await session.get(CvGenerationTask, task.id)
                assert fresh is not None
                html = template.render(**context, **(await page_state(session, fresh)))
            return fragment_message("panel", html)

        # End the request's transaction first: the stream may last for hours and renders with
        # sessions of its own.
        await db.commit()

        async def initial() -> list[ServerSentEventMessage]:
            return [await panel()]

        async def on_event(name: str, payload: dict[str, Any]) -> list[ServerSentEventMessage]:
            related = (
                payload.get("taskId") == task.id
                or (
                    name == TASK_UPDATED
                    and task.background_task_id is not None
                    and payload.get("id") == task.background_task_id
                )
                # A letter appeared or changed: its link in the offer's row.
                or name == COVER_LETTER_UPDATED
                # An ATS check started or ended: the rows' verdicts (the panel is their only
                # writer: templates/ats/_partials/row_verdict.html).
                or (name == TASK_UPDATED and moves_verdicts(payload))
            )
            return [await panel()] if related else []

        return page_stream(request, read_sessions, channels, user_id, initial, on_event)
