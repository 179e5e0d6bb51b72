"""What a job board writes around the employer's line: a rating (app/lib/parsing/offers/
offer_rating.py), who posted the ad (offer_evidence.poster_name), the employer first on the
title line (offer_company.title_line_company). Synthetic ads only."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.parsing.offers.offer_guard import plausible_company
from app.lib.parsing.offers.offer_rating import is_rating, without_rating
from bench.synthetic_offer_employers import employer_ads
from bench.synthetic_offer_employers_score import company_right

BODY_EN = (
    "\nWe are looking for a Senior Carer to join our home.\n"
    "Requirements\n- NVQ Level 2 in care\n- Good communication skills\n"
)
BODY_FR = (
    "\nNous recherchons un(e) vendeur(se) pour notre boutique.\n"
    "Profil\n- Expérience en vente\n- Sens du service client\n"
)


@pytest.mark.parametrize(
    ("text", "rating"),
    [("3.9 out of 5 stars", True), ("4,1 sur 5 étoiles", True), ("4,1", True),
     ("3,9 (120 avis)", True), ("Hôtel 4 étoiles", False), ("Route 66", False),
     ("2024", False)],
)  # fmt: skip
def test_is_rating(text: str, rating: bool) -> None:
    assert is_rating(text) is rating


def test_a_rating_is_no_company_and_is_cut_from_one() -> None:
    assert plausible_company("4,1 sur 5 étoiles") == ""
    assert without_rating("Meadowbrook Care 3,9★") == "Meadowbrook Care"
    assert without_rating("Velcour (3.9 ★)") == "Velcour"
    assert without_rating("Studio 54") == "Studio 54"


@pytest.mark.parametrize(
    ("head", "employer"),
    [
        ("Senior Carer\nMeadowbrook Care 3.9★\nNorwich\n", "Meadowbrook Care"),
        # A town's name the board rates is the employer's, not the place (Reims is).
        ("Vendeur (H/F)\nMaison Blanche\n4,1\n4,1 sur 5 étoiles\nReims, France\n",
         "Maison Blanche"),
        ("Senior Carer\nGolden View\n4.1 out of 5 stars\nNorwich\n", "Golden View"),
    ],
)  # fmt: skip
def test_the_line_a_board_rates_names_the_employer(head: str, employer: str) -> None:
    body = BODY_FR if "(H/F)" in head else BODY_EN
    assert parse_offer_text(head + body).company == employer


@pytest.mark.parametrize(
    ("head", "employer"),
    [
        ("Senior Carer\nPosted 3 days ago by Harbourside Recruitment\nNorwich\n",
         "Harbourside Recruitment"),
        ("Senior Carer\nPosted by Harbourside Staffing on behalf of our client\nLeeds\n",
         "Harbourside Staffing"),
        ("Vendeur (H/F)\nPubliée il y a 2 jours par Boulangerie du Parc\nTours\n",
         "Boulangerie du Parc"),
    ],
)  # fmt: skip
def test_who_posted_the_ad_is_the_employer(head: str, employer: str) -> None:
    body = BODY_FR if "(H/F)" in head else BODY_EN
    assert parse_offer_text(head + body).company == employer


def test_a_posted_line_naming_nobody_gives_no_employer() -> None:
    text = "Senior Carer\nPosted 3 days ago\nNorwich\n" + BODY_EN
    assert parse_offer_text(text).company == ""


@pytest.mark.parametrize(
    ("head", "title", "employer"),
    [
        ("Sunrise Meadows Care Home - Senior Carer\nNorwich\n", "Senior Carer",
         "Sunrise Meadows Care Home"),
        ("Boulangerie Velcour | Vendeur (H/F)\nTours\n", "Vendeur", "Boulangerie Velcour"),
    ],
)  # fmt: skip
def test_the_employer_first_on_the_title_line(head: str, title: str, employer: str) -> None:
    body = BODY_FR if "(H/F)" in head else BODY_EN
    fields = parse_offer_text(head + body)
    assert (fields.title, fields.company) == (title, employer)


def test_a_title_line_naming_the_job_first_keeps_its_order() -> None:
    # "Infirmier - Bloc Opératoire": the job first, its unit after; no employer from the line.
    fields = parse_offer_text("Infirmier - Bloc Opératoire\nNantes\n" + BODY_FR)
    assert fields.title.startswith("Infirmier")
    assert fields.company != "Infirmier"


@pytest.mark.parametrize("shape", ["rating", "posted_by", "signature_lead"])
def test_synthetic_board_shapes_read_right(shape: str) -> None:
    ads = [ad for ad in employer_ads(300) if ad.shapes["company"] == shape]
    assert ads
    assert all(company_right(ad, parse_offer_text(ad.text).company) for ad in ads)
