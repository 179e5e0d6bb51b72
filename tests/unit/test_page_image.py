"""Drawing a page of an uploaded PDF (app/lib/pdf_read/page_image.py): in a limited child, to a
bounded size whatever page size the file declares, with a clear code for what cannot be drawn."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from PIL import Image

from app.lib.pdf_read.page_image import PageImageError, render_page_png
from tests.fixtures.pdfs import many_pages_pdf, render_html


async def test_the_last_page_of_a_ten_page_pdf_is_drawn_900_pixels_wide() -> None:
    png = await render_page_png(many_pages_pdf(10), 10, max_pages=10)
    image = Image.open(io.BytesIO(png))
    assert image.width == 900 and image.height > image.width


async def test_a_page_declaring_a_huge_size_is_drawn_within_bounds() -> None:
    tall = render_html("<style>@page { size: 200mm 5000mm }</style><p>Ana Lima</p>")
    wide = render_html("<style>@page { size: 5000mm 200mm }</style><p>Ana Lima</p>")
    for data in (tall, wide):
        image = Image.open(io.BytesIO(await render_page_png(data, 1, max_pages=10)))
        assert image.width <= 900 and image.height <= 3 * 900


@pytest.mark.parametrize(
    ("make", "page", "code"),
    [
        (lambda: many_pages_pdf(3), 4, "no_page"),
        (lambda: many_pages_pdf(12), 1, "too_many_pages"),
        (lambda: b"%PDF-1.7\nnot really a pdf", 1, "corrupt"),
    ],
    ids=["no_page", "too_many_pages", "corrupt"],
)
async def test_what_cannot_be_drawn_says_why(
    make: Callable[[], bytes], page: int, code: str
) -> None:
    # The file is made when its case runs, not at collection, which every test process pays.
    with pytest.raises(PageImageError) as raised:
        await render_page_png(make(), page, max_pages=10)
    assert raised.value.code == code
