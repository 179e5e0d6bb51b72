"""A place is never an ad's employer: one the ad describes ("Le Pays de Valmont est un
territoire…") or one it only repeats ("Agence de Valmont" beside the place line "Valmont")
(app/lib/parsing/offers/offer_company.py). Synthetic ads only."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text
from bench.synthetic_offer_employers import employer_ads
from bench.synthetic_offer_headers import TOWNS

AD = """Préparateur de commandes (H/F)
Nantes
{line}

Nous recherchons un préparateur de commandes pour un entrepôt logistique.
{sentence}

Vos missions
- Préparer les commandes et charger les camions
Profil
- Une première expérience en entrepôt est exigée
- CACES 1 apprécié
"""


@pytest.mark.parametrize(
    "sentence",
    [
        "Le Pays de Valmont est un territoire dynamique de 400 000 habitants.",
        "The Tamar Valley is a beautiful place to live and work.",
    ],
)
def test_a_place_an_ad_describes_is_no_employer(sentence: str) -> None:
    assert parse_offer_text(AD.format(line="CDI - 35h/semaine", sentence=sentence)).company == ""


def test_a_place_an_ad_only_repeats_is_no_employer() -> None:
    # "Zenbri - Agence de Boise" over the place line "Boise": the town is written twice.
    towns = {town for names in TOWNS.values() for town in names}
    ads = employer_ads(60)  # two of them read a town as the employer before the guard
    assert all(parse_offer_text(ad.text).company not in towns for ad in ads)
