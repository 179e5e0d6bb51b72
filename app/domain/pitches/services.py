"""Pitches: start one (requesting.py), read, list, edit, choose the default, delete.

Every lookup is scoped to the owner: another user's pitch answers exactly like a missing one
(404). A user has at most one default pitch: setting one unsets the others in the same
transaction, under a lock on the user's account row, so parallel requests take turns rather
than each leaving its own default (the database refuses a second one: migration 0017).
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Pitch, PitchStatus, User
from app.db.session import lock_owner
from app.domain.pitches.lifecycle import PITCH
from app.domain.pitches.requesting import check_options, request_pitch
from app.lib.dependencies import TaskQueue
from app.lib.errors import Conflict, NotFound
from app.lib.i18n import N_
from app.lib.input_errors import InputError

__all__ = [
    "check_options",
    "delete_pitch",
    "get_pitch",
    "list_pitches",
    "request_pitch",
    "save_text",
    "set_default",
]

MAX_TEXT = 6000  # a 3-minute pitch is ~2,500 characters: room for edits, not for a book
EMPTY_PITCH = N_("A pitch needs some text.")
TOO_LONG = N_("A pitch can have at most %(max)d characters.")
NOT_READY = N_("The pitch is not written yet: wait for it to finish.")


async def get_pitch(session: AsyncSession, user: User | str, pitch_id: str) -> Pitch:
    missing = NotFound(N_("No such pitch."), code="pitch.not_found")
    return await PITCH.owned(session, user, pitch_id, missing)


async def list_pitches(session: AsyncSession, user: User) -> list[Pitch]:
    """The default pitch first, then the newest."""
    rows = await session.scalars(
        select(Pitch)
        .where(Pitch.user_id == user.id)
        .order_by(Pitch.is_default.desc(), Pitch.created_at.desc(), Pitch.id)
    )
    return list(rows)


def require_completed(pitch: Pitch) -> None:
    if pitch.status != PitchStatus.COMPLETED:
        raise Conflict(NOT_READY, code="pitch.not_ready")


def checked_text(text: str) -> str:
    """The edited text: lines' spaces squeezed, paragraphs kept; empty or too long is 422."""
    paragraphs = [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n")]
    cleaned = "\n\n".join(p for p in paragraphs if p)
    if not cleaned:
        raise InputError(EMPTY_PITCH, code="pitch.empty", where="text")
    if len(cleaned) > MAX_TEXT:
        raise InputError(TOO_LONG, code="pitch.too_long", where="text", max=MAX_TEXT)
    return cleaned


async def save_text(session: AsyncSession, user: User, pitch_id: str, text: str) -> Pitch:
    """The user's edit of a written pitch (their own words: not checked against the CV)."""
    pitch = await get_pitch(session, user, pitch_id)
    require_completed(pitch)
    pitch.text = checked_text(text)
    pitch.meta = {**(pitch.meta or {}), "edited": True}
    await session.commit()
    return pitch


async def set_default(session: AsyncSession, user: User, pitch_id: str, on: bool) -> Pitch:
    """Make a written pitch the user's default (the previous one stops being it), or unset it."""
    pitch = await get_pitch(session, user, pitch_id)
    if on:
        require_completed(pitch)
        await lock_owner(session, user.id)  # parallel requests: one after another
        await session.execute(
            update(Pitch)
            .where(Pitch.user_id == user.id, Pitch.id != pitch.id, Pitch.is_default.is_(True))
            .values(is_default=False)
        )
    pitch.is_default = on
    await session.commit()
    return pitch


async def delete_pitch(session: AsyncSession, queue: TaskQueue, user: User, pitch_id: str) -> None:
    """Delete a pitch; one still being written is cancelled first (refunded once)."""
    await PITCH.delete(session, queue, await get_pitch(session, user, pitch_id))
