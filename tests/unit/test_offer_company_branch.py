"""The employer written with the branch posting the ad (app/lib/parsing/offers/offer_branch.py):
the name before the branch is the company, a name holding a branch's word stays whole.
Synthetic ads only."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.parsing.offers.offer_branch import without_branch
from bench.synthetic_offer_employers import employer_ads
from bench.synthetic_offer_employers_score import company_right

BODY = (
    "Nous recherchons un(e) cuisinier(e) pour renforcer notre équipe.\n\n"
    "Profil recherché\n- Une expérience en cuisine est exigée.\n- Permis B\n\n"
)


@pytest.mark.parametrize(
    ("text", "name"),
    [("VELCOUR (agence 044)", "VELCOUR"), ("Velcour - Agence de Nantes", "Velcour"),
     ("Velcour agence Nantes Sud", "Velcour"), ("Velcour - branch 12", "Velcour"),
     ("Velcour, agence d'Angers", "Velcour"), ("The Agency Group", "The Agency Group"),
     ("Agence Velcour", "Agence Velcour"), ("Velcour Agence Nantes", "Velcour Agence Nantes"),
     ("Velcour agence de recrutement", "Velcour agence de recrutement"),
     ("Interim (agence)", "Interim (agence)")],
)  # fmt: skip
def test_without_branch(text: str, name: str) -> None:
    assert without_branch(text) == name


def test_the_line_under_the_title_gives_the_name_before_its_branch() -> None:
    assert parse_offer_text(f"Cuisinier H/F\nVELCOUR (agence 044)\nRennes\n\n{BODY}").company == (
        "VELCOUR"
    )


def test_synthetic_branch_codes_read_right() -> None:
    ads = [
        ad
        for ad in employer_ads(300)
        if ad.shapes["company"] == "header_lead" and "(agence 044)" in ad.text
    ]
    assert ads
    assert all(company_right(ad, parse_offer_text(ad.text).company) for ad in ads)
