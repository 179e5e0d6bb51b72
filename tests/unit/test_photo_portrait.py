"""The portrait an import offers: an image near the top of page 1 with a face's proportions,
found in a limited pdfium child (app/lib/pdf_read/portrait.py). PDFs made with WeasyPrint."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

from app.lib.pdf_read.portrait import find_portrait, is_portrait
from tests.fixtures.pdfs import render_html

A4 = (595.0, 842.0)


def data_uri(size: tuple[int, int], colour: tuple[int, int, int]) -> str:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG")
    return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode()


def page_with(*images: str) -> bytes:
    body = "".join(images)
    return render_html(
        f"<html><body>{body}<h1>Jeanne Martin</h1><p>Développeuse Python</p></body></html>"
    )


def placed(style: str, size: tuple[int, int] = (300, 380), colour=(120, 80, 60)) -> str:
    return f'<img src="{data_uri(size, colour)}" style="position:absolute;{style}">'


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        ((450, 700, 540, 810), True),  # 90×110 pt, top right
        ((40, 780, 240, 810), False),  # a wide banner
        ((40, 790, 60, 810), False),  # an icon
        ((450, 100, 540, 210), False),  # at the bottom of the page
        ((0, 0, 595, 842), False),  # a full-page background
    ],
)
def test_candidate_rules(box: tuple[float, float, float, float], expected: bool) -> None:
    assert is_portrait(box, *A4) is expected


async def test_the_portrait_is_found_and_cut_out() -> None:
    pdf = page_with(
        placed("top:10mm;right:10mm;width:30mm;height:38mm"),
        placed("top:10mm;left:10mm;width:60mm;height:8mm", (600, 80), (20, 40, 160)),
    )
    png = await find_portrait(pdf)
    assert png is not None
    with Image.open(io.BytesIO(png)) as image:
        assert 0.7 < image.width / image.height < 0.85  # 30 × 38 mm, not the logo
        red, green, blue = image.convert("RGB").getpixel((image.width // 2, image.height // 2))
        assert abs(red - 120) < 20 and abs(green - 80) < 20 and abs(blue - 60) < 20


async def test_the_largest_of_two_candidates_wins() -> None:
    pdf = page_with(
        placed("top:10mm;left:10mm;width:20mm;height:20mm", colour=(250, 0, 0)),
        placed("top:10mm;right:10mm;width:35mm;height:40mm", colour=(0, 0, 250)),
    )
    png = await find_portrait(pdf)
    assert png is not None
    with Image.open(io.BytesIO(png)) as image:
        red, _, blue = image.convert("RGB").getpixel((image.width // 2, image.height // 2))
        assert blue > 200 and red < 50


@pytest.mark.parametrize(
    "images",
    [
        (),  # no image at all
        (placed("top:12mm;left:10mm;width:70mm;height:10mm", (700, 100)),),  # a banner
        (placed("top:12mm;left:10mm;width:6mm;height:6mm", (60, 60)),),  # an icon
        (placed("bottom:15mm;right:10mm;width:30mm;height:38mm"),),  # at the bottom
    ],
    ids=["none", "banner", "icon", "bottom"],
)
async def test_nothing_face_like_offers_nothing(images: tuple[str, ...]) -> None:
    # The page is laid out when its case runs, not at collection, which every test process pays.
    assert await find_portrait(page_with(*images)) is None


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7 broken", b"\xff\xd8\xff not a pdf"])
async def test_broken_input_offers_nothing(data: bytes) -> None:
    assert await find_portrait(data) is None
