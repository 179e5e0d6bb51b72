"""JSON API of pitches: ask for one, read, list, edit, set or unset the default, delete."""

from __future__ import annotations

from litestar import Controller, delete, get, post, put
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

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
        return PitchCreated(id=pitch.id, taskId=pitch.background_task_id, status=pitch.status)

    @get("/")
    async def list_pitches(self, user: SignedIn, db: Db) -> list[PitchOut]:
        """Your pitches, the default first, then the newest; each with its word count and its
        speaking time at ``wordsPerMinute``."""
        return [pitch_out(row) for row in await services.list_pitches(db, user)]

    @get("/{pitch_id:str}")
    async def read(self, user: SignedIn, db: Db, pitch_id: FromPath[str]) -> PitchOut:
        return pitch_out(await services.get_pitch(db, user, pitch_id))

    @put("/{pitch_id:str}")
    async def update(
        self, user: SignedIn, db: Db, pitch_id: FromPath[str], data: JSONBody[PitchEdit]
    ) -> PitchOut:
        """Save your edit of a written pitch (409 while it is being written)."""
        return pitch_out(await services.save_text(db, user, pitch_id, data.text))

    @put("/{pitch_id:str}/default")
    async def default(
        self, user: SignedIn, db: Db, pitch_id: FromPath[str], data: JSONBody[DefaultIn]
    ) -> PitchOut:
        """Make a written pitch your default (the previous default stops being it), or unset
        it. You have at most one default pitch."""
        return pitch_out(await services.set_default(db, user, pitch_id, data.isDefault))

    @delete("/{pitch_id:str}", status_code=HTTP_200_OK)
    async def remove(
        self, user: SignedIn, db: Db, queue: Queue, pitch_id: FromPath[str]
    ) -> dict[str, bool]:
        """Delete the pitch; one still being written is cancelled first."""
        await services.delete_pitch(db, queue.arq, queue.redis, user, pitch_id)
        return {"success": True}
