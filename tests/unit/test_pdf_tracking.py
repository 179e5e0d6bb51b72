"""A name set with a designer's wide tracking (app/lib/pdf_read/words.py's ``_tracking``): at
0.7 em between letters every letter stood as a word and every word gap as a cell break, so
"J E A N - B A P T I S T E<TAB>D E<TAB>L A" lost its particles and the name read
"DE FONTAINE". Even gaps wider than ordinary text's are the run's letter spacing, and a word
gap holding it twice is no cell. Synthetic pages rendered with WeasyPrint, read back by the
real reader, parsed by the real rules."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.pdf_text import read_pdf_text_sync
from tests.fixtures.pdfs import render_html

BODY = (
    "<p>{mail} · +33 6 14 88 94 43 · Lyon</p><h2>Profil</h2><p>Opérateur de production"
    " depuis six ans, habitué au travail en équipe.</p><h2>Expérience</h2>"
    "<p>2019 – 2025</p><p>Opérateur de production, Verdane SA</p>"
)


def _page(name: str, tracking: str, mail: str) -> bytes:
    return render_html(
        "<html><head><style>@page { size: 297mm 210mm }</style></head>"
        "<body style='font-family:sans-serif;font-size:10pt'>"
        f"<h1 style='letter-spacing:{tracking};font-weight:300;font-size:16pt'>{name}</h1>"
        f"<p style='letter-spacing:0.3em'>OPÉRATEUR DE PRODUCTION</p>{BODY.format(mail=mail)}"
        "</body></html>"
    )


@pytest.mark.parametrize("tracking", ["0.4em", "0.7em", "0.9em"])
def test_tracked_name_reads_as_words_on_one_line(tracking: str) -> None:
    pdf = _page("JEAN-BAPTISTE DE LA FONTAINE", tracking, "jb.fontaine@postbox.example")
    text = read_pdf_text_sync(pdf, max_pages=1).text
    assert text.split("\n")[0] == "JEAN-BAPTISTE DE LA FONTAINE"
    header = parse_cv_text(text).content.header
    assert header.name == "JEAN-BAPTISTE DE LA FONTAINE"
    assert header.current_title.casefold() == "opérateur de production"


def test_ordinary_text_keeps_its_word_gaps() -> None:
    # Letters that touch, words a space apart: nothing is taken for tracking.
    pdf = _page("Jean-Baptiste de la Fontaine", "normal", "jb.fontaine@postbox.example")
    lines = read_pdf_text_sync(pdf, max_pages=1).text.split("\n")
    assert lines[0] == "Jean-Baptiste de la Fontaine"
    assert "Opérateur de production, Verdane SA" in lines


def test_a_short_word_alone_on_its_line_takes_its_font_s_tracking() -> None:
    # "V A N" has two letter gaps, too few to tell tracking on its own: the name's other lines,
    # in the same font, tell it.
    pdf = _page("GWENAËLLE<br>VAN<br>DAMME", "0.6em", "gwen2001@postbox.example")
    lines = [line for line in read_pdf_text_sync(pdf, max_pages=1).text.split("\n") if line]
    assert lines[:3] == ["GWENAËLLE", "VAN", "DAMME"]
