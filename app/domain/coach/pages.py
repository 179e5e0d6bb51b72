"""HTML pages of the STAR coach: the conversations and the start form, one conversation (its
thread, the composer or the guided form's step, the proposal to check at review), and the
page's own event stream, which carries the coach's reply token by token.

Plain forms that work without JavaScript (Post/Redirect/Get); with htmx the composer posts in
place and the thread is re-rendered from the database on each ``coach:updated``, while each
``coach:delta`` appends its piece of text to the reply being written.
"""

from __future__ import annotations

from collections.abc import Awaitable
from html import escape
from typing import Any

from litestar import Controller, get, post
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, ServerSentEvent, ServerSentEventMessage, Template
from redis.asyncio import Redis

from app.db.models.coach import CoachConversation, CoachStatus
from app.domain.coach import services, view
from app.domain.coach.coaching import Coach, Coaching
from app.domain.events.live import page_stream
from app.domain.interview import services as interview
from app.events import COACH_DELTA, COACH_UPDATED
from app.lib.dependencies import (
    AppSettings,
    Channels,
    Db,
    Queue,
    ReadSessions,
    RedisClient,
    SignedIn,
)
from app.lib.errors import AppError
from app.lib.form_flash import is_form_refusal, redirect_back, see_other
from app.lib.input_errors import user_message
from app.lib.name_list import split_names
from app.lib.pages import form_outcome, posted_text, reload_after_rollback
from app.lib.paging import Paging, pager
from app.lib.sse import fragment_message
from app.lib.templating import fragment_context, fragment_template
from app.settings.llm_endpoint import Engine

THREAD = "coach/_partials/thread.html"
COMPOSER = "coach/_partials/composer.html"


async def thread_context(redis: Redis, conversation: CoachConversation) -> dict[str, Any]:
    return {
        "thread": await view.thread(redis, conversation),
        "guide": (
            view.guide(
                conversation.phase,
                picked=services.experience_picked(conversation),
                language=conversation.language,
            )
            if conversation.engine == "offline"
            else None
        ),
        "field_labels": view.FIELD_LABELS,
        "status_labels": view.STATUS_LABELS,
    }


def delta_html(payload: dict[str, Any]) -> str:
    """One piece of the reply, with where it starts and ends in the reply (characters):
    static/js/coach.js appends only what the page does not show yet."""
    text = str(payload.get("text") or "")
    start = int(payload.get("offset") or 0)
    return f'<span data-offset="{start}" data-end="{start + len(text)}">{escape(text)}</span>'


