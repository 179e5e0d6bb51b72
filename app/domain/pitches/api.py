"""JSON API of pitches: ask for one, read, list, edit, set or unset the default, delete."""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec
from litestar import Controller, Request, Response, get, post, put
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_201_CREATED

from app.domain.pitches import services
from app.domain.pitches.schemas import (
    DefaultIn,
    PitchCreated,
    PitchEdit,
    PitchIn,
    PitchOut,
    pitch_out,
)
from app.lib.dependencies import AppSettings, Db, Queue, SignedIn
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.paging import Paging, listed
from app.lib.row_out import row_out
from app.lib.web import json_body

T = TypeVar("T")
TEXT_EXPECTED = N_('Send {"text": "…"}: the pitch as you want it.')
DEFAULT_EXPECTED = N_('Send {"isDefault": true} or {"isDefault": false}.')


async def _body(request: Request[Any, Any, Any], shape: type[T], message: str) -> T:
    """The JSON body as ``shape`` (a msgspec Struct), or 422 with ``message``."""
    raw = await json_body(request, code="pitch.invalid_body", message=message)
    try:
        return msgspec.convert(raw, shape)
    except msgspec.ValidationError:
        raise InputError(message, code="pitch.invalid_body") from None


class PitchApi(Controller):
    path = "/api/pitches"
    tags = ["pitches"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @post("/", status_code=HTTP_201_CREATED)
    async def create(
        self, user: SignedIn, db: Db, queue: Queue, settings: AppSettings, data: JSONBody[PitchIn]
    ) -> PitchCreated:
        """Write a 30-second (``"30s"``, ~75 words) or 3-minute (``"3min"``, ~400 words) pitch
        from one of your CVs and your complete achievements, for one of your offers or a
        one-line context. Every sentence is held to the CV and the achievements: one that is
        not is dropped (counted in ``meta.droppedClaims``). Free unless an admin set a cost
        (``feature_cost_pitch``): then 403 ``credits.insufficient`` when the balance is too low,
        and nothing is created."""
        pitch = await services.request_pitch(
            db,
            queue,
            user,
            cv_file_id=data.cvFileId,
            kind=data.kind,
            job_offer_id=data.jobOfferId or "",
            context=data.context,
            language=data.language,
            settings=settings,
            device_id=data.deviceId,
        )
        return row_out(PitchCreated, pitch, taskId=pitch.background_task_id)

    @get("/")
    async def list_pitches(
        self, request: Request, user: SignedIn, db: Db, paging: Paging
    ) -> Response[list[PitchOut]]:
        """Your pitches, the default first, then the newest, by page; each with its word count
        and its speaking time at ``wordsPerMinute``."""
        page = paging.slice(await services.list_pitches(db, user))
        return listed(request, page.map(pitch_out))

    @get("/{pitch_id:str}")
    async def read(self, user: SignedIn, db: Db, pitch_id: FromPath[str]) -> PitchOut:
        return pitch_out(await services.get_pitch(db, user, pitch_id))

    @put("/{pitch_id:str}")
    async def update(
        self, user: SignedIn, db: Db, request: Request[Any, Any, Any], pitch_id: FromPath[str]
    ) -> PitchOut:
        """Save your edit of a written pitch, ``{"text": "…"}`` (paragraphs separated by a
        blank line; 409 while it is being written)."""
        await services.get_pitch(db, user, pitch_id)  # 404 before the body's errors
        edit = await _body(request, PitchEdit, TEXT_EXPECTED)
        return pitch_out(await services.save_text(db, user, pitch_id, edit.text))

    @put("/{pitch_id:str}/default")
    async def default(
        self, user: SignedIn, db: Db, request: Request[Any, Any, Any], pitch_id: FromPath[str]
    ) -> PitchOut:
        """Make a written pitch your default, ``{"isDefault": true}`` (the previous default
        stops being it), or unset it with ``false``. You have at most one default pitch."""
        await services.get_pitch(db, user, pitch_id)  # 404 before the body's errors
        choice = await _body(request, DefaultIn, DEFAULT_EXPECTED)
        return pitch_out(await services.set_default(db, user, pitch_id, choice.isDefault))
