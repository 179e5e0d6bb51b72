"""A line of the job's conditions under the title (app/lib/parsing/offers/offer_conditions.py) is
never read as the employer, while names made of common words still are. Synthetic ads only."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.parsing.offers.offer_conditions import is_conditions
from app.lib.parsing.offers.offer_guard import plausible_company
from bench.synthetic_offer_employers import employer_ads
from bench.synthetic_offer_employers_score import company_right

BODY = (
    "Nous recherchons un(e) vendeur(se) pour renforcer notre équipe.\n\n"
    "Profil recherché\n- Une expérience en vente est exigée.\n- Permis B\n\n"
)


@pytest.mark.parametrize(
    "line",
    ["Temps plein - 35 heures", "CDI - 39h/semaine", "Temps partiel 24h hebdo - 11,50 €/h",
     "Salaire : 24 000 € brut annuel"],
)  # fmt: skip
def test_a_conditions_line_under_the_title_names_no_employer(line: str) -> None:
    assert parse_offer_text(f"Vendeur (H/F)\n{line}\nBrest\n\n{BODY}").company == ""


@pytest.mark.parametrize(
    ("text", "conditions"),
    [("35 heures", True), ("39h/semaine", True), ("Part-time, 20 hours / week", True),
     ("£11.44 per hour", True), ("CDD 6 mois", True), ("Day & Night", False),
     ("24h Chrono", False), ("Hôtel 4 étoiles", False), ("Velcour", False)],
)  # fmt: skip
def test_is_conditions(text: str, conditions: bool) -> None:
    assert is_conditions(text) is conditions


def test_a_name_of_common_words_passes_the_guard() -> None:
    assert plausible_company("Day & Night") == "Day & Night"
    assert plausible_company("40 heures") == ""


def test_synthetic_conditions_lines_read_right() -> None:
    ads = [ad for ad in employer_ads(150) if ad.shapes["company"] == "conditions"]
    assert ads
    assert all(company_right(ad, parse_offer_text(ad.text).company) for ad in ads)
