"""Photo uploads: hostile files refused before decoding or cleaned by re-encoding
(app/lib/photo/clean.py). Every file here is made in the test with Pillow."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from app.lib.input_errors import InputError
from app.lib.photo.clean import (
    DRAFT_MAX_SIDE,
    MAX_SIDE,
    PHOTO_SIDE,
    Square,
    crop_square,
    draft,
    round_png,
    sniff,
)

MB = 1024 * 1024
LIMITS = {"max_bytes": 5 * MB, "max_pixels": 40_000_000}


def image_bytes(fmt: str, size: tuple[int, int] = (640, 480), **save: object) -> bytes:
    picture = Image.new("RGB", size, (200, 120, 60))
    # A distinct mark in the top-left quarter, to see where crops come from.
    picture.paste((10, 200, 30), (0, 0, size[0] // 4, size[1] // 4))
    out = io.BytesIO()
    picture.save(out, format=fmt, **save)
    return out.getvalue()


def refused(data: bytes, code: str, **limits: int) -> InputError:
    with pytest.raises(InputError) as caught:
        draft(data, **{**LIMITS, **limits})
    assert caught.value.code == f"photo.{code}", caught.value.code
    return caught.value


def exif_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SpyCam Inc."  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (48.0, 51.0, 29.0)
    gps[3] = "E"
    gps[4] = (2.0, 17.0, 40.0)
    return exif.tobytes()


def png_bomb(width: int, height: int) -> bytes:
    """A valid PNG header declaring ``width``×``height`` with a tiny compressed body: what a
    decompression bomb looks like before decoding."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    rows = zlib.compress(b"\x00" * 4096, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_each_accepted_type_becomes_a_jpeg(fmt: str) -> None:
    kept = draft(image_bytes(fmt), **LIMITS)
    assert kept.jpeg.startswith(b"\xff\xd8\xff") and sniff(kept.jpeg) == "JPEG"
    assert (kept.width, kept.height) == (640, 480)
    photo = crop_square(kept.jpeg)
    with Image.open(io.BytesIO(photo.jpeg)) as out:
        assert out.format == "JPEG" and out.size == (PHOTO_SIDE, PHOTO_SIDE)


def test_exif_and_gps_are_stripped_and_orientation_applied() -> None:
    data = image_bytes("JPEG", (600, 400), exif=exif_with_gps())
    assert b"SpyCam" in data
    kept = draft(data, **LIMITS)
    # Rotated upright (a portrait now), and not a byte of the metadata left.
    assert (kept.width, kept.height) == (400, 600)
    assert b"SpyCam" not in kept.jpeg and b"Exif" not in kept.jpeg
    with Image.open(io.BytesIO(kept.jpeg)) as out:
        assert not out.getexif() and "exif" not in out.info and "icc_profile" not in out.info
    photo = crop_square(kept.jpeg)
    assert b"Exif" not in photo.jpeg and b"SpyCam" not in photo.jpeg


@pytest.mark.parametrize("payload", [b"PK\x03\x04zip-payload", b"<script>alert(1)</script>"])
def test_polyglot_payload_after_the_image_is_dropped(payload: bytes) -> None:
    data = image_bytes("JPEG") + payload * 50
    kept = draft(data, **LIMITS)
    assert payload not in kept.jpeg
    assert kept.jpeg.endswith(b"\xff\xd9")  # the JPEG ends where its image does


def test_polyglot_with_a_payload_in_a_comment_is_cleaned() -> None:
    data = image_bytes("JPEG", comment=b"<?php system($_GET['c']); ?>")
    assert b"<?php" in data
    assert b"<?php" not in draft(data, **LIMITS).jpeg


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + image_bytes("JPEG"),  # a PDF that carries a JPEG
        b"<html><img src=x onerror=alert(1)></html>",
        b"GIF89a" + b"\x00" * 200,
        image_bytes("BMP"),
        image_bytes("TIFF"),
        b"\x00\x00\x01\x00" + b"\x00" * 100,  # an .ico header
    ],
    ids=["pdf", "html", "gif", "bmp", "tiff", "ico"],
)
def test_wrong_types_are_refused(data: bytes) -> None:
    refused(data, "wrong_type")


def test_a_png_named_as_jpeg_is_read_by_its_bytes_and_a_lying_header_refused() -> None:
    # The first bytes decide: a PNG works whatever its name, a JPEG magic on PNG data does not.
    assert draft(image_bytes("PNG"), **LIMITS).jpeg.startswith(b"\xff\xd8")
    refused(b"\xff\xd8\xff" + image_bytes("PNG")[3:], "unreadable")


def test_empty_file_is_refused() -> None:
    refused(b"", "empty")


def test_too_many_bytes_is_refused_before_reading() -> None:
    refused(image_bytes("PNG"), "too_large", max_bytes=1000)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
