"""Decode an uploaded image under a budget: its headers here, its pixels in a limited child.

``decode_photo`` makes the photo kept for cropping (a fresh JPEG, at most 1600 px a side);
``decode_scan`` makes a picture of a CV into a one-page PDF that the import reads like a
scanned PDF (OCR or the model). Both refuse with ``ImageRefused`` — from the headers in
milliseconds (``headers.py``), or after the child failed or ran out of time or memory — and
never open anything else: callers decode before they start a database transaction.

Public: ``decode_photo``, ``decode_scan``, ``Decoded``, ``too_complex``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.lib.i18n import N_
from app.lib.image_decode.headers import ImageLimits, ImageRefused, read_header, unreadable
from app.lib.image_decode.sandbox import SandboxTimeout, python_command, run_limited

log = logging.getLogger(__name__)

CHILD = Path(__file__).resolve().with_name("child.py")
# A 40-megapixel PNG with transparency decodes to 160 MB, and is flattened into a second copy;
# the interpreter and Pillow take about 60 MB of address space more.
MEMORY_MB = 768
CPU_SECONDS = 8  # a 40-megapixel progressive JPEG takes under 2 s
TIMEOUT_S = 12.0  # wall clock, for a child that waits on a busy machine


@dataclass(frozen=True, slots=True)
class Decoded:
    data: bytes
    width: int
    height: int


def too_complex() -> ImageRefused:
    return ImageRefused(
        "too_complex",
        N_(
            "Reading this image took too much time or memory: save it again as an ordinary "
            "JPEG or PNG."
        ),
    )


async def _in_child(job: str, fmt: str, data: bytes) -> tuple[dict[str, Any], bytes]:
    command = python_command(CHILD, job, fmt, MEMORY_MB, CPU_SECONDS)
    try:
        finished = await run_limited(command, data, timeout_s=TIMEOUT_S)
    except SandboxTimeout:
        raise too_complex() from None
    head, _, payload = finished.stdout.partition(b"\n")
    try:
        answer = json.loads(head) if head else None
    except ValueError:
        answer = None
    if not isinstance(answer, dict):  # killed by a limit, or crashed before answering
        if finished.killed:
            raise too_complex()
        log.warning("the image decoder ended with %s and no answer", finished.returncode)
        raise unreadable()
    error = answer.get("error")
    if error == "too_complex":
        raise too_complex()
    if error or not payload:
        raise unreadable()
    return answer, payload


async def decode_photo(data: bytes, limits: ImageLimits) -> Decoded:
    """A photo upload → the upright JPEG kept for cropping, metadata-free."""
    header = read_header(data, limits)
    answer, jpeg = await _in_child("photo", header.format, data)
    return Decoded(jpeg, int(answer["width"]), int(answer["height"]))


async def decode_scan(data: bytes, limits: ImageLimits) -> bytes:
    """A picture of a CV → a one-page PDF holding it, as a scanner would have made it."""
    header = read_header(data, limits)
    _, pdf = await _in_child("scan", header.format, data)
    return pdf
