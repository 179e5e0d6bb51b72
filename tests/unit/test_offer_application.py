"""Where an ad says to apply names its employer (app/lib/parsing/offers/offer_application.py),
a hiring call written before the title is no part of it, a site's name over its menu is no
title, and the apply line itself asks nothing of the candidate. Synthetic ads only."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text, read_header
from app.lib.parsing.offers.offer_application import application_addressee
from app.lib.parsing.offers.offer_not_required import asks_nothing

PROFILE_FR = "\nProfil recherché\n- Une expérience en HACCP est exigée.\n"
PROFILE_EN = "\nRequirements\n- Experience with cash handling is required.\n"


@pytest.mark.parametrize(
    ("sentence", "employer"),
    [
        ("Envoyez votre candidature à Tralimar Logistique, 3 rue des Lilas, Nantes.",
         "Tralimar Logistique"),
        ("Candidature à l'Association Brivel par mail ou par courrier.", "Association Brivel"),
        ("Les candidatures sont à adresser à Madame la Directrice, Clinique Norva, 10 rue Haute.",
         "Clinique Norva"),
        ("Send your application to Brightwater Homes, 4 Elm Street, Leeds.", "Brightwater Homes"),
        ("Please send your CV and a cover letter to Tremar Accountants at jobs@tremar.co.uk",
         "Tremar Accountants"),
        ("Applications should be sent to the Hiring Manager, Kelvo Care, 2 High Road.",
         "Kelvo Care"),
        ("Send your resume to us at jobs@kelvo.com", ""),
        ("Experience with applications to Oracle databases.", ""),
        ("Envoyez votre CV à recrutement@vellacour.fr", ""),
    ],
)  # fmt: skip
def test_the_addressee_of_the_application_is_the_employer_unless_a_person(
    sentence: str, employer: str
) -> None:
    assert application_addressee(["Intro.", sentence]) == employer


def test_an_ad_naming_its_employer_only_where_to_apply_is_read_and_asked() -> None:
    ad = "Cariste H/F\nNantes\n" + PROFILE_FR + "\nEnvoyez votre candidature à Tralimar, Nantes.\n"
    header = read_header(ad)
    assert (header.title, header.company) == ("Cariste", "Tralimar")
    assert "company" in header.doubts  # one cue alone: the page asks


@pytest.mark.parametrize(
    "line",
    ["We are hiring: Line Cook", "Nous recrutons : Line Cook", "Now hiring – Line Cook",
     "Vellacour recrute : Line Cook (H/F)", "Vellacour is hiring a Line Cook"],
)  # fmt: skip
def test_a_hiring_call_before_the_title_is_no_part_of_it(line: str) -> None:
    fields = parse_offer_text(f"{line}\nTampa, FL\n{PROFILE_EN}")
    assert fields.title == "Line Cook"
    assert fields.company in ("", "Vellacour")


def test_a_board_name_over_a_hiring_call_title_is_not_the_title() -> None:
    fields = parse_offer_text(f"Talvoro\nOn recrute ! Aide-soignant\nRennes\n{PROFILE_FR}")
    assert fields.title == "Aide-soignant"


def test_a_sites_name_over_its_menu_is_not_the_title() -> None:
    ad = f"Talvoro\nFind jobs\nCompany reviews\nSign in\nBookkeeper\nBoise, ID\n{PROFILE_EN}"
    assert parse_offer_text(ad).title == "Bookkeeper"


def test_a_name_the_header_shouts_is_given_as_the_ad_writes_it() -> None:
    ad = (
        "Line Cook\nTampa, FL\n\nNORAVEL GRILL is a family restaurant. Noravel Grill employs "
        f"30 people.\n{PROFILE_EN}"
    )
    assert parse_offer_text(ad).company == "Noravel Grill"


def test_an_apply_line_is_no_requirement_and_its_address_no_skill() -> None:
    assert asks_nothing("Apply at jobs@kelvo-recruit.com")
    assert asks_nothing("How to apply")
    assert not asks_nothing("Experience with Excel is required.")
    ad = f"Plombier\nAngers\n{PROFILE_FR}\nContact : recrutement@kordalis.fr\n"
    assert not any("recrutement" in s for s in parse_offer_text(ad).skills)


def test_a_name_over_the_title_of_an_ad_hiding_its_client_is_only_offered() -> None:
    hidden = "Notre client, une PME familiale, renforce son équipe."
    ad = f"Talvoro\nCariste (H/F)\nNantes\n\n{hidden}\n{PROFILE_FR}"
    header = read_header(ad)
    assert (header.title, header.company) == ("Cariste", "")
    assert "Talvoro" in header.candidates["company"]
    assert "company" in header.doubts


@pytest.mark.parametrize(
    "line", ["Job ID: 63767 Bookkeeper", "Bookkeeper Réf : AB-831", "[REF-12] Bookkeeper"]
)
def test_a_reference_marks_the_title_line_over_a_board_name(line: str) -> None:
    assert parse_offer_text(f"Talvoro\n{line}\nBoise, ID\n{PROFILE_EN}").title == "Bookkeeper"


def test_the_body_looking_for_a_line_marks_it_as_the_title() -> None:
    sought = "We are looking for a Bookkeeper for our team."
    ad = f"Talvoro\nBookkeeper\nBoise, ID\n\n{sought}\n{PROFILE_EN}"
    assert parse_offer_text(ad).title == "Bookkeeper"
