"""Cover letter Word export read back with python-docx: the CV's header, the letter's paragraphs
in order with real styles, the same text as the PDF, hostile and French text."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pdfplumber

from app.lib.cv_content import Contact, CvContent, Header, Link
from app.lib.docx_export import cv_docx_bytes, letter_docx_bytes
from app.lib.letter_content import LetterContent
from app.lib.pdf_render.letter import letter_payload
from app.lib.pdf_render.letter_fit import render_letter_to_page
from app.lib.pdf_render.letter_samples import sample_header, sample_letter


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def styled_paragraphs(data: bytes) -> list[tuple[str, str]]:
    document = read(data)
    return [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]


def test_letter_paragraphs_follow_the_header_in_order_with_real_styles() -> None:
    letter, header = sample_letter("en"), sample_header("en")
    data = letter_docx_bytes(letter, header, locale="en")
    paragraphs = styled_paragraphs(data)
    # The same header as the CV's Word export: its first three paragraphs.
    cv_head = styled_paragraphs(cv_docx_bytes(CvContent(header=header), locale="en"))[:3]
    assert paragraphs[:3] == cv_head
    assert [style for style, _ in cv_head] == ["Title", "Subtitle", "Normal"]
    assert header.contact.email in cv_head[2][1]
    expected = [
        *letter.recipient,
        letter.date_line,
        letter.subject,
        letter.greeting,
        *letter.paragraphs,
        letter.closing,
        letter.signature,
    ]
    assert paragraphs[3:] == [("Normal", text) for text in expected]
    document = read(data)
    subject = document.paragraphs[3 + len(letter.recipient) + 1]
    assert subject.text == letter.subject and all(run.bold for run in subject.runs)
    assert document.tables == []
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "txbxContent" not in xml and "<w:tab/>" not in xml  # no text box, no tab layout
    assert document.core_properties.title == letter.subject
    assert document.core_properties.author == header.name
    assert document.core_properties.language == "en-GB"


def test_docx_has_the_same_text_as_the_pdf() -> None:
    letter, header = sample_letter("fr"), sample_header("fr")
    data = letter_docx_bytes(letter, header, locale="fr")
    pdf = render_letter_to_page(letter_payload(letter, header), design="classic", locale="fr").pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pdf_text = "".join(page.extract_text() or "" for page in doc.pages)
    docx_paragraphs = [p.text for p in read(data).paragraphs]
    body = "".join(docx_paragraphs[3:])  # after the header (whose separators the PDF draws)
    squeeze = lambda text: re.sub(r"\s+", "", text)  # noqa: E731
    assert squeeze(pdf_text).endswith(squeeze(body))
    assert squeeze(body) == squeeze(letter.plain_text())
    assert squeeze(docx_paragraphs[0] + docx_paragraphs[1]) in squeeze(pdf_text)


def test_french_letter_keeps_accents_and_is_proofed_in_french() -> None:
    letter = LetterContent(
        recipient=["Société Générale d'Études"],
        date_line="Besançon, le 3 décembre 2026",
        subject="Objet : candidature — ingénieure",
        greeting="Madame, Monsieur,",
        paragraphs=["Ça fait plaisir : « déjà vu », naïveté, cœur, À bientôt."],
        closing="Veuillez agréer mes salutations distinguées.",
        signature="Éloïse Bérénice",
    )
    data = letter_docx_bytes(letter, Header(name="Éloïse Bérénice"), locale="fr")
    texts = [p.text for p in read(data).paragraphs]
    assert texts == [
        "Éloïse Bérénice",
        *letter.recipient,
        letter.date_line,
        letter.subject,
        letter.greeting,
        *letter.paragraphs,
        letter.closing,
        letter.signature,
    ]
    assert read(data).core_properties.language == "fr-FR"
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert 'w:val="fr-FR"' in styles


def test_hostile_letter_is_plain_text_in_word() -> None:
    script = "<script>alert(1)</script>"
    letter = LetterContent(
        recipient=["<b>Acme</b>", "x\x00\x07y"],
        subject='"><w:p>injected</w:p>',
        greeting="Hi\x0b there",
        paragraphs=[script, "A" * 1500, "{{ 7*7 }} ${x} <!-- c -->"],
        closing="\ufffeBye",
        signature="Eve",
    )
    header = Header(
        name="Eve <img src=x>",
        contact=Contact(email="javascript:alert(1)"),
        links=[Link(label="evil", url="javascript:alert(1)")],
    )
    data = letter_docx_bytes(letter, header, locale="en")
    texts = [p.text for p in read(data).paragraphs]
    assert texts[0] == "Eve <img src=x>"
    assert "<b>Acme</b>" in texts and "xy" in texts and "Hi there" in texts
    assert script in texts and "A" * 1500 in texts and "{{ 7*7 }} ${x} <!-- c -->" in texts
    assert '"><w:p>injected</w:p>' in texts and "Bye" in texts
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels").decode()
    assert "javascript:" not in rels  # unsafe links stay text, never hyperlinks