class CoachPages(Controller):
    include_in_schema = False

    @get("/coach")
    async def index(
        self, request: HTMXRequest, user: SignedIn, db: Db, engine: Engine, paging: Paging
    ) -> Template:
        page = await services.conversations_page(db, user.id, paging)
        context = {
            "conversations": page.items,
            "pager": pager(request, page),
            "choices": await services.experience_choices(db, user.id),
            "offline": (await engine()).mode == "offline",
            "status_labels": view.STATUS_LABELS,
            "step_labels": view.STEP_LABELS,
        }
        return Template("coach/index.html", context=context)

    @post("/coach", media_type=MediaType.HTML)
    async def start(
        self, request: HTMXRequest, user: SignedIn, db: Db, queue: Queue, settings: AppSettings
    ) -> Any:
        """The start form, or an interview question's "Practise with the coach" (its
        application and question: the coach opens with the question, on the experience its
        evidence stands in, in the ad's language)."""
        form = await posted_text(request)
        cv_file_id, _, experience_id = (form.get("experience") or "").partition(":")
        practice = None
        try:
            if form.get("application_id") and form.get("question_id"):
                asked = await interview.practice(
                    db, user, form["application_id"], form["question_id"]
                )
                cv_file_id, experience_id = asked.cv_file_id or "", asked.experience_id or ""
                question = asked.question
                practice = {"code": question.code, "params": question.params}
            conversation = await services.start(
                db,
                queue,
                settings,
                user.id,
                cv_file_id=cv_file_id or None,
                experience_id=experience_id or None,
                language=form.get("language"),
                account_language=user.locale,
                practice=practice,
            )
        except AppError as exc:
            if not is_form_refusal(exc):
                raise
            await reload_after_rollback(db, user)
            return redirect_back(request, "/coach", exc)
        return see_other(f"/coach/{conversation.id}")

    @get("/coach/{conversation_id:str}")
    async def show(
        self, user: SignedIn, db: Db, redis: RedisClient, conversation_id: FromPath[str]
    ) -> Template:
        conversation = await services.get(db, user.id, conversation_id)
        return Template("coach/page.html", context=await thread_context(redis, conversation))

    @get("/coach/{conversation_id:str}/stream")
    async def stream(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        read_sessions: ReadSessions,
        channels: Channels,
        redis: RedisClient,
        conversation_id: FromPath[str],
    ) -> ServerSentEvent:
        """The page's only stream: the thread (``coach-thread``) first and after each change
        of this conversation, each piece of the reply being written (``coach-delta``), the task
        centre (``tasks``) and the credit counter (``credits``)."""
        conversation = await services.get(db, user.id, conversation_id)
        user_id, wanted = user.id, conversation.id
        template = fragment_template(request, THREAD)
        context = fragment_context(request)
        await db.commit()  # the stream may last for hours and reads with sessions of its own

        async def thread() -> ServerSentEventMessage:
            async with read_sessions() as session:
                fresh = await services.get(session, user_id, wanted)
                html = template.render(**context, **await thread_context(redis, fresh))
            return fragment_message("coach-thread", html)

        async def initial() -> list[ServerSentEventMessage]:
            return [await thread()]

        async def on_event(name: str, payload: dict[str, Any]) -> list[ServerSentEventMessage]:
            ours = payload.get("conversationId") == wanted
            if ours and name == COACH_DELTA:
                return [fragment_message("coach-delta", delta_html(payload))]
            if ours and name == COACH_UPDATED:
                return [await thread()]
            return []

        return page_stream(request, read_sessions, channels, user_id, initial, on_event)

    async def _attempt(
        self,
        request: HTMXRequest,
        coach: Coaching,
        conversation: CoachConversation,
        work: Awaitable[Any],
        typed: str = "",
    ) -> Any:
        """``work`` (a message sent, a reply asked again) awaited, then the answer box; a
        refusal of the form's (``is_form_refusal``) answered with what was typed."""
        try:
            await work
        except AppError as exc:
            if not is_form_refusal(exc):
                raise
            await reload_after_rollback(coach.db, coach.user, conversation)
            return await self._answer(request, coach.queue.redis, conversation, exc, typed)
        return await self._answer(request, coach.queue.redis, conversation, None)

    async def _answer(
        self,
        request: HTMXRequest,
        redis: Redis,
        conversation: CoachConversation,
        error: AppError | None,
        typed: str = "",
    ) -> Any:
        """htmx: the answer box again (empty, or with the refusal and what was typed); the
        thread follows from the page's stream (``coach:updated``). A plain post: back to the
        page (the refusal and what was typed flashed there)."""
        location = f"/coach/{conversation.id}"
        if not request.htmx:
            if error is None:
                return see_other(location)
            return redirect_back(request, location, error, typed=typed)
        context = await thread_context(redis, conversation)
        if error is not None:
            context.update(error=user_message(error), error_code=error.code, typed=typed)
        return Template(COMPOSER, context={**context, "with_composer": True})

    @post("/coach/{conversation_id:str}/messages", media_type=MediaType.HTML)
    async def send(self, request: HTMXRequest, coach: Coach, conversation_id: FromPath[str]) -> Any:
        conversation = await coach.get(conversation_id)
        text = (await posted_text(request)).get("text") or ""
        return await self._attempt(
            request, coach, conversation, coach.send(conversation, text), text
        )

    @post("/coach/{conversation_id:str}/retry", media_type=MediaType.HTML)
    async def retry(
        self, request: HTMXRequest, coach: Coach, conversation_id: FromPath[str]
    ) -> Any:
        conversation = await coach.get(conversation_id)
        return await self._attempt(request, coach, conversation, coach.ask_again(conversation))

    @post("/coach/{conversation_id:str}/accept", media_type=MediaType.HTML)
    async def accept(
        self, request: HTMXRequest, coach: Coach, conversation_id: FromPath[str]
    ) -> Any:
        """The checked proposal into the bank; a refusal goes back with what was typed."""
        conversation = await coach.get(conversation_id)
        form = await posted_text(request)
        fields: dict[str, Any] = {k: form.get(k, "") for k in view.FIELD_LABELS}
        # Drawn on one line with commas: "R (dplyr, ggplot2)" and a proposed skill are whole.
        proposed = (conversation.proposal or {}).get("skills")
        known = [str(name) for name in proposed] if isinstance(proposed, list) else []
        fields["skills"] = split_names(form.get("skills", ""), known)
        return await _outcome(
            request, coach, conversation, coach.accept(conversation, fields), posted=form
        )

    @post("/coach/{conversation_id:str}/abandon", media_type=MediaType.HTML)
    async def abandon(
        self, request: HTMXRequest, coach: Coach, conversation_id: FromPath[str]
    ) -> Any:
        return await self._set(request, coach, conversation_id, CoachStatus.ABANDONED)

    @post("/coach/{conversation_id:str}/resume", media_type=MediaType.HTML)
    async def resume(
        self, request: HTMXRequest, coach: Coach, conversation_id: FromPath[str]
    ) -> Any:
        return await self._set(request, coach, conversation_id, CoachStatus.ACTIVE)

    async def _set(
        self, request: HTMXRequest, coach: Coaching, conversation_id: str, status: CoachStatus
    ) -> Any:
        conversation = await coach.get(conversation_id)
        return await _outcome(request, coach, conversation, coach.set_status(conversation, status))


async def _outcome(
    request: HTMXRequest,
    coach: Coaching,
    conversation: CoachConversation,
    work: Awaitable[Any],
    **echo: Any,
) -> Redirect:
    """``work`` (an acceptance, a status change) awaited, then back to the conversation's page;
    a refusal of the form's flashed there with ``echo`` (app/lib/pages.py ``form_outcome``)."""
    location = f"/coach/{conversation.id}"

    async def action() -> str:
        await work
        return location

    return await form_outcome(request, coach.db, coach.user, action, location, **echo)
