"""What an uploaded image's headers declare, checked before a single pixel is decoded.

The type comes from the first bytes (JPEG, PNG or WebP, whatever the name says); the size,
frame count and, for a JPEG, the number of scans from the headers. Pillow reads them without
decoding — except a WebP, whose decoder allocates the whole canvas when it is created, so its
size is read from the RIFF header here first. Everything here takes milliseconds whatever the
file, so a refusal reaches the user at once and costs nothing.

Public: ``ImageLimits``, ``ImageHeader``, ``ImageRefused``, ``read_header``, ``sniff``,
``unreadable``, ``FORMATS``.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Any

from PIL import Image

from app.lib.i18n import N_
from app.lib.image_decode.jpeg_markers import walk

FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
MAX_SIDE = 12_000  # per side, whatever the pixel budget: a 1×40M strip is no picture
# An ordinary progressive JPEG has 6 to 12 scans (libjpeg's default script: 10 in colour);
# hundreds only come from a file built to make the decoder loop.
MAX_JPEG_SCANS = 64
MAX_FRAMES = 100  # only the first frame is used; a longer animation is no photo of anyone
# Chunks before a PNG's pixel data: an ordinary file has about ten. Pillow reads each one in a
# Python loop, so a file of 400 000 empty text chunks would hold the request for a second.
MAX_PNG_CHUNKS = 1024


@dataclass(frozen=True, slots=True)
class ImageLimits:
    max_pixels: int
    min_side: int
    max_side: int = MAX_SIDE


@dataclass(frozen=True, slots=True)
class ImageHeader:
    format: str  # a key of FORMATS
    width: int
    height: int
    frames: int
    scans: int  # a JPEG's start-of-scan segments; 0 for the other types

    @property
    def mime(self) -> str:
        return FORMATS[self.format]


class ImageRefused(Exception):
    """An image that will not be decoded. ``reason`` is stable and the caller prefixes it
    (``photo.too_many_scans``, ``cv.image_too_many_scans``); ``template`` (marked for the
    catalogue) and ``values`` make the message in the reader's language."""

    def __init__(self, reason: str, template: str, **values: Any) -> None:
        super().__init__(template % values if values else template)
        self.reason = reason
        self.template = template
        self.values = values


def sniff(data: bytes) -> str | None:
    """The Pillow format the first bytes announce, among the accepted ones."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def unreadable() -> ImageRefused:
    return ImageRefused("unreadable", N_("The image could not be read: it may be damaged."))


def _too_big(width: int, height: int) -> ImageRefused:
    return ImageRefused(
        "too_many_pixels",
        N_("The image is too big (%(width)s×%(height)s pixels)."),
        width=width,
        height=height,
    )


def webp_size(data: bytes) -> tuple[int, int] | None:
    """The canvas a WebP declares (its first chunk: lossy, lossless or extended)."""
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":
        return (
            int.from_bytes(data[26:28], "little") & 0x3FFF,
            int.from_bytes(data[28:30], "little") & 0x3FFF,
        )
    if chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        return (
            int.from_bytes(data[24:27], "little") + 1,
            int.from_bytes(data[27:30], "little") + 1,
        )
    return None


def png_header_complete(data: bytes) -> bool:
    """Whether the PNG's chunks reach its pixel data (IDAT) within ``MAX_PNG_CHUNKS``."""
    at = 8
    for _ in range(MAX_PNG_CHUNKS):
        if at + 8 > len(data):
            return False
        if data[at + 4 : at + 8] == b"IDAT":
            return True
        at += 12 + int.from_bytes(data[at : at + 4], "big")  # length, type, data, CRC
    return False


def _check_size(width: int, height: int, limits: ImageLimits) -> None:
    if width * height > limits.max_pixels or max(width, height) > limits.max_side:
        raise _too_big(width, height)
    if min(width, height) < limits.min_side:
        raise ImageRefused(
            "too_small",
            N_("The image is too small: at least %(side)s×%(side)s pixels."),
            side=limits.min_side,
        )


def _opened(data: bytes, fmt: str) -> tuple[int, int, int]:
    """Width, height and frames as Pillow reads them from the headers (no pixel decoded)."""
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb check only warns below twice its limit: an error here too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[fmt]) as image:
                width, height = image.size
                return width, height, int(getattr(image, "n_frames", 1) or 1)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused("too_many_pixels", N_("The image is too big.")) from None
    except Exception:
        # Corrupt, or a header that lies: Pillow's plugins raise OSError, ValueError,
        # SyntaxError, EOFError, struct.error... Whatever it is, the file is refused.
        raise unreadable() from None


def read_header(data: bytes, limits: ImageLimits) -> ImageHeader:
    """The image's header, or ``ImageRefused`` for what must not be decoded: no image, a type
    other than JPEG/PNG/WebP, a cut JPEG, too many scans, pixels or frames, too small."""
    if not data:
        raise ImageRefused("empty", N_("The file is empty."))
    fmt = sniff(data)
    if fmt is None:
        raise ImageRefused("wrong_type", N_("Send a JPEG, PNG or WebP image."))
    scans = 0
    if fmt == "JPEG":
        layout = walk(data, MAX_JPEG_SCANS)
        if layout.scans > MAX_JPEG_SCANS:
            raise ImageRefused(
                "too_many_scans",
                N_(
                    "This JPEG is saved in more than %(limit)s passes (progressive scans): save "
                    "it again as an ordinary JPEG."
                ),
                limit=MAX_JPEG_SCANS,
            )
        if not layout.complete:
            raise unreadable()
        scans = layout.scans
    if fmt == "PNG" and not png_header_complete(data):
        raise unreadable()
    if fmt == "WEBP":
        declared = webp_size(data)
        if declared is None:
            raise unreadable()
        _check_size(*declared, limits)
    width, height, frames = _opened(data, fmt)
    _check_size(width, height, limits)
    if frames > MAX_FRAMES:
        raise ImageRefused(
            "too_many_frames",
            N_("This image has %(frames)s frames (at most %(limit)s): send a still image."),
            frames=frames,
            limit=MAX_FRAMES,
        )
    return ImageHeader(fmt, width, height, frames, scans)
