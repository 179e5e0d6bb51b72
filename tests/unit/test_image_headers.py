"""An uploaded image judged by its headers before any pixel is decoded
(app/lib/image_decode/headers.py), and the limited child that decodes the rest
(app/lib/image_decode/decode.py, sandbox.py). Every file is made in the test with Pillow."""

from __future__ import annotations

import io
import time

import pytest
from PIL import Image

from app.lib.image_decode.decode import decode_photo, decode_scan
from app.lib.image_decode.headers import (
    MAX_FRAMES,
    MAX_JPEG_SCANS,
    ImageLimits,
    ImageRefused,
    read_header,
)
from tests.fixtures.image_bombs import (
    animated_png,
    jpeg_segment_flood,
    png_chunk_flood,
    progressive_jpeg,
    scan_bomb,
    scan_count,
    webp_claiming,
)

LIMITS = ImageLimits(max_pixels=40_000_000, min_side=100)
# The decision is made on headers (milliseconds); the bound only has to be far below what
# decoding would take, whatever else the machine is doing.
HEADER_SECONDS = 2.0


def refused(data: bytes, reason: str) -> ImageRefused:
    started = time.perf_counter()
    with pytest.raises(ImageRefused) as caught:
        read_header(data, LIMITS)
    assert time.perf_counter() - started < HEADER_SECONDS
    assert caught.value.reason == reason, caught.value
    return caught.value


def test_a_progressive_scan_bomb_is_refused_by_counting_its_scans() -> None:
    bomb = scan_bomb()
    assert scan_count(bomb) > 800 and len(bomb) < 400_000
    # Pillow opens it without complaint: only the count of its scans tells.
    with Image.open(io.BytesIO(bomb)) as image:
        assert image.size == (2000, 2000)
    error = refused(bomb, "too_many_scans")
    assert error.values == {"limit": MAX_JPEG_SCANS}
    assert "passes" in str(error)
    # An ordinary progressive JPEG of the same picture passes.
    ordinary = progressive_jpeg(2000)
    assert 6 <= scan_count(ordinary) <= 12
    assert read_header(ordinary, LIMITS).scans == scan_count(ordinary)


def test_headers_that_would_make_the_reader_loop_are_refused_at_once() -> None:
    """Pillow reads a PNG's chunks and a JPEG's segments one by one in Python: a file of
    hundreds of thousands of empty ones is refused before Pillow sees it."""
    refused(png_chunk_flood(), "unreadable")
    refused(jpeg_segment_flood(), "unreadable")


def test_a_webp_canvas_is_checked_before_the_decoder_allocates_it() -> None:
    error = refused(webp_claiming(12_000, 12_000), "too_many_pixels")
    assert error.values == {"width": 12_000, "height": 12_000}


def test_frames_are_counted_from_the_headers() -> None:
    error = refused(animated_png(MAX_FRAMES + 1), "too_many_frames")
    assert error.values == {"frames": MAX_FRAMES + 1, "limit": MAX_FRAMES}
    assert read_header(animated_png(3), LIMITS).frames == 3


async def test_the_child_decodes_the_first_frame_of_an_accepted_image() -> None:
    out = io.BytesIO()
    picture = Image.new("RGB", (640, 480), (200, 120, 60))
    picture.save(out, format="WEBP")
    photo = await decode_photo(out.getvalue(), LIMITS)
    assert photo.data.startswith(b"\xff\xd8\xff") and (photo.width, photo.height) == (640, 480)
    pdf = await decode_scan(out.getvalue(), LIMITS)
    assert pdf.startswith(b"%PDF-") and pdf == await decode_scan(out.getvalue(), LIMITS)


async def test_a_stream_that_fails_while_decoding_is_refused_by_the_child() -> None:
    """Headers intact, pixel data cut: only the decoder can tell."""
    out = io.BytesIO()
    Image.effect_noise((400, 300), 50).convert("RGB").save(out, format="PNG")
    data = out.getvalue()
    cut = data[: len(data) // 2] + data[-12:]  # IEND kept: the header reader is satisfied
    read_header(cut, LIMITS)
    with pytest.raises(ImageRefused) as caught:
        await decode_photo(cut, LIMITS)
    assert caught.value.reason == "unreadable"
