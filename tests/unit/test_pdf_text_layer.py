"""The PDF's text layer survives what users write: an emoji, a character no font has, Greek,
Cyrillic, CJK. (Reading order, bullets under their entries: ``test_pdf_extractors.py``.)"""

from __future__ import annotations

import io

import pypdf
import pytest

from app.lib.pdf_render import DESIGNS
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.glyphs import strip_characters
from app.lib.pdf_render.letter import letter_payload
from app.lib.pdf_render.letter_fit import render_letter_to_page
from app.lib.pdf_render.letter_samples import sample_header, sample_letter
from app.lib.pdf_render.samples import sample_cv
from tests.fixtures.extractors import find_run, readers, words

# Drawn by the designs' fonts: an emoji (Symbola), Greek, Cyrillic, CJK, symbols.
COVERED = "🌍 Ελληνικά, Кириллица, 日本語 ✓ →"
# A recent emoji no installed font has: WeasyPrint would draw .notdef and break the text layer.
UNCOVERED = "\U0001fae0"  # MELTING FACE (Unicode 14)


def _fonts(pdf: bytes) -> dict[str, str]:
    """Base font name → its /Encoding, over every page."""
    found: dict[str, str] = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            found[str(font["/BaseFont"]).split("+")[-1]] = str(font.get("/Encoding"))
    return found


def _assert_contact_read_by_every_reader(pdf: bytes, email: str, phone: str) -> None:
    for name, read in readers().items():
        text = read(pdf)
        assert "\x00" not in text, name
        assert email in text, f"{name} lost the email"
        assert find_run(words(text), words(phone)) >= 0, f"{name} lost the phone"


@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_emoji_and_scripts_are_drawn_and_read_back(design: str) -> None:
    cv = sample_cv("en")
    cv.summary = f"{COVERED} {cv.summary}"
    result = render_to_budget(
        cv.to_json(), design=design, locale="en", page_budget=2, relevance=None
    )
    fonts = _fonts(result.pdf)
    assert any(f.startswith("Symbola") for f in fonts), fonts
    assert "Droid-Sans-Fallback" in fonts, fonts
    # No font written with a custom CMap: that is what makes extractors lose the page's text.
    assert set(fonts.values()) == {"/Identity-H"}, fonts
    assert "droppedCharacters" not in result.extra
    _assert_contact_read_by_every_reader(
        result.pdf, cv.header.contact.email or "", cv.header.contact.phone or ""
    )
    for name, read in readers().items():
        assert find_run(words(read(result.pdf)), words(COVERED)) >= 0, name


@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_a_character_no_font_has_is_left_out_and_reported(design: str) -> None:
    cv = sample_cv("en")
    cv.summary = f"{UNCOVERED} {cv.summary}"
    cv.experience[0].bullets[0] += f" {UNCOVERED}"
    result = render_to_budget(
        cv.to_json(), design=design, locale="en", page_budget=2, relevance=None
    )
    assert result.extra["droppedCharacters"] == [UNCOVERED]
    assert UNCOVERED not in result.html
    assert set(_fonts(result.pdf).values()) == {"/Identity-H"}
    _assert_contact_read_by_every_reader(
        result.pdf, cv.header.contact.email or "", cv.header.contact.phone or ""
    )


def test_a_letter_with_a_character_no_font_has_keeps_its_text_layer() -> None:
    letter, header = sample_letter("en"), sample_header("en")
    letter.paragraphs[0] = f"{UNCOVERED} {letter.paragraphs[0]}"
    result = render_letter_to_page(letter_payload(letter, header), design="classic", locale="en")
    assert result.extra["droppedCharacters"] == [UNCOVERED]
    _assert_contact_read_by_every_reader(
        result.pdf, header.contact.email or "", header.contact.phone or ""
    )
    for name, read in readers().items():
        assert find_run(words(read(result.pdf)), words(letter.paragraphs[0])[:12]) >= 0, name


def test_strip_characters_tidies_the_spaces_left() -> None:
    value = {"a": [f"{UNCOVERED} Lead", f"x {UNCOVERED} y"], "b": 3, "c": "keep  this"}
    assert strip_characters(value, frozenset({UNCOVERED})) == {
        "a": ["Lead", "x y"],
        "b": 3,
        "c": "keep  this",
    }
