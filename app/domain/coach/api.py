"""JSON API of the STAR coach: start a conversation, read it (after a reload, on another
device), send a message, ask again after a failed reply, accept the proposed achievement,
abandon or resume. The replies stream on ``/api/events`` as ``coach:delta`` events, then
``coach:updated`` once saved."""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_202_ACCEPTED
from redis.asyncio import Redis

from app.db.models.coach import CoachConversation, CoachStatus
from app.domain.coach import services, view
from app.domain.coach.coaching import Coach, Coaching
from app.domain.coach.schemas import (
    ACCEPT_BODY,
    MESSAGE_BODY,
    Accepted,
    AcceptIn,
    ConversationIn,
    ConversationOut,
    MessageIn,
    conversation_out,
)
from app.lib.dependencies import AppSettings, Db, Queue, RedisClient, SignedIn
from app.lib.i18n import N_, gettext
from app.lib.input_errors import InputError
from app.lib.openapi import documented_body
from app.lib.paging import Paging, listed
from app.lib.web import json_body

BAD_BODY = N_("The request body is not valid: %(reason)s")
B = TypeVar("B", MessageIn, AcceptIn)


async def read_body(request: Request[Any, Any, Any], shape: type[B]) -> B:
    """The JSON body as ``shape``, or 422 ``coach.invalid_body`` saying what is wrong."""
    raw = await json_body(request, code="coach.invalid_json")
    try:
        return msgspec.convert(raw, shape)
    except msgspec.ValidationError as exc:
        raise InputError(BAD_BODY, code="coach.invalid_body", reason=str(exc)) from None


async def _out(redis: Redis, conversation: CoachConversation) -> ConversationOut:
    error = gettext(conversation.error) if conversation.error else None
    return conversation_out(await view.thread(redis, conversation), error)


class CoachApi(Controller):
    path = "/api/coach/conversations"
    tags = ["coach"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @get("/")
    async def list_conversations(
        self, request: Request, user: SignedIn, db: Db, redis: RedisClient, paging: Paging
    ) -> Response[list[ConversationOut]]:
        """Your conversations, the latest changed first, by page."""
        page = await services.conversations_page(db, user.id, paging)
        return listed(request, page.with_items([await _out(redis, c) for c in page.items]))

    @post("/", status_code=HTTP_201_CREATED)
    async def start(
        self,
        user: SignedIn,
        db: Db,
        queue: Queue,
        settings: AppSettings,
        data: JSONBody[ConversationIn],
    ) -> ConversationOut:
        """Start a conversation about one experience of your source CVs (or none). With an LLM
        configured the coach's first message is written by the worker (``writing`` is true);
        without one, the guided form asks its first question at once."""
        conversation = await services.start(
            db,
            queue,
            settings,
            user.id,
            cv_file_id=data.cvFileId,
            experience_id=data.experienceId,
            language=data.language,
            account_language=user.locale,
        )
        return await _out(queue.redis, conversation)

    @get("/{conversation_id:str}")
    async def show(
        self, user: SignedIn, db: Db, redis: RedisClient, conversation_id: FromPath[str]
    ) -> ConversationOut:
        """One conversation as it stands: its messages, phase, the reply being written so far,
        the proposal at review."""
        return await _out(redis, await services.get(db, user.id, conversation_id))

    @post(
        "/{conversation_id:str}/messages",
        status_code=HTTP_202_ACCEPTED,
        operation_class=documented_body("Your message", MESSAGE_BODY),
    )
    async def send(
        self, request: Request[Any, Any, Any], coach: Coach, conversation_id: FromPath[str]
    ) -> ConversationOut:
        """Your answer to the current phase (``{"text": …}``). The phase moves on only when the
        answer is substantive (a few sentences); 409 ``coach.writing`` while the coach's reply
        is being written, ``coach.in_review`` once every phase is answered."""
        conversation = await coach.get(conversation_id)  # 404 before the body
        data = await read_body(request, MessageIn)
        return await _out(coach.queue.redis, await coach.send(conversation, data.text))

    @post("/{conversation_id:str}/retry", status_code=HTTP_202_ACCEPTED)
    async def retry(self, coach: Coach, conversation_id: FromPath[str]) -> ConversationOut:
        """Ask the coach again after its reply failed or was cancelled."""
        conversation = await coach.ask_again(await coach.get(conversation_id))
        return await _out(coach.queue.redis, conversation)

    @post(
        "/{conversation_id:str}/accept",
        status_code=HTTP_201_CREATED,
        operation_class=documented_body("The checked achievement", ACCEPT_BODY),
    )
    async def accept(
        self, request: Request[Any, Any, Any], coach: Coach, conversation_id: FromPath[str]
    ) -> Accepted:
        """Add the proposed achievement, as you checked and edited it, to your bank (complete,
        linked to the conversation's experience). Nothing is added without this call."""
        conversation = await coach.get(conversation_id)  # 404 before the body
        data = await read_body(request, AcceptIn)
        fields = {
            "title": data.title,
            "situation": data.situation,
            "task": data.task,
            "action": data.action,
            "result": data.result,
            "skills": list(data.skills),
        }
        achievement_id = await coach.accept(conversation, fields)
        return Accepted(achievement_id, await _out(coach.queue.redis, conversation))

    @post("/{conversation_id:str}/abandon", status_code=HTTP_200_OK)
    async def abandon(self, coach: Coach, conversation_id: FromPath[str]) -> ConversationOut:
        return await _set(coach, conversation_id, CoachStatus.ABANDONED)

    @post("/{conversation_id:str}/resume", status_code=HTTP_200_OK)
    async def resume(self, coach: Coach, conversation_id: FromPath[str]) -> ConversationOut:
        return await _set(coach, conversation_id, CoachStatus.ACTIVE)


async def _set(coach: Coaching, conversation_id: str, status: CoachStatus) -> ConversationOut:
    conversation = await coach.get(conversation_id)
    await coach.set_status(conversation, status)
    return await _out(coach.queue.redis, conversation)
