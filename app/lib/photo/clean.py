"""An uploaded image → a metadata-free JPEG: the only way an image enters the database.

The file's own bytes are never kept. Its headers are checked first, before any pixel is
decoded (app/lib/image_decode/headers.py: type by the first bytes, size, frames, a JPEG's
scans), so a decompression bomb or a scan bomb is refused before it takes memory or time. The
pixels are then decoded, turned upright by their EXIF orientation, composited on white and
encoded afresh (app/lib/image_decode/pixels.py): whatever rode along (EXIF with GPS, ICC
profiles, comments, a ZIP or HTML appended to make a polyglot, extra frames) is not in the
output. An upload is decoded in the limited child (``clean_upload``); ``draft`` does the same
in this process, for images the app made itself (the design samples) and for tests.

``crop_square`` makes the 400×400 photo from the kept draft (a given square, or the centred
one); ``round_png`` the round copy for the Word export.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageDraw

from app.lib.i18n import N_
from app.lib.image_decode.decode import decode_photo
from app.lib.image_decode.headers import (
    FORMATS,
    MAX_SIDE,
    ImageLimits,
    ImageRefused,
    read_header,
    sniff,
    unreadable,
)
from app.lib.image_decode.pixels import DRAFT_MAX_SIDE, Unreadable, encode_jpeg, photo_draft
from app.lib.input_errors import InputError

PHOTO_SIDE = 400  # the photo the designs show, in pixels
MIN_SIDE = 100  # smaller reads as a thumbnail, blurred at 400×400

__all__ = ["DRAFT_MAX_SIDE", "FORMATS", "MAX_SIDE", "PHOTO_SIDE", "sniff"]


@dataclass(frozen=True, slots=True)
class Cleaned:
    jpeg: bytes
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Square:
    """A square in the draft's pixels (left, top, side), as the crop tool reports it."""

    left: int
    top: int
    side: int


def _refuse(message: str, code: str, **values: Any) -> InputError:
    return InputError(message, code=f"photo.{code}", where="photo", **values)


def refusal(exc: ImageRefused) -> InputError:
    """An image refused by its headers or its decoding, as the photo form's error."""
    return _refuse(exc.template, exc.reason, **exc.values)


def _limits(data: bytes, max_bytes: int, max_pixels: int) -> ImageLimits:
    if len(data) > max_bytes:
        raise _refuse(
            N_("The photo is too large (at most %(megabytes)s MB)."),
            "too_large",
            megabytes=round(max_bytes / 1024 / 1024, 1),
        )
    return ImageLimits(max_pixels=max_pixels, min_side=MIN_SIDE)


async def clean_upload(data: bytes, *, max_bytes: int, max_pixels: int) -> Cleaned:
    """An uploaded photo → the upright draft kept for cropping, decoded in the limited child.
    Raises ``InputError`` (code ``photo.*``) for what cannot be a photo; opens nothing else."""
    if not data:  # before the size: an empty file says so, not "too large"
        raise _refuse(N_("The file is empty."), "empty")
    limits = _limits(data, max_bytes, max_pixels)
    try:
        decoded = await decode_photo(data, limits)
    except ImageRefused as exc:
        raise refusal(exc) from None
    return Cleaned(decoded.data, decoded.width, decoded.height)


def draft(data: bytes, *, max_bytes: int, max_pixels: int) -> Cleaned:
    """The same as ``clean_upload`` in this process: for images the app made, never uploads."""
    if not data:
        raise _refuse(N_("The file is empty."), "empty")
    limits = _limits(data, max_bytes, max_pixels)
    try:
        header = read_header(data, limits)
        return Cleaned(*photo_draft(data, header.format))
    except ImageRefused as exc:
        raise refusal(exc) from None
    except Unreadable:
        raise refusal(unreadable()) from None


def centred_square(width: int, height: int) -> Square:
    side = min(width, height)
    return Square((width - side) // 2, (height - side) // 2, side)


def clamp_square(square: Square, width: int, height: int) -> Square:
    """``square`` moved and shrunk to lie inside a ``width``×``height`` image."""
    side = max(1, min(square.side, width, height))
    left = min(max(0, square.left), width - side)
    top = min(max(0, square.top), height - side)
    return Square(left, top, side)


def crop_square(draft_jpeg: bytes, square: Square | None = None) -> Cleaned:
    """The ``PHOTO_SIDE`` photo from a stored draft (ours, so already safe to decode)."""
    with Image.open(io.BytesIO(draft_jpeg), formats=["JPEG"]) as image:
        image.load()
        chosen = clamp_square(square, *image.size) if square else centred_square(*image.size)
        box = (chosen.left, chosen.top, chosen.left + chosen.side, chosen.top + chosen.side)
        face = image.convert("RGB").resize(
            (PHOTO_SIDE, PHOTO_SIDE), Image.Resampling.LANCZOS, box=box
        )
    return Cleaned(*encode_jpeg(face))


def round_png(photo_jpeg: bytes) -> bytes:
    """The photo clipped to a circle (transparent corners), for documents that cannot clip an
    image themselves (the Word export); drawn at 4× and reduced, for a smooth edge."""
    with Image.open(io.BytesIO(photo_jpeg), formats=["JPEG"]) as image:
        face = image.convert("RGBA")
    side = face.width
    mask = Image.new("L", (side * 4, side * 4), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, side * 4 - 1, side * 4 - 1), fill=255)
    face.putalpha(mask.resize((side, side), Image.Resampling.LANCZOS))
    out = io.BytesIO()
    face.save(out, format="PNG", optimize=True)
    return out.getvalue()
