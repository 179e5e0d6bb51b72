"""The photo page (``/account/photo``): upload, crop, remove, and a portrait an import offers.

Plain forms that work without JavaScript: an upload alone saves the centred square. With
JavaScript, static/js/photo_crop.js puts the vendored Cropper.js on the stored draft (served by
us, so the page's CSP needs no ``blob:``) and fills the crop form's three numbers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.enums import MediaType
from litestar.exceptions.http_exceptions import RequestEntityTooLarge
from litestar.params import FromQuery, URLEncodedBody
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.domain.photos import services
from app.lib.dependencies import AppSettings, Db, SignedIn
from app.lib.errors import AppError, NotFound
from app.lib.form_flash import redirect_back, see_other
from app.lib.i18n import N_
from app.lib.image_decode.client_gone import unless_client_leaves
from app.lib.input_errors import InputError
from app.lib.numbers import whole_number
from app.lib.photo.clean import PHOTO_SIDE, Square
from app.lib.uploads import declared_over

PAGE = "/account/photo"
# Hard ceiling of the upload request; the configured ``photo_max_bytes`` is checked first
# from Content-Length, then on the file itself.
PHOTO_BODY_CEILING = 32 * 1024 * 1024
REDIRECT_ERRORS = {"photo.too_large": N_("The file is larger than the photo size limit.")}
NO_STORE = {"Cache-Control": "private, no-store", "Content-Disposition": "inline"}


@dataclass
class CropForm:
    left: str = ""
    top: str = ""
    side: str = ""


def _too_large_redirect(_: Request[Any, Any, Any], __: Exception) -> Response[Any]:
    return Redirect(f"{PAGE}?error=photo.too_large", status_code=303)


def _square(data: CropForm) -> Square | None:
    """The crop form's numbers; None (the centred square) when one is missing or not a
    whole number, as a form posted without JavaScript sends them."""
    left, top, side = (whole_number(v, 0, 100_000) for v in (data.left, data.top, data.side))
    if left is None or top is None or side is None or side < 1:
        return None
    return Square(left, top, side)


async def _file_bytes(request: Request[Any, Any, Any], limit: int) -> bytes:
    if declared_over(request, limit):
        raise InputError(
            N_("The photo is too large (at most %(megabytes)s MB)."),
            code="photo.too_large",
            where="photo",
            megabytes=round(limit / 1024 / 1024, 1),
        )
    form = await request.form()
    file = form.get("photo")
    if not isinstance(file, UploadFile):
        raise InputError(N_("Choose an image file."), code="photo.no_file", where="photo")
    return await file.read()


async def _current(db: AsyncSession, user_id: str) -> bytes | None:
    """The photo about to be replaced or removed (its renders go after the commit)."""
    row = await services.get_image(db, user_id, services.PHOTO)
    return row.image if row is not None else None


async def _refused(request: Request[Any, Any, Any], db: AsyncSession, exc: AppError) -> Redirect:
    await db.rollback()
    return redirect_back(request, PAGE, exc)


async def _replacing(
    request: Request[Any, Any, Any],
    db: AsyncSession,
    settings: Settings,
    user_id: str,
    notice: tuple[str, str],
    change: Callable[..., Awaitable[None]],
    *args: Any,
) -> Redirect:
    """``change(db, user_id, *args)`` the user's photo and commit, then forget the renders of the
    photo it replaced; ``notice`` is where to go then and the sentence shown there. A refused
    change goes back to the page with its error."""
    try:
        old = await _current(db, user_id)
        await change(db, user_id, *args)
    except AppError as exc:
        return await _refused(request, db, exc)
    await db.commit()
    await services.forget_renders(settings, old)
    back, sentence = notice
    return redirect_back(request, back, notice=sentence)


class PhotoPages(Controller):
    include_in_schema = False

    @get(PAGE)
    async def page(self, user: SignedIn, db: Db, error: FromQuery[str | None] = None) -> Template:
        present = await services.kinds_present(db, user.id)
        offered = (
            await services.get_image(db, user.id, services.OFFERED)
            if (services.OFFERED in present)
            else None
        )
        context: dict[str, Any] = {
            "has_photo": services.PHOTO in present,
            "draft": await services.get_image(db, user.id, services.DRAFT),
            "offered": offered,
            "photo_side": PHOTO_SIDE,
        }
        if message := REDIRECT_ERRORS.get(error or ""):
            context["error"] = message
        return Template("photos/page.html", context=context)

    @get(f"{PAGE}/image", media_type="image/jpeg")
    async def image(
        self, user: SignedIn, db: Db, kind: FromQuery[str] = services.PHOTO
    ) -> Response[bytes]:
        """One of the user's stored images (ours, re-encoded): never cached by a proxy."""
        row = await services.get_image(db, user.id, kind) if kind in services.KINDS else None
        if row is None:
            raise NotFound(N_("No such photo."), code="photo.not_found")
        return Response(row.image, media_type="image/jpeg", headers=NO_STORE)

    @post(
        PAGE,
        request_max_body_size=PHOTO_BODY_CEILING,
        exception_handlers={RequestEntityTooLarge: _too_large_redirect},
    )
    async def upload(
        self, request: Request[Any, Any, Any], user: SignedIn, db: Db, settings: AppSettings
    ) -> Redirect:
        try:
            data = await _file_bytes(request, settings.photo_max_bytes)
            # Decoded before the first query: no transaction waits on the pixels.
            prepared = await unless_client_leaves(
                request.receive, services.prepare_upload(settings, data)
            )
        except AppError as exc:
            return await _refused(request, db, exc)
        saved = N_("Photo saved, cropped to the centred square. Adjust the crop below.")
        notice = (f"{PAGE}#crop", saved)
        return await _replacing(
            request, db, settings, user.id, notice, services.store_upload, prepared
        )

    @post(f"{PAGE}/crop", media_type=MediaType.HTML)
    async def crop(
        self,
        request: Request[Any, Any, Any],
        user: SignedIn,
        db: Db,
        settings: AppSettings,
        data: URLEncodedBody[CropForm],
    ) -> Redirect:
        notice = (PAGE, N_("Crop saved."))
        return await _replacing(
            request, db, settings, user.id, notice, services.crop, _square(data)
        )

    @post(f"{PAGE}/delete")
    async def delete(
        self, request: Request[Any, Any, Any], user: SignedIn, db: Db, settings: AppSettings
    ) -> Redirect:
        notice = (PAGE, N_("Photo removed from your CVs."))
        return await _replacing(request, db, settings, user.id, notice, services.remove)

    @post(f"{PAGE}/offer/accept")
    async def accept_offer(
        self, request: Request[Any, Any, Any], user: SignedIn, db: Db, settings: AppSettings
    ) -> Redirect:
        notice = (f"{PAGE}#crop", N_("The photo from your CV is now your photo."))
        return await _replacing(request, db, settings, user.id, notice, services.accept_offer)

    @post(f"{PAGE}/offer/dismiss")
    async def dismiss_offer(self, user: SignedIn, db: Db) -> Redirect:
        await services.dismiss_offer(db, user.id)
        await db.commit()
        return see_other(PAGE)
