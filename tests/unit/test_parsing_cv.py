"""The offline CV parser on real PDFs (read back through the sandboxed reader) and on pasted
text in the layouts people use; headings, contact lines, skills and languages."""

from __future__ import annotations

import pytest

from app.lib.cv_content import CvContent
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.contact import contact_facts, looks_like_location
from app.lib.parsing.fields.lists import parse_languages
from app.lib.parsing.sections.headings import match_heading
from app.lib.parsing.sections.section_skills import parse_skills
from app.lib.pdf_text import read_pdf_text_sync
from tests.fixtures import pdfs
from tests.fixtures.cv_samples import SAMPLES, score
from tests.fixtures.cv_texts import TEXT_CVS


def pdf_text(data: bytes) -> str:
    return read_pdf_text_sync(data, max_pages=10).text


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_every_section_of_the_pdf_fixtures_is_found(key: str) -> None:
    sample = SAMPLES[key]
    parsed = parse_cv_text(pdf_text(pdfs.cv_pdf(key)))
    found = score(parsed.content, sample.expected)
    assert all(hit == total for hit, total in found.values()), found
    experience = parsed.content.experience
    assert all(e.bullets for e in experience)  # bullets stay with their job
    assert len({e.id for e in experience}) == len(experience)


def test_two_column_reading_order_keeps_each_column_together() -> None:
    result = read_pdf_text_sync(pdfs.cv_pdf("fr_two_column"), max_pages=10)
    assert result.columns == [2]
    text = result.text
    # The name (largest text) opens the document; the sidebar follows the main column whole.
    assert text.startswith("Léa Martin")
    assert text.index("Product Owner depuis six ans") < text.index("Mobilis Transport")
    assert text.index("Compétences") > text.index("Certifications")
    assert "• Jira, Confluence" in text.split("\n")
    one = read_pdf_text_sync(pdfs.cv_pdf("fr_one_column"), max_pages=10)
    assert one.columns == [1]  # right-aligned dates are not a second column


def test_a_two_page_cv_reads_across_pages() -> None:
    result = read_pdf_text_sync(pdfs.two_page_cv_pdf(), max_pages=10)
    assert result.pages == 2
    content = parse_cv_text(result.text).content
    assert len(content.experience) == 12  # the four jobs, listed three times
    assert content.experience[-1].company == "Adventure Works"
    assert [e.degree for e in content.education] == ["MSc Data Science", "BSc Mathematics"]


@pytest.mark.parametrize("key", sorted(TEXT_CVS))
def test_pasted_text_cvs(key: str) -> None:
    expected = TEXT_CVS[key]
    parsed = parse_cv_text(expected.text)
    content = parsed.content
    assert parsed.sections == expected.sections
    assert content.header.name == expected.name
    assert content.header.current_title == expected.title
    assert content.header.contact.email == expected.email
    got = [(e.title, e.company, e.start, e.end, e.current) for e in content.experience]
    assert got == expected.experience
    assert [(e.degree, e.institution, e.end) for e in content.education] == expected.education
    names = [s.name for s in content.skills]
    assert all(skill in names for skill in expected.skills), names
    assert [(lang.name, lang.level) for lang in content.languages] == expected.languages


def test_nothing_is_lost_from_entry_headings() -> None:
    content = parse_cv_text(TEXT_CVS["en_no_blank_lines"].text).content
    project = content.projects[0]
    assert project.name == "Budget Buddy"
    assert "personal finance app (Flutter)" in project.description
    fr = parse_cv_text(TEXT_CVS["fr_company_first"].text).content
    assert fr.experience[0].skills == ["Python", "PySpark", "Airflow", "GCP"]
    assert [s.level for s in fr.skills[:2]] == ["5/5", "3/5"]  # star ratings


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("EXPÉRIENCES PROFESSIONNELLES", "experience"),
        ("Work history:", "experience"),
        ("E X P É R I E N C E", "experience"),  # letter-spaced headings are read without spaces
        ("1. Formation", "education"),
        ("— Compétences —", "skills"),
        ("Skills & Languages", "skills"),
        ("Centres d'intérêt", "interests"),
        ("CENTRES D’INTÉRÊTS", "interests"),
        ("Licenses and certifications", "certifications"),
        ("Bénévolat", "volunteering"),
        ("Développeuse backend senior", None),
        ("Formation des nouveaux arrivants et mentorat", None),
    ],
)
def test_headings(line: str, section: str | None) -> None:
    found = match_heading(line)
    assert (found[0] if found else None) == section


