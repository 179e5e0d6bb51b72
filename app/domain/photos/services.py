"""The account's photo: stored, cropped, offered by an import, and whether a CV shows it.

Pixels are never decoded inside a database transaction: on SQLite that transaction holds the one
write lock (app/db/session.py), so every other user's write would wait for the decode. An upload
is decoded first (``prepare_upload``, in the limited child of app/lib/image_decode/), then
stored (``store_upload``); a crop reads the draft, ends the transaction, cuts, then writes.

One photo per account, not per CV version: it is the same face on every tailored CV, so a
new photo reaches every CV at once, deleting it removes it from all, and versions (which
record text edits) never have to carry image bytes. Each CV then says whether it shows the
photo (``META_SHOW_PHOTO`` in its ``generation_meta``); unset, it follows the CV it comes
from: shown when that source CV had a photo on it (``META_SOURCE_PHOTO``, set by the import).
"""

from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CvFile, UserPhoto
from app.db.session import release_lock
from app.lib.errors import NotFound
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.pdf_read.portrait import find_portrait
from app.lib.pdf_render import RenderCache, renders_dir
from app.lib.photo.clean import Cleaned, Square, clean_upload, crop_square

PHOTO, DRAFT, OFFERED = "photo", "draft", "offered"
KINDS = (PHOTO, DRAFT, OFFERED)
META_SHOW_PHOTO = "show_photo"
META_SOURCE_PHOTO = "source_photo"  # the import found a portrait on this source CV


async def get_image(session: AsyncSession, user_id: str, kind: str = PHOTO) -> UserPhoto | None:
    return await session.scalar(
        select(UserPhoto).where(UserPhoto.user_id == user_id, UserPhoto.kind == kind)
    )


async def kinds_present(session: AsyncSession, user_id: str) -> set[str]:
    rows = await session.scalars(select(UserPhoto.kind).where(UserPhoto.user_id == user_id))
    return set(rows)


async def _put(
    session: AsyncSession,
    user_id: str,
    kind: str,
    image: Cleaned,
    source_cv_id: str | None = None,
) -> UserPhoto:
    row = await get_image(session, user_id, kind)
    if row is None:
        fresh = UserPhoto(
            user_id=user_id,
            kind=kind,
            image=image.jpeg,
            width=image.width,
            height=image.height,
            source_cv_id=source_cv_id,
        )
        try:
            async with session.begin_nested():  # two uploads at once: the second updates
                session.add(fresh)
            return fresh
        except IntegrityError:
            row = await get_image(session, user_id, kind)
            if row is None:
                raise
    row.image, row.width, row.height = image.jpeg, image.width, image.height
    row.source_cv_id = source_cv_id
    await session.flush()
    return row


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    """An upload decoded and cut, not stored yet."""

    draft: Cleaned
    photo: Cleaned


async def prepare_upload(settings: Settings, data: bytes) -> PreparedPhoto:
    """The draft kept for cropping and the centred square as the photo until the user crops
    (so without JavaScript the upload is all it takes). Raises ``InputError`` for a file that
    cannot be a photo. Touches no database: call it before the transaction."""
    kept = await clean_upload(
        data, max_bytes=settings.photo_max_bytes, max_pixels=settings.photo_max_pixels
    )
    return PreparedPhoto(kept, await asyncio.to_thread(crop_square, kept.jpeg))


async def store_upload(session: AsyncSession, user_id: str, prepared: PreparedPhoto) -> None:
    await _put(session, user_id, DRAFT, prepared.draft)
    await _put(session, user_id, PHOTO, prepared.photo)


async def crop(session: AsyncSession, user_id: str, square: Square | None) -> None:
    """The photo made again from the draft, with ``square`` (None = the centred one). The
    draft is read, the transaction ended, the photo cut, then written in a new one."""
    kept = await get_image(session, user_id, DRAFT)
    if kept is None:
        raise NotFound(N_("Upload a photo first."), code="photo.no_draft")
    draft_jpeg = kept.image
    await release_lock(session)
    photo = await asyncio.to_thread(crop_square, draft_jpeg, square)
    await _put(session, user_id, PHOTO, photo)


async def remove(session: AsyncSession, user_id: str) -> None:
    await session.execute(
        delete(UserPhoto).where(UserPhoto.user_id == user_id, UserPhoto.kind.in_((PHOTO, DRAFT)))
    )


async def source_portrait(settings: Settings, cv: CvFile) -> Cleaned | None:
    """The portrait on an uploaded PDF CV's first page, cleaned like an upload; None when
    there is none (or it is no usable photo). Never fails an import."""
    if cv.original_mime != "application/pdf" or not cv.original_bytes:
        return None
    png = await find_portrait(cv.original_bytes)
    if png is None:
        return None
    try:
        return await clean_upload(
            png, max_bytes=settings.photo_max_bytes, max_pixels=settings.photo_max_pixels
        )
    except InputError:
        return None


