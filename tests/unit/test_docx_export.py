"""The Word export read back with python-docx: structure, styles, the PDF's text, hostile input."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn

from app.lib.cv_content import CvContent, Education, Experience, Header, Link, Project, Skill
from app.lib.cv_limits import check_content
from app.lib.docx_export import PlainDocx, Span, clean_text, cv_docx_bytes
from app.lib.link_text import link_text
from app.lib.pdf_render.designs import SECTION_TITLES, format_date, safe_href
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.html import render_cv_html
from app.lib.pdf_render.samples import sample_cv

# The order of templates/cv_designs/_document.html.
SECTION_ORDER = [
    "summary",
    "skills",
    "experience",
    "projects",
    "education",
    "languages",
    "certifications",
    "awards",
    "volunteering",
    "publications",
    "interests",
]


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def styled(document: docx.document.Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


def letters(text: str) -> str:
    """Only letters and digits, lower-cased: line breaks, hyphenation, bullets and separators
    (which the PDF designs draw with CSS) do not count."""
    return re.sub(r"[\W_]+", "", text.lower())


def docx_text(document: docx.document.Document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_sections_entries_and_bullets_in_the_pdf_order_with_word_styles(locale: str) -> None:
    cv = sample_cv(locale)
    document = read(cv_docx_bytes(cv, locale=locale))
    titles = SECTION_TITLES[locale]
    present = [key for key in SECTION_ORDER if key in _sections_of(cv)]
    assert styled(document, "Title") == [cv.header.name]
    assert styled(document, "Subtitle") == [cv.header.current_title]
    assert styled(document, "Heading 1") == [titles[key] for key in present]
    entry_lines = styled(document, "Heading 2")
    expected_entries = [f"{e.title} — {e.company}, {e.location}" for e in cv.experience]
    # A project with a URL prints its address after its name (app/lib/link_text.py).
    names = [link_text(p.name, safe_href(p.url)) for p in cv.projects]
    expected_entries += [
        f"{name} — {p.role}" if p.role else name for name, p in zip(names, cv.projects, strict=True)
    ]
    assert entry_lines[: len(expected_entries)] == expected_entries
    bullets = styled(document, "List Bullet")
    expected_bullets = [b for e in cv.experience for b in e.bullets]
    expected_bullets += [b for p in cv.projects for b in p.bullets]
    assert bullets == expected_bullets
    text = docx_text(document)
    assert format_date(cv.experience[0].start, locale) in text
    assert titles["present"] in text


@pytest.mark.parametrize("design", ["classic", "modern"])
@pytest.mark.parametrize("locale", ["fr", "en"])
def test_same_text_as_the_pdf(design: str, locale: str) -> None:
    cv = sample_cv(locale)
    result = render_to_budget(
        cv.to_json(), design=design, locale=locale, page_budget=3, relevance=None
    )
    assert result.trimmed == []  # a budget where the PDF keeps everything, as the DOCX does
    document = read(cv_docx_bytes(cv, locale=locale))
    # Same characters in the same order, whatever the lines, bullets and separators.
    assert letters(docx_text(document)) == letters(pdf_text(result.pdf))


def test_document_properties_page_and_no_layout_tricks() -> None:
    cv = sample_cv("fr")
    data = cv_docx_bytes(cv, locale="fr")
    document = read(data)
    props = document.core_properties
    assert props.author == cv.header.name
    assert props.title == f"{cv.header.name} – {cv.header.current_title}"
    assert props.language == "fr-FR"
    assert "python-docx" not in (props.comments + props.last_modified_by)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    for trick in ("<w:tbl", "txbxContent", "<w:drawing", "<v:shape", "<w:framePr"):
        assert trick not in body
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert 'w:val="fr-FR"' in styles  # proofing language of the whole document
    links = [rel._target for rel in document.part.rels.values() if rel.is_external]
    assert f"mailto:{cv.header.contact.email}" in links


def test_hostile_text_gives_a_valid_file_that_keeps_what_is_readable() -> None:
    cv = CvContent(
        header=Header(
            name="Zoë\x00 Núñez\x1b 😀",
            current_title="مهندسة برمجيات \u202eRTL",
            links=[Link(label="site", url="https://example.com/\x01x")],
        ),
        summary="Bell\x07 tab\there\r\nnew line half \ufffe " + "x" * 5000,
        experience=[
            Experience(title=f"Job {i} \x0c", company="ACME\x0b", bullets=["b\x1f1", "שלום עולם"])
            for i in range(100)
        ],
    )
    data = cv_docx_bytes(cv, locale="en")
    document = read(data)
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    assert styled(document, "Title") == ["Zoë Núñez 😀"]
    assert styled(document, "Subtitle") == ["مهندسة برمجيات \u202eRTL"]
    assert len(styled(document, "Heading 2")) == 100
    assert styled(document, "List Bullet")[:2] == ["b1", "שלום עולם"]
    right_to_left = [
        p.text for p in document.paragraphs if p._p.find(f"*/{qn('w:bidi')}") is not None
    ]
    assert right_to_left[:2] == ["مهندسة برمجيات \u202eRTL", "שלום עולם"]
    summary = next(p.text for p in document.paragraphs if p.text.startswith("Bell"))
    assert summary.startswith("Bell tab here new line half ")
    assert summary.endswith("x" * 5000)


def test_a_cv_at_the_content_limits_keeps_every_entry_and_bullet() -> None:
    """docs/content-limits.md: 100 jobs and 100 projects of 50 bullets, 500 skills, 50 schools."""
    cv = CvContent(header=Header(name="Zoë"))
    cv.experience = [
        Experience(title=f"T{i}", company="C", bullets=[f"b{i}x{j}" for j in range(50)])
        for i in range(100)
    ]
    cv.projects = [
        Project(name=f"P{i}", bullets=[f"p{i}x{j}" for j in range(50)]) for i in range(100)
    ]
    cv.skills = [Skill(name=f"s{i}", category=f"c{i % 20}") for i in range(500)]
    cv.education = [Education(institution=f"U{i}") for i in range(50)]
    assert check_content(cv) is None  # within every limit
    document = read(cv_docx_bytes(cv, locale="fr"))
    assert len(styled(document, "Heading 2")) == 250
    bullets = styled(document, "List Bullet")
    assert len(bullets) == 10_000
    assert bullets[0] == "b0x0" and bullets[-1] == "p99x49"


def test_names_and_titles_at_the_field_limit_fit_the_document_properties() -> None:
    cv = CvContent(header=Header(name="N" * 1000, current_title="T" * 1000))
    document = read(cv_docx_bytes(cv, locale="en"))
    assert document.core_properties.author == "N" * 255
    assert document.core_properties.title == "N" * 255
    assert styled(document, "Title") == ["N" * 1000]


def test_empty_cv_is_still_a_document() -> None:
    document = read(cv_docx_bytes(CvContent(), locale="fr"))
    assert [p.text for p in document.paragraphs] == []
    assert document.core_properties.title == "CV"


def test_plain_docx_is_reusable_for_any_letter_like_document() -> None:
    doc = PlainDocx(language="en", title="Letter", author="Ada")
    doc.title("Ada Lovelace")
    doc.joined(
        [Span("ada@example.com", href="mailto:ada@example.com"), Span(""), Span("London")], " | "
    )
    doc.heading("Dear team,", level=1)
    doc.paragraph("First paragraph.")
    doc.bullets(["one", "", "two"])
    document = read(doc.to_bytes())
    assert [(p.style.name, p.text) for p in document.paragraphs if p.style] == [
        ("Title", "Ada Lovelace"),
        ("Normal", "ada@example.com | London"),
        ("Heading 1", "Dear team,"),
        ("Normal", "First paragraph."),
        ("List Bullet", "one"),
        ("List Bullet", "two"),
    ]


def test_clean_text() -> None:
    assert clean_text(" a\x00b\u0085c \n\t d\ud83d ") == "abc d"
    assert clean_text(None) == ""


def _sections_of(cv: CvContent) -> set[str]:
    extras = cv.extras
    present = {
        "summary": bool(cv.summary),
        "skills": bool(cv.skills),
        "experience": bool(cv.experience),
        "projects": bool(cv.projects),
        "education": bool(cv.education),
        "languages": bool(cv.languages),
        "certifications": bool(extras.certifications),
        "awards": bool(extras.awards),
        "volunteering": bool(extras.volunteering),
        "publications": bool(extras.publications),
        "interests": bool(extras.interests),
    }
    return {key for key, there in present.items() if there}


def test_a_one_line_entry_the_page_budget_took_out_is_out_of_the_word_file_too() -> None:
    cv = sample_cv("en")
    gone, kept = cv.experience[-1], cv.experience[0]
    assert gone.company != kept.company
    trimmed = [f"entry:{gone.id}"]
    text = docx_text(read(cv_docx_bytes(cv, locale="en", trimmed=trimmed)))
    assert gone.company not in text and kept.company in text
    # One rule for both documents (``designs.build_view``).
    html = render_cv_html(cv, design="classic", locale="en", trimmed=trimmed)
    assert gone.company not in html and kept.company in html