def test_letter_spaced_heading_and_inline_heading() -> None:
    parsed = parse_cv_text("Ana Lima\n\nE X P É R I E N C E\nDev — Acme\t2019 - 2020\n")
    assert parsed.sections == ["experience"]
    assert parsed.content.experience[0].company == "Acme"
    inline = parse_cv_text("Ana Lima\nLangues : Anglais (C1), Portugais (natif)\n")
    assert [(x.name, x.level) for x in inline.content.languages] == [
        ("Anglais", "C1"),
        ("Portugais", "natif"),
    ]


def test_contact_line_and_places() -> None:
    facts = contact_facts(["jp@mail.fr - +33 6 11 22 33 44 | Paris, France | github.com/jp"])
    assert facts.email == "jp@mail.fr" and facts.phone == "+33 6 11 22 33 44"
    assert facts.location == "Paris, France"
    assert [link.url for link in facts.links] == ["https://github.com/jp"]
    assert looks_like_location("12 rue des Lilas, 75011 Paris")
    assert looks_like_location("Seattle, WA")
    assert not looks_like_location("Banque Rhône-Alpes, Lyon Part-Dieu Sud")


def test_skills_and_languages_lists() -> None:
    skills, languages = parse_skills(
        ["Langages : Python, SQL", "• Docker (avancé)", "Anglais courant, Git", "Figma ★★★☆☆"]
    )
    assert [(s.name, s.category, s.level) for s in skills] == [
        ("Python", "Langages", ""),
        ("SQL", "Langages", ""),
        ("Docker", "", "avancé"),
        ("Git", "", ""),
        ("Figma", "", "3/5"),
    ]
    assert [(x.name, x.level) for x in languages] == [("Anglais", "courant")]
    langs = parse_languages(["Allemand : lu, écrit", "English – native", "Spanish (B1)"])
    assert [(x.name, x.level) for x in langs] == [
        ("Allemand", "lu, écrit"),
        ("English", "native"),
        ("Spanish", "B1"),
    ]


def test_text_without_sections_keeps_its_prose_and_invents_nothing() -> None:
    letter = "Madame, Monsieur,\nJe vous écris pour le poste de développeur.\nCordialement."
    content = parse_cv_text(letter).content
    assert content.experience == [] and content.skills == [] and content.education == []
    assert "Je vous écris pour le poste de développeur." in content.summary
    assert parse_cv_text("\n \n\t\n").content.is_empty()
    assert isinstance(content, CvContent)


@pytest.mark.parametrize(
    ("line", "email", "phone"),
    [
        ("lea.morin@mail.example.com06 12 34 56 78", "lea.morin@mail.example.com", True),
        ("email:lea.morin@mail.frphone:0612345678", "lea.morin@mail.fr", True),
        ("lea.morin@mail.comLinkedIn", "lea.morin@mail.com", False),
        ("lea.morin@etu.univ-valmont.co.uk", "lea.morin@etu.univ-valmont.co.uk", False),
        ("lea.morin@mail.community", "lea.morin@mail.community", False),
    ],
)
def test_an_email_glued_to_the_next_field_ends_at_its_domain(
    line: str, email: str, phone: bool
) -> None:
    """A text layer that drops the space after an e-mail glued the phone or a label onto its
    domain ("…@mail.com06 12 …"): the e-mail was read with it and the phone lost."""
    facts = contact_facts([line])
    assert facts.email == email
    assert bool(facts.phone) is phone
