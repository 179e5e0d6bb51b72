"""A header line over a page's gutter (app/lib/pdf_read/columns.py's ``_set_over``): a name
set across both columns with only a word space over the gutter reads whole, above them; a
sidebar's name wrapping level with the main column's first heading, a column gap apart, stays
in its column ("Jean-Baptiste de la À propos" had been read as the name's line, and neither
the name nor the headline came out)."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.pdf_read.columns import reading_order
from app.lib.pdf_read.words import Word
from app.lib.pdf_text import read_pdf_text_sync
from tests.fixtures.pdfs import render_html

PROSE = "Store manager for eight years, used to field teams and their clients."


def _sidebar_page(name: str) -> str:
    return (
        "<html><head><meta charset='utf-8'><style>"
        "@page { size: A4; margin: 15mm 14mm; } p { margin: 0 0 2pt; }"
        "body { font-family: sans-serif; font-size: 9.5pt; line-height: 1.3; }"
        ".side { float: left; width: 32%; } .main { margin-left: 36%; }"
        "h1 { font-size: 15pt; margin: 0 0 2pt; } h2 { font-size: 12pt; margin: 12pt 0 4pt; }"
        "</style></head><body><div class='side'>"
        f"<h1>{name}</h1><p>Opérateur de production</p><p>jb.fontaine@postbox.example</p>"
        "<p>+33 6 14 88 94 43</p><h2>Compétences</h2><p>Conduite de ligne</p><p>CACES 3</p>"
        f"</div><div class='main'><h2>À propos</h2><p>{PROSE}</p><h2>Expérience</h2>"
        "<p>2019 – 2025</p><p><b>Opérateur de production</b></p><p>Verdane SA, Lyon</p>"
        "<p>2015 – 2019</p><p><b>Agent de fabrication</b></p><p>Maison Talvère, Vienne</p>"
        "</div></body></html>"
    )


def test_a_sidebar_name_level_with_the_main_heading_stays_in_its_column() -> None:
    text = read_pdf_text_sync(
        render_html(_sidebar_page("Jean-Baptiste de la Fontaine")), max_pages=1
    ).text
    assert "À propos" not in text.split("\n")[0], text
    header = parse_cv_text(text).content.header
    assert header.name == "Jean-Baptiste de la Fontaine"
    assert header.current_title == "Opérateur de production"


def _words(text: str, x0: float, top: float, size: float) -> list[Word]:
    words: list[Word] = []
    for word in text.split():
        width = 0.55 * size * len(word)
        box = {"x0": x0, "x1": x0 + width, "top": top, "bottom": top + size}
        words.append({"text": word, **box, "size": size, "bold": False, "colour": "0"})
        x0 += width + 0.28 * size
    return words


def test_a_name_with_its_word_space_over_the_gutter_reads_whole_above_both_columns() -> None:
    # The name's word space falls over the gutter at x 200: a space, not two columns.
    words = _words("Awa", 168, 40, 20) + _words("Benali", 207.6, 40, 20)
    for row in range(12):
        words += _words("Contact and skills item", 20, 90 + 14 * row, 9)
        words += _words("Ran the store with its field teams daily", 215, 90 + 14 * row, 9)
    rows, _ = reading_order(words, {})
    assert rows[0][0] == "Awa Benali"
