"""HTML pages of the pitch coach: the list with the "Write a pitch" form, one pitch (its status
while it is written, then its text with word count and speaking time, the fact check, the edit
form, the default switch), and the delete confirmation.

Plain forms that work without JavaScript (Post/Redirect/Get, app/lib/form_flash.py); with htmx
the status box refreshes on the tab's event stream and reloads the page once the pitch is done.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.enums import MediaType
from litestar.params import FromPath, FromQuery
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Pitch, PitchStatus, User
from app.domain.pitches import services, view
from app.lib.confirm import Confirmation
from app.lib.dependencies import AppSettings, Db, Queue, SignedIn
from app.lib.i18n import gettext
from app.lib.pages import form_outcome, posted_text
from app.lib.paging import Paging, pager


async def _row(db: AsyncSession, user: User, pitch: Pitch) -> view.PitchRow:
    (row,) = await view.pitch_rows(db, user, [pitch])
    return row


class PitchPages(Controller):
    include_in_schema = False

    @get("/pitches")
    async def index(self, request: HTMXRequest, user: SignedIn, db: Db, paging: Paging) -> Template:
        page = paging.slice(await services.list_pitches(db, user))
        context = {
            "rows": await view.pitch_rows(db, user, page.items),
            "pager": pager(request, page),
            "status_labels": view.STATUS_LABELS,
            **await view.form_choices(db, user),
        }
        return Template("pitches/index.html", context=context)

    @post("/pitches", media_type=MediaType.HTML)
    async def write(
        self, request: HTMXRequest, user: SignedIn, db: Db, queue: Queue, settings: AppSettings
    ) -> Any:
        """The "Write a pitch" form: the target is an offer, or (target "context") the line
        typed."""
        form = await posted_text(request)
        target = form.get("target", "")
        offer_id = "" if target in ("", "context") else target

        async def write() -> str:
            pitch = await services.request_pitch(
                db,
                queue,
                user,
                cv_file_id=form.get("cv_file_id", ""),
                kind=form.get("kind", "30s"),
                job_offer_id=offer_id,
                context=form.get("context", "") if target == "context" else "",
                language=form.get("language") or None,
                settings=settings,
                device_id=request.headers.get("x-device-id"),
            )
            return f"/pitches/{pitch.id}"

        return await form_outcome(request, db, user, write, "/pitches", pitch_posted=form)

    @get("/pitches/{pitch_id:str}")
    async def show(
        self, user: SignedIn, db: Db, pitch_id: FromPath[str], saved: FromQuery[bool] = False
    ) -> Template:
        pitch = await services.get_pitch(db, user, pitch_id)
        context = {**view.page_context(await _row(db, user, pitch)), "saved": saved}
        return Template("pitches/page.html", context=context)

    @post("/pitches/{pitch_id:str}", media_type=MediaType.HTML)
    async def save(
        self, request: HTMXRequest, user: SignedIn, db: Db, pitch_id: FromPath[str]
    ) -> Any:
        """Save the edited text; refused (empty, too long, not written yet): back to the page
        with the text as typed and the reason."""
        text = (await posted_text(request)).get("text", "")

        async def save() -> str:
            await services.save_text(db, user, pitch_id, text)
            return f"/pitches/{pitch_id}?saved=1"

        return await form_outcome(request, db, user, save, f"/pitches/{pitch_id}", edited_text=text)

    @post("/pitches/{pitch_id:str}/default", media_type=MediaType.HTML)
    async def default(
        self, request: HTMXRequest, user: SignedIn, db: Db, pitch_id: FromPath[str]
    ) -> Any:
        on = (await posted_text(request)).get("on") == "1"

        async def choose() -> str:
            await services.set_default(db, user, pitch_id, on)
            return f"/pitches/{pitch_id}"

        return await form_outcome(request, db, user, choose, f"/pitches/{pitch_id}")


async def pitch_confirmation(db: AsyncSession, user: User, pitch_id: str) -> Confirmation:
    pitch = await services.get_pitch(db, user, pitch_id)
    row = await _row(db, user, pitch)
    gone = [gettext("its text and your edits")]
    if pitch.status in (PitchStatus.PENDING, PitchStatus.RUNNING):
        gone.append(gettext("the writing still under way"))
    return Confirmation(
        heading=gettext("Delete this pitch?"),
        subject=f"{gettext(view.KIND_LABELS.get(pitch.kind, pitch.kind))} · {row.target}"
        + f" · {pitch.created_at.strftime('%Y-%m-%d %H:%M')}",
        action=f"/pitches/{pitch.id}/delete",
        back=f"/pitches/{pitch.id}",
        confirm_label=gettext("Delete the pitch"),
        gone=gone,
        kept=[gettext("the CV, the offer and the achievements it was written from")],
    )
