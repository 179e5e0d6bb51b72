"""Cover letter PDFs: the CV's header and design, exactly one page, the letter's text in order,
hostile text printed as text, a clear error when it cannot fit, the render cache."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest

from app.lib.cv_content import Contact, CvContent, Header
from app.lib.letter_content import MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS, LetterContent
from app.lib.pdf_render import (
    DESIGNS,
    LetterTooLong,
    RenderError,
    UnknownDesign,
    cache_key,
    render_cv_html,
    render_letter_html,
    render_letter_pdf_bytes,
)
from app.lib.pdf_render.letter import letter_payload
from app.lib.pdf_render.letter_samples import sample_header, sample_letter


def pdf_pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [page.extract_text() or "" for page in doc.pages]


def squeeze(text: str) -> str:
    """Whitespace removed: line breaks and justification do not count."""
    return re.sub(r"\s+", "", text)


def header_markup(html: str) -> str:
    match = re.search(r'<header class="cv-header">.*?</header>', html, re.DOTALL)
    assert match, "no header"
    return match.group(0)


@pytest.mark.parametrize("locale", ["en", "fr"])
@pytest.mark.parametrize("design", sorted(DESIGNS))
async def test_every_design_renders_the_letter_on_one_page_in_order(
    design: str, locale: str
) -> None:
    letter, header = sample_letter(locale), sample_header(locale)
    result = await render_letter_pdf_bytes(letter, header, design=design, locale=locale)
    assert result.page_count == 1 and result.fits
    assert result.design == design and result.locale == locale
    assert result.extra["blockedUrls"] == []
    [text] = pdf_pages(result.pdf)
    # The CV's header first (name, title, contact), then the letter block by block.
    flat = squeeze(text)
    assert flat.startswith(squeeze(header.name + header.current_title))
    assert header.contact.email in text and header.contact.phone in text
    assert flat.endswith(squeeze(letter.plain_text()))
    positions = [
        flat.index(squeeze(block))
        for block in [
            *letter.recipient,
            letter.date_line,
            letter.subject,
            letter.greeting,
            *letter.paragraphs,
            letter.closing,
        ]
    ]
    assert positions == sorted(positions)
    assert f'<html lang="{locale}">' in result.html


@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_the_letter_header_is_the_cvs_header(design: str) -> None:
    header = sample_header("fr")
    cv_html = render_cv_html(CvContent(header=header), design=design, locale="fr")
    letter_html = render_letter_html(sample_letter("fr"), header, design=design, locale="fr")
    assert header_markup(letter_html) == header_markup(cv_html)
    # Same design stylesheet: the CV's CSS is part of the letter's.
    cv_style = re.search(r"<style>(.*?)</style>", cv_html, re.DOTALL)
    assert cv_style and cv_style.group(1).strip() in letter_html


async def test_french_letter_keeps_its_accents() -> None:
    letter = LetterContent(
        recipient=["Société Générale d'Études", "Île-de-France"],
        date_line="Besançon, le 3 décembre 2026",
        subject="Objet : candidature — ingénieure données",
        greeting="Madame, Monsieur,",
        paragraphs=[
            "Ça fait plaisir : « déjà vu », naïveté, cœur, œuvre, À bientôt, Éloïse.",
            "J'ai été chargée de l'équipe d'ingénierie à Orléans pendant trois années.",
        ],
        closing="Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
        signature="Éloïse Bérénice",
    )
    header = Header(name="Éloïse Bérénice", current_title="Ingénieure données")
    result = await render_letter_pdf_bytes(letter, header, design="modern", locale="fr")
    [text] = pdf_pages(result.pdf)
    assert squeeze(text).endswith(squeeze(letter.plain_text()))
    for word in ("Société", "Île-de-France", "décembre", "naïveté", "cœur", "« déjà vu »", "À"):
        assert word in text, word


async def test_a_longer_letter_shrinks_in_steps_to_stay_on_one_page() -> None:
    sentence = "I rebuilt the settlement service and cut the nightly batch to 35 minutes. "
    letter = sample_letter("en")
    letter.paragraphs = [sentence * 7 for _ in range(MAX_PARAGRAPHS)]
    result = await render_letter_pdf_bytes(letter, sample_header(), design="classic", locale="en")
    assert result.page_count == 1
    assert result.extra["fitStep"] > 0 and result.layout_passes == result.extra["fitStep"] + 1
    assert f'class="cv letter fit-{result.extra["fitStep"]}"' in result.html
    assert squeeze(pdf_pages(result.pdf)[0]).endswith(squeeze(letter.plain_text()))


class _Recorder(BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012 - shared on purpose, reset by the fixture

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[str]:
    _Recorder.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def hostile(base: str) -> list[str]:
    return [
        '<link rel="attachment" href="file:///etc/hostname">',
        f'<img src="{base}/remote.png"><img src="file:///etc/passwd">',
        f"</p><style>@import url({base}/x.css); body {{ display: none }}</style>",
        f'<div style="background: url({base}/bg.png)">styled</div>',
        "<script>alert(document.cookie)</script>",
        "} body.letter { font-size: 80pt } .page { display: none } {",
    ]


def attachments_and_images(pdf: bytes) -> tuple[int, int]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        attachments = doc.count_attachments()
    finally:
        doc.close()
    with pdfplumber.open(io.BytesIO(pdf)) as plumber:
        return attachments, sum(len(page.images) for page in plumber.pages)


@pytest.mark.parametrize("design", sorted(DESIGNS))
async def test_hostile_letter_is_printed_as_text_and_fetches_nothing(
    http_server: str, design: str
) -> None:
    payloads = hostile(http_server)
    long_word = "Supercalifragilistic" * 30  # 600 characters, no break opportunity
    letter = LetterContent(
        recipient=[payloads[0], long_word[:250]],
        date_line=payloads[4],
        subject=payloads[2],
        greeting=payloads[5],
        paragraphs=[*payloads[1:4], long_word],
        closing='"><script>x</script>',
        signature="Eve <b>bold</b>",
    )
    header = Header(
        name='Eve <img src="file:///etc/passwd">',
        current_title=payloads[3],
        contact=Contact(email="javascript:alert(1)", location=payloads[4]),
    )
    result = await render_letter_pdf_bytes(letter, header, design=design, locale="en")
    assert result.page_count == 1
    assert attachments_and_images(result.pdf) == (0, 0)
    assert _Recorder.hits == []
    assert result.extra["blockedUrls"] == []  # escaped text never became a URL
    flat = squeeze(pdf_pages(result.pdf)[0])
    assert flat.endswith(squeeze(letter.plain_text()))  # every payload printed, in order
    assert squeeze(long_word) in flat  # the long word wraps inside the page, nothing lost
    for tag in ("<script", "<img", "<link", "<div style", "<b>", "<style>@import"):
        assert tag not in result.html
    assert "&lt;script&gt;alert(document.cookie)&lt;/script&gt;" in result.html
    assert "javascript:" not in re.sub(r">[^<]*<", "><", result.html)  # never in an attribute


async def test_six_maximal_paragraphs_fail_with_the_too_long_error(http_server: str) -> None:
    chunk = hostile(http_server)[4] + " lorem ipsum dolor sit amet " * 60
    paragraphs = [chunk[:MAX_PARAGRAPH_CHARS] for _ in range(MAX_PARAGRAPHS)]
    letter = LetterContent(greeting="Hello,", paragraphs=paragraphs, closing="Bye")
    with pytest.raises(LetterTooLong) as caught:
        await render_letter_pdf_bytes(letter, sample_header(), design="modern", locale="en")
    assert isinstance(caught.value, RenderError)
    assert caught.value.code == "render.letter_too_long" and caught.value.page_count >= 2
    assert _Recorder.hits == []


async def test_the_second_render_comes_from_the_cache(tmp_path: Path) -> None:
    letter, header = sample_letter("en"), sample_header("en")
    first = await render_letter_pdf_bytes(
        letter, header, design="classic", locale="en", cache_dir=tmp_path
    )
    second = await render_letter_pdf_bytes(
        letter, header, design="classic", locale="en", cache_dir=tmp_path
    )
    assert not first.cached and second.cached
    assert second.pdf == first.pdf and second.html == first.html
    assert second.cache_key == first.cache_key and second.page_count == 1
    # Another design, language or header is another render; a letter never shares a CV's key.
    other = await render_letter_pdf_bytes(
        letter, header, design="modern", locale="en", cache_dir=tmp_path
    )
    assert not other.cached and other.cache_key != first.cache_key
    payload = letter_payload(letter, header)
    keys = {
        cache_key(payload, design="classic", locale="en", page_budget=1, relevance=None, kind=k)
        for k in ("cv", "letter")
    }
    assert len(keys) == 2 and first.cache_key in keys


async def test_an_empty_letter_renders_and_an_unknown_design_is_refused() -> None:
    result = await render_letter_pdf_bytes(LetterContent(), Header(), design="classic", locale="de")
    assert result.page_count == 1 and result.locale == "en"
    with pytest.raises(UnknownDesign):
        await render_letter_pdf_bytes(LetterContent(), Header(), design="fancy", locale="en")
