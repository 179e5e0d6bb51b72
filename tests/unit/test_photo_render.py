"""The photo on both CV designs: in the PDF (pdfplumber finds it, round-clipped at the top of
page 1), inside the page budget, through the sandboxed renderer and in the Word export."""

from __future__ import annotations

import base64
import io

import pdfplumber
import pytest
from docx import Document
from PIL import Image

from app.lib.docx_export import cv_docx_bytes
from app.lib.pdf_render import DESIGNS, cache_key, render_cv_html, render_cv_pdf_bytes
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.samples import sample_cv
from app.lib.photo.clean import crop_square, draft

MM = 72 / 25.4


def face_jpeg(colour: tuple[int, int, int] = (230, 190, 160)) -> bytes:
    picture = Image.new("RGB", (900, 700), colour)
    out = io.BytesIO()
    picture.save(out, format="PNG")
    kept = draft(out.getvalue(), max_bytes=5 << 20, max_pixels=40_000_000)
    return crop_square(kept.jpeg).jpeg


PHOTO = face_jpeg()
PHOTO_B64 = base64.b64encode(PHOTO).decode()


def images(pdf: bytes) -> list[list[dict[str, float]]]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [list(page.images) for page in document.pages]


@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_pdf_shows_the_photo_once_at_the_top_of_page_one(design: str) -> None:
    result = render_to_budget(
        sample_cv("fr").to_json(),
        design=design,
        locale="fr",
        page_budget=2,
        relevance=None,
        photo=PHOTO_B64,
    )
    pages = images(result.pdf)
    assert sum(len(p) for p in pages) == 1 and len(pages[0]) == 1
    [image] = pages[0]
    assert image["top"] < 60 * MM  # in the header
    assert 20 * MM < image["width"] < 32 * MM and abs(image["width"] - image["height"]) < 1
    assert image["srcsize"] == (400, 400)
    without = render_to_budget(
        sample_cv("fr").to_json(), design=design, locale="fr", page_budget=2, relevance=None
    )
    assert images(without.pdf) == [[] for _ in images(without.pdf)]


@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_the_photo_counts_in_the_page_budget(design: str) -> None:
    """A CV too long for one page: with the photo the fit cuts at least as much (the photo's
    height is laid out with the rest), and the PDF still holds on the budget."""
    content = sample_cv("en").to_json()
    plain = render_to_budget(content, design=design, locale="en", page_budget=1, relevance=None)
    shown = render_to_budget(
        content, design=design, locale="en", page_budget=1, relevance=None, photo=PHOTO_B64
    )
    assert plain.fits and shown.fits
    assert plain.page_count == shown.page_count == len(images(shown.pdf)) == 1
    assert len(shown.trimmed) >= len(plain.trimmed)
    assert len(images(shown.pdf)[0]) == 1


async def test_the_sandboxed_render_carries_the_photo_and_keys_the_cache_by_it() -> None:
    cv = sample_cv("en")
    result = await render_cv_pdf_bytes(cv, design="modern", locale="en", page_budget=2, photo=PHOTO)
    assert result.page_count <= 2
    assert len(images(result.pdf)[0]) == 1
    assert 'class="photo"' in result.html and "data:image/jpeg;base64," in result.html
    # A screen reader says whose photo it is, in the CV's language.
    assert f'alt="Photo of {cv.header.name}"' in result.html
    french = render_cv_html(sample_cv("fr"), design="classic", locale="fr", photo=PHOTO_B64)
    assert f'alt="Photo de {sample_cv("fr").header.name}"' in french
    plain = cache_key(cv.to_json(), design="modern", locale="en", page_budget=2, relevance=None)
    other = face_jpeg((90, 60, 40))
    keys = {
        cache_key(
            cv.to_json(), design="modern", locale="en", page_budget=2, relevance=None, photo=p
        )
        for p in (None, PHOTO, other)
    }
    assert len(keys) == 3 and plain in keys and result.cache_key in keys


def test_only_base64_reaches_the_photo_attribute() -> None:
    html = render_cv_html(sample_cv("en"), design="classic", locale="en", photo='x" onload="1')
    assert 'class="photo"' not in html and "onload" not in html


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_word_export_has_the_round_photo_above_the_name(locale: str) -> None:
    data = cv_docx_bytes(sample_cv(locale), locale=locale, photo=PHOTO)
    document = Document(io.BytesIO(data))
    [shape] = document.inline_shapes
    assert abs(shape.width.mm - 26) < 0.5
    assert shape._inline.docPr.get("descr") == "Photo"
    # The picture comes first, then the name (the Title paragraph).
    first_text = next(p for p in document.paragraphs if p.text.strip())
    assert first_text.style.name == "Title"
    blob = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
    png = document.part.related_parts[blob].blob
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.getpixel((0, 0))[3] == 0
    assert not Document(io.BytesIO(cv_docx_bytes(sample_cv(locale), locale=locale))).inline_shapes
