"""The employer a postal address names (app/lib/parsing/offers/offer_signature.py): read with no
legal form, doubted on the offer page unless another source agrees, and every signature of
bench/synthetic_offer_employers.py read right. Synthetic ads only."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text, read_header
from app.lib.parsing.offers.offer_signature import address_name, is_address
from bench.synthetic_offer_employers import employer_ads
from bench.synthetic_offer_employers_score import company_right

BODY = (
    "Nous recherchons un(e) aide-soignant(e) pour notre équipe.\n\n"
    "Profil recherché\n- Une expérience en soins est exigée.\n- Permis B\n\n"
)
BODY_EN = (
    "We are looking for a care assistant for our team.\n\n"
    "Requirements\n- Experience in patient care is required.\n- Driving licence\n\n"
)


@pytest.mark.parametrize(
    ("text", "employer"),
    [
        (f"Aide-soignant (H/F)\nAngers\n\n{BODY}"
         "Service RH, Thermes de Valorin, 3 allée des Sources, 49100 Angers\n",
         "Thermes de Valorin"),
        (f"Care Assistant\nLeeds\n\n{BODY_EN}Send Resume to:\n\nDalzen Farms, Inc.\n"
         "Attn: Jane Doe\nPO Box 42\nDenver, CO 80203\n", "Dalzen Farms, Inc."),
        (f"Care Assistant\nLeeds\n\n{BODY_EN}Human Resources\nBrightmoor Care Home\n"
         "42 Maple Road\nLeeds LS9 7TF\n", "Brightmoor Care Home"),
        (f"Aide-soignant\nNantes\n\n{BODY}Merci d'adresser votre candidature à :\n"
         "Mme Martin\nRésidence Korvel\n12 rue des Lilas\n44000 Nantes\n", "Résidence Korvel"),
        (f"Care Assistant\nLeeds\n\n{BODY_EN}Send your CV to Brightmoor Care Home, "
         "42 Maple Road, Leeds LS9 7TF\n", "Brightmoor Care Home"),
        (f"Aide-soignant\nNantes\n\n{BODY}Candidatures à adresser à : Résidence Korvel, "
         "12 rue des Lilas, 44000 Nantes\n", "Résidence Korvel"),
        (f"Aide-soignant\nNantes\n\n{BODY}Envoyez votre CV et une lettre à Résidence Korvel, "
         "12 rue des Lilas, 44000 Nantes\n", "Résidence Korvel"),
    ],
)  # fmt: skip
def test_the_name_written_with_an_address_is_the_employer(text: str, employer: str) -> None:
    assert parse_offer_text(text).company == employer
    # One cue only (no other source names it): the offer page asks the user to confirm it.
    assert "company" in read_header(text).doubts


@pytest.mark.parametrize(
    "tail",
    [
        "Lieu de travail : 12 rue des Lilas, 44000 Nantes\n",  # where the job is, no name
        "Mme Martin\n12 rue des Lilas\n44000 Nantes\n",  # a person, not an employer
        "Service RH\n12 rue des Lilas\n44000 Nantes\n",  # a department
        "Vous travaillerez au 12 rue des Lilas à Nantes, près de la gare.\n",  # a sentence
    ],
)
def test_an_address_with_no_name_beside_it_names_no_employer(tail: str) -> None:
    lines = f"Aide-soignant\nNantes\n\n{BODY}{tail}".split("\n")
    assert address_name(lines, 0) == ""


@pytest.mark.parametrize(
    ("text", "address"),
    [("3 allée des Sources", True), ("PO Box 42", True), ("Leeds LS9 7TF", True),
     ("49100 Angers", True), ("Denver, CO 80203", True), ("Thermes de Valorin", False),
     ("Permis B", False)],
)  # fmt: skip
def test_is_address(text: str, address: bool) -> None:
    assert is_address(text) is address


def test_synthetic_signatures_read_right() -> None:
    ads = [ad for ad in employer_ads(120) if ad.shapes["company"] == "signature"]
    assert ads
    assert all(company_right(ad, parse_offer_text(ad.text).company) for ad in ads)


@pytest.mark.parametrize(
    ("tail", "suggested"),
    [
        ("Envoyez votre CV à candidature@thermes-valorin.fr\n", "Thermes Valorin"),
        ("Apply at www.clinique-des-lilas.fr/careers\n", "Clinique des Lilas"),
    ],
)
def test_a_name_only_a_domain_spells_is_offered_not_read(tail: str, suggested: str) -> None:
    header = read_header(f"Aide-soignant (H/F)\nAngers\n\n{BODY}{tail}")
    assert header.company == "" and "company" in header.doubts
    assert suggested in header.candidates["company"]


def test_who_a_board_says_posted_the_ad_is_offered_not_read() -> None:
    text = f"Care Assistant\nPosted 3 days ago by Harbourside Recruitment\nLeeds\n\n{BODY_EN}"
    header = read_header(text)
    assert "company" in header.doubts
    assert "Harbourside Recruitment" in header.candidates["company"]
    abbreviated = read_header(f"Aide-soignant\nRANDSTAD ind.tert.transp. infor.\nAngers\n\n{BODY}")
    assert "Tert" not in abbreviated.candidates["company"]  # a board's codes are no domain
