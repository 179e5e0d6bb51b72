"""Both designs, FR and EN: the PDF read back by pdfplumber (what an ATS sees) has every section
heading and every kept experience, in order; the HTML is the same document."""

from __future__ import annotations

import html
import io
import re

import pdfplumber
import pytest

from app.lib.pdf_render import DESIGNS, render_cv_html
from app.lib.pdf_render.designs import SECTION_TITLES, build_view, format_date, safe_href
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.samples import sample_cv

SECTION_KEYS = [
    "summary",
    "skills",
    "experience",
    "projects",
    "education",
    "languages",
    "certifications",
    "volunteering",
    "interests",
]


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def assert_in_order(text: str, needles: list[str]) -> None:
    position = 0
    for needle in needles:
        found = text.find(flat(needle), position)
        assert found >= 0, f"{needle!r} missing (or out of order) after offset {position}"
        position = found + len(flat(needle))


@pytest.mark.parametrize("design", sorted(DESIGNS))
@pytest.mark.parametrize("locale", ["fr", "en"])
def test_pdf_text_has_every_section_and_experience_in_order(design: str, locale: str) -> None:
    cv = sample_cv(locale)
    result = render_to_budget(
        cv.to_json(), design=design, locale=locale, page_budget=2, relevance=None
    )
    assert result.pdf.startswith(b"%PDF-") and result.fits
    text = flat(pdf_text(result.pdf))
    titles = SECTION_TITLES[locale]
    assert_in_order(text, [cv.header.name, cv.header.current_title])
    assert_in_order(text, [titles[key] for key in SECTION_KEYS])
    # Every kept experience, in CV order, each with its company and its dates right after.
    expected = []
    for exp in cv.experience:
        expected += [exp.title, exp.company]
    assert_in_order(text, expected)
    assert_in_order(
        text, ["Python", "PostgreSQL", cv.languages[0].name, cv.languages[0].level, "CNCF"]
    )
    present = "aujourd'hui" if locale == "fr" else "present"
    month = "mars 2021" if locale == "fr" else "mar 2021"
    assert f"{month} – {present}" in text
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        assert doc.metadata.get("Title", "").startswith(cv.header.name)
        assert doc.metadata.get("Author") == cv.header.name
        width, height = doc.pages[0].width, doc.pages[0].height
    assert (round(width), round(height)) == (595, 842)  # A4 in points


@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_dates_are_right_aligned_on_the_experience_line(design: str) -> None:
    cv = sample_cv("en")
    result = render_to_budget(
        cv.to_json(), design=design, locale="en", page_budget=2, relevance=None
    )
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        page = doc.pages[0]
        words = page.extract_words()
        title = next(w for w in words if w["text"] == "Northwind")
        dates = [w for w in words if w["text"] == "Present"]
        assert dates, "the end date is printed"
        # Same line as the job title, ending at the right margin.
        assert abs(dates[0]["top"] - title["top"]) < 3
        assert dates[0]["x1"] > page.width * 0.85


def test_html_document_has_the_same_text_as_the_pdf() -> None:
    """The preview serves this very HTML; its words are exactly the PDF's words."""
    cv = sample_cv("fr")
    result = render_to_budget(
        cv.to_json(), design="modern", locale="fr", page_budget=2, relevance=None
    )
    body = result.html.split("<body", 1)[1].split(">", 1)[1]
    html_words = set(re.findall(r"\w+", html.unescape(re.sub(r"<[^>]+>", " ", body)).lower()))
    pdf_words = set(re.findall(r"\w+", pdf_text(result.pdf).lower()))
    assert len(html_words) > 100
    assert html_words == pdf_words
    assert render_cv_html(cv, design="modern", locale="fr") == result.html


def test_view_formats_dates_groups_skills_and_filters_links() -> None:
    assert format_date("2021-03", "en") == "Mar 2021"
    assert format_date("2021-03", "fr") == "mars 2021"
    assert format_date("2019", "fr") == "2019"
    assert format_date("spring 2019", "en") == "spring 2019"
    assert safe_href("https://example.com/x") == "https://example.com/x"
    assert safe_href("example.com") == "https://example.com"
    assert safe_href("javascript:alert(1)") is None
    assert safe_href("file:///etc/passwd") is None
    assert safe_href("data:text/html,<b>") is None
    view = build_view(sample_cv("en"), locale="en")
    groups = {g["name"]: g["items"] for g in view["skill_groups"]}
    assert groups["Programming"] == [
        {"key": "skill:0", "text": "Python"},
        {"key": "skill:1", "text": "SQL"},
        {"key": "skill:2", "text": "TypeScript"},
    ]
    # Trimmed skills and interests are left out; a group with none left disappears.
    cut = build_view(
        sample_cv("en"), locale="en", trimmed={"skill:0", "skill:1", "skill:2", "interest:1"}
    )
    assert "Programming" not in {g["name"] for g in cut["skill_groups"]}
    assert [i["text"] for i in cut["interests"]] == ["Trail running", "Board games"]
    assert view["t"]["experience"] == "Professional experience"
    assert build_view(sample_cv("en"), locale="de")["lang"] == "en"  # unknown → English titles


def test_minimal_cv_renders_without_empty_sections() -> None:
    from app.lib.cv_content import CvContent, Header

    cv = CvContent(header=Header(name="Ana Example"), summary="Short.")
    for design in DESIGNS:
        html = render_cv_html(cv, design=design, locale="en")
        assert "Professional experience" not in html and "Ana Example" in html
        result = render_to_budget(
            cv.to_json(), design=design, locale="en", page_budget=1, relevance=None
        )
        assert result.page_count == 1
