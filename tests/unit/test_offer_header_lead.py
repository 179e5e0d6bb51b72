"""The employer a header line opens on before a board's codes or an agency's branch
(app/lib/parsing/offers/offer_header_lead.py), taken only where the ad writes it again; a place
the ad repeats is never the employer. Synthetic ads only."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.parsing.offers.offer_header_lead import header_lead_names
from bench.synthetic_offer_employers import employer_ads
from bench.synthetic_offer_employers_score import company_right

AD = """Préparateur de commandes (H/F)
Nantes
{lead}

Nous recherchons un préparateur de commandes pour un entrepôt logistique.
{mention}

Vos missions
- Préparer les commandes et charger les camions
Profil
- Une première expérience en entrepôt est exigée
- CACES 1 apprécié
"""


@pytest.mark.parametrize(
    ("lead", "mention", "company"),
    [
        ("KORVALINE tert. adm. compta.", "Les équipes de Korvaline vous suivent.", "KORVALINE"),
        ("Velmiro agence Nantes Sud", "Votre agence Velmiro vous propose des missions.", "Velmiro"),
        ("Darnetal (agence 044)", "Darnetal vous ouvre les portes de l'emploi.", "Darnetal"),
    ],
)  # fmt: skip
def test_the_name_a_header_line_opens_on_and_the_ad_repeats(
    lead: str, mention: str, company: str
) -> None:
    assert parse_offer_text(AD.format(lead=lead, mention=mention)).company == company


@pytest.mark.parametrize(
    ("lead", "mention"),
    [
        ("Nous recrutons en CDI", "Nous vous attendons."),  # a pronoun opens sentences
        ("Temps plein - 35 heures", "Temps plein du lundi au vendredi."),  # listing facts
        ("Korvaline tert. adm. compta.", "Rejoignez une équipe soudée."),  # never written again
    ],
)
def test_no_name_where_the_line_opens_on_none_or_the_ad_never_repeats_it(
    lead: str, mention: str
) -> None:
    lines = AD.format(lead=lead, mention=mention).split("\n")
    assert header_lead_names(lines, 0) == []


def test_a_particle_goes_on_with_the_name() -> None:
    lines = AD.format(
        lead="Crédit Mutuel du Bocage", mention="Le Crédit Mutuel du Bocage recrute."
    ).split("\n")
    assert header_lead_names(lines, 0) == []  # no lead: the whole line is the name


def test_synthetic_header_leads_read_right() -> None:
    ads = [ad for ad in employer_ads(160) if ad.shapes["company"] == "header_lead"]
    assert ads
    assert all(company_right(ad, parse_offer_text(ad.text).company) for ad in ads)


@pytest.mark.parametrize(
    "sentence",
    [
        "Le Pays de Valmont est un territoire dynamique de 400 000 habitants.",
        "The Tamar Valley is a beautiful place to live and work.",
    ],
)
def test_a_place_an_ad_describes_is_no_employer(sentence: str) -> None:
    text = AD.format(lead="CDI - 35h/semaine", mention=sentence)
    assert parse_offer_text(text).company == ""