async def offer_found(session: AsyncSession, cv: CvFile, portrait: Cleaned) -> None:
    """A portrait found on ``cv`` by its import. The CV is remembered as one that had a photo
    (CVs made from it show the account's photo by default), and the portrait is kept as an
    offer the user accepts or dismisses on the photo page — unless the account has a photo
    already (an import must not nag to replace a photo the user chose)."""
    cv.generation_meta = {**(cv.generation_meta or {}), META_SOURCE_PHOTO: True}
    if await get_image(session, cv.user_id, PHOTO) is None:
        await _put(session, cv.user_id, OFFERED, portrait, source_cv_id=cv.id)


async def offered_from(session: AsyncSession, user_id: str, cv_id: str) -> bool:
    """Whether a portrait found on CV ``cv_id`` waits for the user's answer."""
    row = await get_image(session, user_id, OFFERED)
    return row is not None and row.source_cv_id == cv_id


async def accept_offer(session: AsyncSession, user_id: str) -> None:
    """The offered portrait becomes the photo (and the draft, to adjust its crop). It is read,
    the transaction ended while the square is cut, then the rows are written in a new one."""
    offered = await get_image(session, user_id, OFFERED)
    if offered is None:
        raise NotFound(N_("There is no photo to accept."), code="photo.no_offer")
    kept = Cleaned(offered.image, offered.width, offered.height)
    await release_lock(session)
    photo = await asyncio.to_thread(crop_square, kept.jpeg)
    await _put(session, user_id, DRAFT, kept)
    await _put(session, user_id, PHOTO, photo)
    await dismiss_offer(session, user_id)


async def dismiss_offer(session: AsyncSession, user_id: str) -> None:
    await session.execute(
        delete(UserPhoto).where(UserPhoto.user_id == user_id, UserPhoto.kind == OFFERED)
    )


def _flag(meta: dict[str, Any] | None, key: str) -> bool | None:
    value = (meta or {}).get(key)
    return value if isinstance(value, bool) else None


async def shows_photo(session: AsyncSession, cv: CvFile) -> bool:
    """The CV's switch: the user's choice, else whether its source CV had a photo."""
    chosen = _flag(cv.generation_meta, META_SHOW_PHOTO)
    if chosen is not None:
        return chosen
    if cv.kind != "generated":
        return bool(_flag(cv.generation_meta, META_SOURCE_PHOTO))
    source_id = str((cv.generation_meta or {}).get("source_cv_id") or "")
    if not source_id:
        return False
    source = await session.scalar(
        select(CvFile.generation_meta).where(CvFile.id == source_id, CvFile.user_id == cv.user_id)
    )
    return bool(_flag(source, META_SOURCE_PHOTO))


async def keep_defaults_of(session: AsyncSession, source: CvFile) -> None:
    """Before a source CV that had a photo is deleted: the CVs tailored from it that follow it
    (no choice of their own) keep showing the photo, as the choice now written on them."""
    if not _flag(source.generation_meta, META_SOURCE_PHOTO):
        return
    tailored = await session.scalars(
        select(CvFile).where(CvFile.user_id == source.user_id, CvFile.kind == "generated")
    )
    for cv in tailored:
        meta = cv.generation_meta or {}
        if meta.get("source_cv_id") == source.id and _flag(meta, META_SHOW_PHOTO) is None:
            set_shows_photo(cv, True)


def set_shows_photo(cv: CvFile, show: bool) -> None:
    cv.generation_meta = {**(cv.generation_meta or {}), META_SHOW_PHOTO: bool(show)}


async def photo_for_cv(session: AsyncSession, cv: CvFile) -> bytes | None:
    """The photo JPEG a render of ``cv`` shows, or None (switch off, or no photo)."""
    if not await shows_photo(session, cv):
        return None
    row = await get_image(session, cv.user_id, PHOTO)
    return row.image if row is not None else None


EXPORT_NAMES = {
    PHOTO: "photo/photo.jpg",
    DRAFT: "photo/photo-uncropped.jpg",
    OFFERED: "photo/photo-found-in-cv.jpg",
}


async def export_files(session: AsyncSession, user_id: str) -> list[tuple[str, bytes]]:
    """The account's images as (path in the export ZIP, JPEG bytes)."""
    rows = await session.scalars(select(UserPhoto).where(UserPhoto.user_id == user_id))
    return sorted((EXPORT_NAMES[row.kind], row.image) for row in rows if row.kind in EXPORT_NAMES)


async def forget_renders(settings: Settings, photo: bytes | None) -> int:
    """Remove the cached renders that show ``photo`` (replaced or removed): a face the user
    took back stays in no PDF on the server. Their next render is made without it."""
    if not photo:
        return 0
    cache = RenderCache(renders_dir(settings))
    return await asyncio.to_thread(cache.remove_showing, base64.b64encode(photo).decode())
