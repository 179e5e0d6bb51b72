"""An uploaded image → a metadata-free JPEG: the only way an image enters the database.

The file's own bytes are never kept: its type is read from its first bytes (JPEG, PNG or WebP,
whatever its name says), its dimensions from its header before any pixel is decoded (so a
decompression bomb — a small file that claims a huge bitmap — is refused before it takes
memory), then the pixels are decoded, turned upright by their EXIF orientation, composited on
white and encoded afresh. Whatever rode along (EXIF with GPS, ICC profiles, comments, a ZIP or
HTML appended to make a polyglot, extra frames) is not in the output.

``draft`` makes the bounded upright copy kept for cropping; ``crop_square`` makes the 400×400
photo from it (a given square, or the centred one).
"""

from __future__ import annotations

import contextlib
import io
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageDraw, ImageFile, ImageOps

from app.lib.i18n import N_
from app.lib.input_errors import InputError

PHOTO_SIDE = 400  # the photo the designs show, in pixels
DRAFT_MAX_SIDE = 1600  # the kept upload: enough to crop a sharp 400×400 from any part
MIN_SIDE = 100  # smaller reads as a thumbnail, blurred at 400×400
MAX_SIDE = 12_000  # per side, whatever the pixel budget: a 1×40M strip is no photo
JPEG_QUALITY = 88

FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}

_STRICT = threading.Lock()


@contextlib.contextmanager
def _truncation_is_an_error() -> Iterator[None]:
    """A truncated file is an error, not a half-grey picture. Pillow's switch for that is a
    module global that WeasyPrint turns on when it is imported (weasyprint/images.py), so it is
    turned off around each decode here (WeasyPrint itself only runs in the render sandbox's
    processes, never beside this code)."""
    with _STRICT:
        before = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = before


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


def sniff(data: bytes) -> str | None:
    """The Pillow format the first bytes announce, among the accepted ones."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def jpeg_complete(data: bytes) -> bool:
    """Whether a JPEG's segments run to its end-of-image marker. libjpeg pads a truncated file
    with grey and Pillow returns it as whole, so the markers are walked here: the headers by
    their lengths, the compressed scans (progressive files have several) to the next marker."""
    at, size = 2, len(data)
    while at + 2 <= size:
        if data[at] != 0xFF:
            return False
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == 0xD9:
            return True
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length
            at += 2
            continue
        if at + 4 > size:
            return False
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
        if marker == 0xDA:  # scan data: skip to the next marker that is no stuffing or restart
            while True:
                at = data.find(b"\xff", at)
                if at < 0 or at + 1 >= size:
                    return False
                follow = data[at + 1]
                if follow == 0x00 or 0xD0 <= follow <= 0xD7 or follow == 0xFF:
                    at += 1 if follow == 0xFF else 2
                    continue
                break
    return False


def _refuse(message: str, code: str, **values: Any) -> InputError:
    return InputError(message, code=f"photo.{code}", where="photo", **values)


def _decode(data: bytes, *, max_bytes: int, max_pixels: int) -> Image.Image:
    if not data:
        raise _refuse(N_("The file is empty."), "empty")
    if len(data) > max_bytes:
        raise _refuse(
            N_("The photo is too large (at most %(megabytes)s MB)."),
            "too_large",
            megabytes=round(max_bytes / 1024 / 1024, 1),
        )
    expected = sniff(data)
    if expected is None:
        raise _refuse(N_("Send a JPEG, PNG or WebP image."), "wrong_type")
    if expected == "JPEG" and not jpeg_complete(data):
        raise _unreadable()
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb check warns below twice its limit: make it an error too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[expected])
            width, height = image.size
            if width * height > max_pixels or max(width, height) > MAX_SIDE:
                raise _refuse(
                    N_("The image is too big (%(width)s×%(height)s pixels)."),
                    "too_many_pixels",
                    width=width,
                    height=height,
                )
            if min(width, height) < MIN_SIDE:
                raise _refuse(
                    N_("The image is too small: at least %(side)s×%(side)s pixels."),
                    "too_small",
                    side=MIN_SIDE,
                )
            image.seek(0)  # an animation's first frame only
            with _truncation_is_an_error():
                image.load()
    except InputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(N_("The image is too big."), "too_many_pixels") from None
    except Exception:
        # Truncated, corrupt, or a header that lies: Pillow's plugins raise OSError, ValueError,
        # SyntaxError, EOFError, struct.error... for them. Whatever it is, the file is refused.
        raise _unreadable() from None
    return image


def _unreadable() -> InputError:
    return _refuse(N_("The image could not be read: it may be damaged."), "unreadable")


def _flatten(image: Image.Image) -> Image.Image:
    """Upright (EXIF orientation applied) RGB pixels; transparency becomes white."""
    upright = ImageOps.exif_transpose(image) or image
    if upright.mode in ("RGBA", "LA", "PA") or (
        upright.mode == "P" and "transparency" in upright.info
    ):
        rgba = upright.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, (255, 255, 255))
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    return upright.convert("RGB")


def _encode(image: Image.Image) -> Cleaned:
    # A new RGB image carries no info dict: no EXIF, ICC, XMP or comment is written.
    bare = Image.new("RGB", image.size)
    bare.paste(image)
    out = io.BytesIO()
    bare.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return Cleaned(out.getvalue(), bare.width, bare.height)


def draft(data: bytes, *, max_bytes: int, max_pixels: int) -> Cleaned:
    """The upload decoded, upright and at most ``DRAFT_MAX_SIDE`` pixels a side, re-encoded.
    Raises ``InputError`` (code ``photo.*``) for what cannot be a photo."""
    decoded = _decode(data, max_bytes=max_bytes, max_pixels=max_pixels)
    try:
        # A malformed EXIF block (orientation) or mode can still fail here.
        image = _flatten(decoded)
        image.thumbnail((DRAFT_MAX_SIDE, DRAFT_MAX_SIDE), Image.Resampling.LANCZOS)
    except Exception:
        raise _unreadable() from None
    return _encode(image)


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
    return _encode(face)


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
