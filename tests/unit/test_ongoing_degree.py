"""A degree still under way ("2023 – present" in the CV) is printed "2023 – Present" /
"2023 – aujourd'hui" in the PDF and the Word file, never as a bare year (as if graduated)."""

from __future__ import annotations

import io

import docx
import pdfplumber
import pytest

from app.lib.cv_content import CvContent, Education
from app.lib.docx_export import cv_docx_bytes
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.formats.json_resume import validate_json_resume
from app.lib.parsing.formats.json_resume_export import resume_from_content
from app.lib.parsing.formats.json_resume_map import content_from_resume
from app.lib.pdf_render.fit import render_to_budget

PASTED = {
    "en": "Ana Lima\nana@example.com\n\nEducation\nMSc Data Science - University of Lyon\n"
    "2023 - present\n\nBSc Mathematics - University of Lyon\n2019 - 2022\n",
    "fr": "Ana Lima\nana@example.com\n\nFormation\nMaster Data Science - Université de Lyon\n"
    "2023 - aujourd'hui\n\nLicence Mathématiques - Université de Lyon\n2019 - 2022\n",
}
PRINTED = {"en": "2023 – Present", "fr": "2023 – aujourd'hui"}


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_an_ongoing_degree_reads_present_in_the_pdf_and_the_docx(locale: str) -> None:
    content = parse_cv_text(PASTED[locale]).content
    ongoing, done = content.education
    assert (ongoing.start, ongoing.end, ongoing.current) == ("2023", None, True)
    assert (done.end, done.current) == ("2022", False)
    result = render_to_budget(
        content.to_json(), design="classic", locale=locale, page_budget=1, relevance=None
    )
    with pdfplumber.open(io.BytesIO(result.pdf)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert PRINTED[locale] in text and "2019 – 2022" in text
    document = docx.Document(io.BytesIO(cv_docx_bytes(content, locale=locale)))
    paragraphs = [p.text for p in document.paragraphs]
    assert PRINTED[locale] in paragraphs and "2019 – 2022" in paragraphs


def test_the_json_resume_round_trip_keeps_it_ongoing() -> None:
    content = CvContent(education=[Education(degree="MSc", start="2023-09", current=True)])
    resume = resume_from_content(content)
    assert resume["education"] == [{"studyType": "MSc", "startDate": "2023-09"}]
    back = content_from_resume(validate_json_resume(resume))
    assert back.education[0].current and back.education[0].end is None