@pytest.mark.parametrize("share", [0.3, 0.6, 0.97])
@pytest.mark.parametrize("progressive", [False, True])
def test_truncated_files_are_refused(fmt: str, share: float, progressive: bool) -> None:
    """libjpeg pads a cut JPEG with grey and Pillow calls it whole: the marker walk refuses it."""
    if progressive and fmt != "JPEG":
        pytest.skip("progressive is a JPEG mode")
    picture = Image.effect_noise((500, 400), 60).convert("RGB")
    out = io.BytesIO()
    picture.save(out, format=fmt, **({"progressive": True} if progressive else {}))
    data = out.getvalue()
    assert draft(data, **LIMITS).width == 500
    refused(data[: int(len(data) * share)], "unreadable")


def test_decompression_bomb_is_refused_before_decoding() -> None:
    bomb = png_bomb(60_000, 60_000)  # 3.6 gigapixels in a few hundred bytes
    assert len(bomb) < 1000
    refused(bomb, "too_many_pixels")  # Pillow's own bomb check fires first at this size
    # Below Pillow's limit, ours refuses it, naming the size.
    assert "9000×9000" in str(refused(png_bomb(9000, 9000), "too_many_pixels"))


def test_pixel_limit_is_the_configured_one() -> None:
    refused(png_bomb(5000, 5000), "too_many_pixels", max_pixels=20_000_000)
    refused(image_bytes("PNG", (1200, 1000)), "too_many_pixels", max_pixels=1_000_000)


def test_huge_dimensions_on_one_side_are_refused() -> None:
    refused(png_bomb(MAX_SIDE + 1, 200), "too_many_pixels", max_pixels=10**10)


def test_tiny_images_are_refused() -> None:
    refused(image_bytes("PNG", (40, 40)), "too_small")


def test_big_upload_is_bounded_and_transparency_becomes_white() -> None:
    picture = Image.new("RGBA", (3000, 2000), (0, 0, 0, 0))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    kept = draft(out.getvalue(), **LIMITS)
    assert max(kept.width, kept.height) == DRAFT_MAX_SIDE
    with Image.open(io.BytesIO(kept.jpeg)) as image:
        assert min(image.convert("L").getextrema()) > 240  # white, not black


def test_animated_webp_keeps_the_first_frame() -> None:
    frames = [Image.new("RGB", (300, 300), colour) for colour in ((250, 0, 0), (0, 0, 250))]
    out = io.BytesIO()
    frames[0].save(out, format="WEBP", save_all=True, append_images=frames[1:], lossless=True)
    kept = draft(out.getvalue(), **LIMITS)
    with Image.open(io.BytesIO(kept.jpeg)) as image:
        red, _, blue = image.getpixel((150, 150))
        assert red > 200 and blue < 50


def test_crop_takes_the_given_square_clamped_inside_the_image() -> None:
    kept = draft(image_bytes("PNG", (640, 480)), **LIMITS)
    # The green mark is the top-left 160×120: a crop on it is green, the centred one is not.
    marked = crop_square(kept.jpeg, Square(0, 0, 100))
    with Image.open(io.BytesIO(marked.jpeg)) as image:
        red, green, _ = image.getpixel((200, 200))
        assert green > 150 and red < 60
    with Image.open(io.BytesIO(crop_square(kept.jpeg).jpeg)) as image:
        red, green, _ = image.getpixel((200, 200))
        assert red > 150 and green < 160
    # Out of bounds or oversized: moved and shrunk inside, still 400×400.
    for square in (Square(-500, -500, 100), Square(600, 450, 5000), Square(0, 0, 1)):
        with Image.open(io.BytesIO(crop_square(kept.jpeg, square).jpeg)) as image:
            assert image.size == (PHOTO_SIDE, PHOTO_SIDE)


def test_round_png_has_transparent_corners() -> None:
    photo = crop_square(draft(image_bytes("JPEG"), **LIMITS).jpeg)
    with Image.open(io.BytesIO(round_png(photo.jpeg))) as image:
        assert image.mode == "RGBA"
        assert image.getpixel((0, 0))[3] == 0
        assert image.getpixel((PHOTO_SIDE // 2, PHOTO_SIDE // 2))[3] == 255


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_mutated_files_are_refused_or_cleaned_never_crash(fmt: str) -> None:
    """Random bytes overwritten in a valid file (a fixed seed): each one is refused with a
    photo.* code or comes out a clean JPEG — no other exception escapes."""
    import random

    source = (
        image_bytes(fmt, (300, 240), exif=exif_with_gps()) if fmt != "PNG" else image_bytes(fmt)
    )
    rng = random.Random(f"photo-{fmt}")
    outcomes = {"refused": 0, "cleaned": 0}
    for _ in range(150):
        data = bytearray(source)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            kept = draft(bytes(data), **LIMITS)
        except InputError as error:
            assert error.code.startswith("photo."), error.code
            outcomes["refused"] += 1
        else:
            assert kept.jpeg.startswith(b"\xff\xd8\xff") and b"Exif" not in kept.jpeg
            outcomes["cleaned"] += 1
    assert sum(outcomes.values()) == 150


def test_truncation_is_refused_even_after_weasyprint_allowed_it() -> None:
    """Importing WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process (its
    images.py): the photo check still refuses a cut file, and leaves the switch as it was."""
    import weasyprint.images  # noqa: F401 - the import is what turns the switch on
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES is True
    data = image_bytes("PNG", (500, 400))
    refused(data[: len(data) * 9 // 10], "unreadable")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True
