"""An offer's company and title are names or nothing: a heading, a place, a number, a contract,
a sentence, a question, a site's navigation or a call to action is never taken for one
(app/lib/parsing/offers/offer_guard.py). Synthetic ads of the shapes job boards and pasted pages
give."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.parsing.offers.offer_guard import plausible_company, plausible_title


@pytest.mark.parametrize(
    "value",
    [
        "Job Details",
        "Location",
        "Key Responsibilities",
        "Profil recherché :",
        "Lyon, France",
        "12",
        "CDI",
        "Contact Us » Careers »",
        "Accueil › Offres › Emploi",
        "REJOINDRE NOTRE ÉQUIPE",
        "Join us",
        "We build tools. Our team is growing fast",
        "A leading provider of cloud software for retailers in Europe",
    ],
)
def test_what_is_not_a_name_is_no_company(value: str) -> None:
    assert plausible_company(value) == ""


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("Meyer Hotels?", "Meyer Hotels"),
        ("Acme Logistics", "Acme Logistics"),
        ("BONJOURS Présence 30", "BONJOURS Présence 30"),
        ("Home Nursery, Inc.", "Home Nursery, Inc."),
        ("Stäubli", "Stäubli"),
    ],
)
def test_a_name_is_kept_with_its_stray_punctuation_trimmed(value: str, name: str) -> None:
    assert plausible_company(value) == name


@pytest.mark.parametrize(
    "value",
    [
        "Job Description",
        "What are the responsibilities of the Front Desk Clerk position",
        "Quelles sont les missions du poste",
        "Home › Jobs › Data Analyst",
        "Postulez maintenant",
    ],
)
def test_what_is_not_a_role_is_no_title(value: str) -> None:
    assert plausible_title(value) == ""


def test_a_title_is_kept() -> None:
    assert plausible_title("Chargé de mission qualité (H/F)") == "Chargé de mission qualité (H/F)"


def test_a_pasted_page_with_navigation_yields_the_employer_or_nothing() -> None:
    page = "\n".join(
        [
            "Home  »   Careers  »",
            "",
            "Warehouse Operative",
            "Careers  »  Jobs  »",
            "",
            "Responsibilities:",
            "  • Load and unload trucks",
            "  • Count stock every week",
        ]
    )
    parsed = parse_offer_text(page)
    assert parsed.title == "Warehouse Operative"
    assert parsed.company == ""  # the ad names nobody: empty, for the user to fill
    named = parse_offer_text(page + "\n\nBrightfield Supply recrute pour son entrepôt de Lille.")
    assert named.company == "Brightfield Supply"


def test_a_boards_rating_glued_to_the_name_is_no_part_of_it() -> None:
    assert plausible_company("Meadowbrook Care 3,9★") == "Meadowbrook Care"
    assert plausible_company("Velcour Hotels 4.1 out of 5 stars") == "Velcour Hotels"
    assert plausible_company("Maison Korvel ★★★★☆") == "Maison Korvel"
    assert plausible_company("Studio 54") == "Studio 54"  # a number in the name stays


def test_a_working_time_is_no_company() -> None:
    for value in ("31 heures par semaine", "27 hrs", "Temps partiel 25h hebdo", "39h/semaine",
                  "32 hours per week"):  # fmt: skip
        assert plausible_company(value) == ""
    assert plausible_company("Garage des 24 Heures") == "Garage des 24 Heures"
