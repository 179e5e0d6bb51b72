"""The offer reader's company by agreement between independent readings, on invented ads of
shapes outside software (a shop, a restaurant, a care home, a council, a hospital, a home-care
network): a header line is the employer only when nothing else in the ad names another one
more firmly, a line with a gender mark is the title and never the company, a dated listing
line is no company, the town an employer is named after is not its name, and a header name
that stands alone against another reading is doubted."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text, read_header
from app.lib.parsing.offers.offer_guard import plausible_company

BODY_FR = """
Vos missions
- Accueillir les clients et prendre les commandes.
- Assurer la mise en place et le rangement.

Profil recherché
- Une première expérience en restauration est appréciée.
"""
BODY_EN = """
Responsibilities
- Support residents with personal care and meals.

Requirements
- Experience in care is desirable.
"""


def _read(text: str) -> tuple[str, str]:
    offer = parse_offer_text(text)
    return offer.title, offer.company


@pytest.mark.parametrize(
    ("text", "title", "company"),
    [
        # A network's paste: the employer's line above a title carrying a gender mark.
        (
            "Brasserie Lumière\nChef de rang H/F\nLyon, France · il y a 2 semaines\n\n"
            "La Brasserie Lumière, restaurant de 120 couverts, recherche un chef de rang.\n"
            + BODY_FR,
            "Chef de rang",
            "Brasserie Lumière",
        ),
        # A board's card: the shop's name above the title, contract and town below.
        (
            "Maison Verdier\nConseiller de vente boutique H/F\nCDI\nBordeaux\n\n"
            "Maison Verdier, maroquinier fondé en 1952, compte 14 boutiques.\n" + BODY_FR,
            "Conseiller de vente boutique",
            "Maison Verdier",
        ),
        # No gender mark: the body's sentences give the top line as the employer.
        (
            "Sunrise Senior Living\nCare Manager\nLeeds, UK · 3 days ago\n\n"
            "At Sunrise Senior Living, we care for older people in 12 homes.\n" + BODY_EN,
            "Care Manager",
            "Sunrise Senior Living",
        ),
    ],
)
def test_a_name_above_the_title_is_the_employer_when_the_ad_says_so(
    text: str, title: str, company: str
) -> None:
    assert _read(text) == (title, company)


def test_a_gender_mark_is_never_a_company() -> None:
    assert plausible_company("Chef de rang H/F") == ""
    assert plausible_company("Serveur (F/H)") == ""
    assert plausible_company("Brasserie Lumière") == "Brasserie Lumière"


def test_a_dated_listing_line_under_the_title_is_no_company() -> None:
    text = (
        "Aide à domicile (H/F)\n56 - LORIENT\nActualisé le 2 mars 2025\n\n"
        "L'association Domicile Ouest Services recrute une aide à domicile.\n" + BODY_FR
    )
    assert "2025" not in _read(text)[1]
    assert "Domicile Ouest" in _read(text)[1]


def test_a_header_line_nothing_corroborates_yields_to_one_that_carries_a_form() -> None:
    text = (
        "Healthcare Assistant\nBand 3 | Permanent | Full time\n"
        "St Aldhelm's Hospital NHS Foundation Trust\nSalary: £24,071 per annum\n\n"
        "We are looking for a caring Healthcare Assistant to join our ward team.\n" + BODY_EN
    )
    assert _read(text)[1] == "St Aldhelm's Hospital NHS Foundation Trust"


def test_a_corroborated_header_line_is_kept() -> None:
    text = (
        "Equipier polyvalent (H/F)\nBurger Nomade\nNantes (44)\nCDI\n\n"
        "Burger Nomade recrute un équipier pour son restaurant du centre-ville.\n" + BODY_FR
    )
    assert _read(text)[1] == "Burger Nomade"


def test_the_town_an_employer_is_named_after_is_not_its_name() -> None:
    text = (
        "Refuse Collection Driver\nSalary: £26,421 per annum\nLocation: Depot, Ashford\n"
        "Contract: Permanent\n\n"
        "Ashford Borough Council is looking for a driver to join the waste team in Ashford.\n"
        + BODY_EN
    )
    assert _read(text)[1] == "Ashford Borough Council"


def test_a_header_name_standing_alone_against_another_reading_is_doubted() -> None:
    text = (
        "Night Porter\nThe Quayside\nFull-time\n\n"
        "Harbour Hotels is hiring a night porter for one of its hotels.\n" + BODY_EN
    )
    header = read_header(text)
    assert header.company == "The Quayside"
    assert "company" in header.doubts
    assert "Harbour Hotels" in header.candidates["company"]
