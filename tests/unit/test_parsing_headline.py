"""A headline that is no headline (fields/headline.py) leaves the header's title; a place goes
to the location. Invented people and places."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.headline import headline_doubt, strip_label


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Rennes, France", "place"),
        ("Fort Collins, CO (open to relocation)", "place"),
        ("Kerala, India", "place"),
        ("Norway (Home)", "place"),
        ("Portfolio: example.org/works", "contact"),
        ("+33 6 11 22 33 44", "contact"),
        ("Nationalité française", "personal"),
        ("Permanent resident of Canada", "personal"),
        ("Expérience professionnelle", "heading"),
        ("Profil", "heading"),
        ("BRUNET", "name"),
        ("Brunet, Odile", "name"),
        ("Aide-soignante et", "fragment"),
        ("Finance)", "fragment"),
        ("Calm under pressure. Nurse with ten years in emergency care", "sentence"),
    ],
)
def test_what_no_headline_is(title: str, kind: str) -> None:
    assert headline_doubt(title, "Odile Brunet") == kind


@pytest.mark.parametrize(
    "title",
    [
        "Aide-soignante", "Chef de rang", "Comptable unique – PME", "Data Analyst",
        "DÉVELOPPEUR WEB FULL STACK", "Web Designer • Illustrator", "Electrician (apprentice)",
        "Responsable de magasin, Grande distribution", "Professeure des écoles",
    ],
)  # fmt: skip
def test_headlines_stay(title: str) -> None:
    assert headline_doubt(title, "Odile Brunet") is None


def test_a_europass_label_is_not_part_of_the_headline() -> None:
    assert strip_label("JOB APPLIED FOR Warehouse operative") == "Warehouse operative"


def test_a_place_read_as_the_headline_becomes_the_location() -> None:
    text = "\n".join(
        [
            "Odile Brunet",
            "Thrissur, Kerala",
            "odile.brunet@example.org",
            "",
            "EXPERIENCE",
            "Staff nurse — Riverside Clinic",
            "2019 - 2024",
            "- Post-operative care",
        ]
    )
    parsed = parse_cv_text(text)
    header = parsed.content.header
    assert header.current_title == ""
    assert header.contact.location == "Thrissur, Kerala"
    assert parsed.header_doubts == [("headline", "place", "Thrissur, Kerala")]


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Infirmière · 28 ans", "Infirmière"),
        ("Infirmière, 28 ans", "Infirmière"),
        ("Chef de rang • Permis B", "Chef de rang"),
        ("Electrician, 12 years of experience", "Electrician"),
        ("Serveuse – Disponible immédiatement", "Serveuse"),
        ("Cuisinier | Nationalité française", "Cuisinier"),
        ("Aide-soignante | Gériatrie | 41 ans", "Aide-soignante | Gériatrie"),
        ("Sales Manager, EMEA", "Sales Manager, EMEA"),  # no fact: the line is the headline
        ("Permis B", ""),  # a fact alone is no headline
    ],
)
def test_a_fact_beside_the_title_leaves_the_headline(line: str, headline: str) -> None:
    text = "\n".join(
        ["Camille Roux", line, "", "EXPÉRIENCE", "Aide-soignante — EHPAD Les Tilleuls, Nantes",
         "2019 - 2024", "- Soins d'hygiène"]
    )  # fmt: skip
    assert parse_cv_text(text).content.header.current_title == headline
