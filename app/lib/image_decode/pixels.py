"""The decoding itself: an accepted image's first frame → upright RGB pixels → a fresh file.

Run by the sandboxed child (``child.py`` loads this file by its path: it imports only the stdlib
and Pillow, never ``app``), and in-process for images the app made itself
(app/lib/photo/clean.py). The headers were checked before (``headers.py``); what still fails
here — a corrupt stream, a cut PNG or WebP, a broken EXIF block — raises ``Unreadable``.

Nothing of the input rides along: a new RGB image carries no info dict, so EXIF (camera, GPS),
ICC profiles, comments, extra frames and whatever was appended to make a polyglot are dropped.

Public: ``photo_draft``, ``scan_pdf``, ``Unreadable``, ``DRAFT_MAX_SIDE``, ``JPEG_QUALITY``.
"""

from __future__ import annotations

import contextlib
import io
import threading
from collections.abc import Iterator

from PIL import Image, ImageFile, ImageOps

DRAFT_MAX_SIDE = 1600  # the kept photo upload: enough to crop a sharp 400×400 from any part
JPEG_QUALITY = 88
# A CV sent as an image becomes one PDF page that fits an A4 sheet; 3508 px is A4's long side
# at 300 dpi, the resolution the OCR reads at (app/lib/pdf_read/ocr.py): more is not read.
SCAN_MAX_SIDE = 3508
A4_INCHES = (8.27, 11.69)
SCAN_QUALITY = 90

_STRICT = threading.Lock()


class Unreadable(Exception):
    """The pixels could not be decoded (or turned upright)."""


@contextlib.contextmanager
def _truncation_is_an_error() -> Iterator[None]:
    """A truncated file is an error, not a half-grey picture. Pillow's switch for that is a
    module global that WeasyPrint turns on when it is imported (weasyprint/images.py), so it is
    turned off around each decode here."""
    with _STRICT:
        before = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = before


def _first_frame(data: bytes, fmt: str, bound: int) -> Image.Image:
    """The first frame decoded. A JPEG is decoded at the smallest DCT scale still at least
    ``bound`` pixels a side (libjpeg scales while decoding: less memory and time)."""
    try:
        image = Image.open(io.BytesIO(data), formats=[fmt])
        image.seek(0)  # an animation's first frame only
        if fmt == "JPEG":
            image.draft(None, (bound, bound))
        with _truncation_is_an_error():
            image.load()
    except MemoryError:
        raise  # the limit of the sandbox, not a damaged file
    except Exception:
        # Pillow's plugins raise OSError, ValueError, SyntaxError, EOFError, struct.error...
        raise Unreadable from None
    return image


def _on_white(image: Image.Image) -> Image.Image:
    """RGB pixels; transparency becomes white."""
    if image.mode != "RGBA":
        return image.convert("RGB")
    canvas = Image.new("RGB", image.size, (255, 255, 255))
    canvas.paste(image, mask=image.getchannel("A"))
    return canvas


def _bare(image: Image.Image) -> Image.Image:
    bare = Image.new("RGB", image.size)
    bare.paste(image)
    return bare


def encode_jpeg(image: Image.Image) -> tuple[bytes, int, int]:
    """``image`` as a metadata-free JPEG, with its width and height."""
    bare = _bare(image)
    out = io.BytesIO()
    bare.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue(), bare.width, bare.height


def _bounded(data: bytes, fmt: str, side: int) -> Image.Image:
    """Upright (EXIF orientation applied), at most ``side`` pixels a side, RGB on white.
    Reduced before it is flattened: a 40-megapixel RGBA picture is not copied twice."""
    image = _first_frame(data, fmt, side)
    try:
        # A malformed EXIF block (orientation) or mode can still fail here.
        ImageOps.exif_transpose(image, in_place=True)
        if image.mode in ("LA", "PA") or (image.mode == "P" and "transparency" in image.info):
            image = image.convert("RGBA")
        elif image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGB")
        image.thumbnail((side, side), Image.Resampling.LANCZOS)
        return _on_white(image)
    except MemoryError:
        raise
    except Exception:
        raise Unreadable from None


def photo_draft(data: bytes, fmt: str) -> tuple[bytes, int, int]:
    """The photo kept for cropping: upright, at most ``DRAFT_MAX_SIDE`` a side, a new JPEG."""
    return encode_jpeg(_bounded(data, fmt, DRAFT_MAX_SIDE))


def scan_pdf(data: bytes, fmt: str) -> bytes:
    """A picture of a CV as a one-page PDF, like a scanner's output: the upright image, at most
    ``SCAN_MAX_SIDE`` a side, on a page that fits an A4 sheet (so the OCR, which draws pages at
    300 dpi, reads a small screenshot enlarged and a phone photo at its own size)."""
    image = _bare(_bounded(data, fmt, SCAN_MAX_SIDE))
    dpi = max(image.width / A4_INCHES[0], image.height / A4_INCHES[1])
    out = io.BytesIO()
    # No dates in the file: the same picture makes the same PDF (an import is found again by
    # its bytes' hash, app/domain/cvs/importing.py).
    image.save(
        out,
        format="PDF",
        resolution=dpi,
        quality=SCAN_QUALITY,
        creationDate=None,
        modDate=None,
        title=None,
    )
    return out.getvalue()
