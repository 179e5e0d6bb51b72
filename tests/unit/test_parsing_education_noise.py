"""A page's footer or header read as a degree leaves education (entries/education_noise.py);
an e-mail spread over a line's end is still found (fields/contact.py). Invented people."""

from __future__ import annotations

from app.lib.cv_content import Education
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.education_noise import is_noise
from app.lib.parsing.fields.contact import email_anywhere


def test_footers_and_page_headers_are_no_degree() -> None:
    name = "Inès Carvalho"
    assert is_noise(Education(degree="Inès Carvalho", institution="Curriculum vitae"), name)
    assert is_noise(Education(degree="CV – Inès Carvalho"), name)
    assert is_noise(Education(degree="Page 2/2"), name)
    assert is_noise(Education(degree="27/03/19", institution="© Union européenne"), name)
    assert is_noise(Education(degree="BTS", institution="www.example.org/ines"), name)
    assert not is_noise(Education(degree="BTS Comptabilité", institution="Lycée Jean Moulin"), name)
    assert not is_noise(Education(degree="Licence", institution="Université de Carvalho"), name)


def test_an_address_a_language_a_skill_or_a_sentence_with_no_date_is_no_degree() -> None:
    name = "Inès Carvalho"
    assert is_noise(Education(degree="4521 W Cedar Ln"), name)
    assert is_noise(Education(degree="Espagnol"), name)
    assert is_noise(Education(degree="Teamwork"), name)
    assert is_noise(Education(degree="Je suis très motivée par ce métier"), name)
    assert not is_noise(Education(degree="Teamwork", end="2021"), name)  # dated: asked, kept
    assert not is_noise(Education(degree="Lycée Victor Hugo, 45 rue des Lilas"), name)
    assert not is_noise(Education(degree="Formation SST"), name)
    assert not is_noise(Education(degree="Certification AWS"), name)


def test_a_page_header_between_degrees_leaves_and_its_lines_are_unplaced() -> None:
    text = "\n".join(
        [
            "Inès Carvalho",
            "Comptable",
            "ines.carvalho@example.org",
            "",
            "FORMATION",
            "BTS Comptabilité et gestion",
            "Lycée Jean Moulin",
            "2016 - 2018",
            "Inès Carvalho",
            "Curriculum vitae",
            "02/2026",
            "Licence Gestion",
            "Université de Tours",
            "2018 - 2019",
        ]
    )
    parsed = parse_cv_text(text)
    assert [e.degree for e in parsed.content.education] == [
        "BTS Comptabilité et gestion",
        "Licence Gestion",
    ]
    assert "Curriculum vitae" in parsed.unplaced


def test_an_email_spread_over_a_line_end_is_found() -> None:
    assert email_anywhere("Contact\njeanne.morel@\nexample.org\n") == "jeanne.morel@example.org"
    assert email_anywhere("mail: jeanne.morel @ example.org") == "jeanne.morel@example.org"
    assert email_anywhere("Follow @jeanne on social media") == ""
