"""The ad's sentences that ask nothing never become ledger lines (app/lib/matching/ad_lines.py):
synthetic ads written in the shapes job boards and careers pages use."""

from __future__ import annotations

import pytest

from app.lib.matching.ad_lines import asked_part, asks_nothing
from app.lib.matching.analysis import OfferText
from app.lib.matching.requirements import offer_requirements
from app.lib.matching.vocabulary import default_vocabulary

VOCAB = default_vocabulary()

LISTING = """Technicien·ne de laboratoire (H/F)
Informations générales
Référence : LAB2291-QZT-014
Date de publication : mardi 12 mars 2024
Quotité de travail : Temps complet
Expérience souhaitée : Indifférent
Dans ce cadre, vos missions sont les suivantes :
• Préparer les échantillons et tenir le cahier de paillasse
• Gérer les commandes de réactifs :
• Suivre les stocks
Vous êtes rigoureux et curieux.
Porto, Portugal
Vellacour Biotech, Ltd
Vellacour Biotech est un laboratoire indépendant fondé en 1998.
Vellacour Biotech recherche un technicien minutieux et organisé.
Prime sur objectifs et mutuelle d'entreprise.
Plus d'informations sur vellacour-biotech.fr
Assurer la traçabilité des prélèvements et des
"""


def _ledger(lines: list[str], company: str = "Vellacour Biotech") -> list[str]:
    ad = OfferText(
        title="Technicien de laboratoire",
        company=company,
        description=LISTING,
        requirements=lines,
    )
    return [r.text for r in offer_requirements(ad, VOCAB) if r.in_ad]


@pytest.mark.parametrize(
    "line",
    [
        "Référence : LAB2291-QZT-014",
        "Date de publication : mardi 12 mars 2024",
        "Quotité de travail : Temps complet",
        "Expérience souhaitée : Indifférent",
        "Dans ce cadre, vos missions sont les suivantes",
        "Porto, Portugal",
        "Vellacour Biotech, Ltd",
        "Vellacour Biotech est un laboratoire indépendant fondé en 1998.",
        "Prime sur objectifs et mutuelle d'entreprise.",
        "Plus d'informations sur vellacour-biotech.fr",
    ],
)
def test_a_line_asking_nothing_is_no_ledger_line(line: str) -> None:
    assert _ledger([line]) == []


@pytest.mark.parametrize(
    "line",
    [
        "Préparer les échantillons et tenir le cahier de paillasse",
        "Gérer les commandes de réactifs",  # a list item opening its own parts is a task
        "Vous êtes rigoureux et curieux.",
        "Vellacour Biotech recherche un technicien minutieux et organisé.",  # hiring: asks
        "Assurer la traçabilité des prélèvements et des",  # cut by the page, still asks
    ],
)
def test_a_line_asking_something_stays(line: str) -> None:
    assert _ledger([line]) == [line]


def test_a_listing_line_is_read_by_its_value() -> None:
    assert asked_part("Profil : rigoureux et autonome") == "rigoureux et autonome"
    assert asked_part("Expérience : 5 ans minimum en atelier") == "5 ans minimum en atelier"
    long_label = "Ce stage vous propose une immersion complète : la phase de tests"
    assert asked_part(long_label) == long_label


def test_the_employer_named_in_a_task_is_no_self_description() -> None:
    task = "Proposer des évolutions du processus Vellacour Biotech à son responsable"
    assert not asks_nothing(task, LISTING, "Vellacour Biotech")
    speaking = "At Vellacour Biotech, we are building the lab of tomorrow."
    assert asks_nothing(speaking, "", "Vellacour Biotech")
    to_you = "At Vellacour Biotech, you will run the assays."
    assert not asks_nothing(to_you, "", "Vellacour Biotech")


def test_an_ad_with_no_employer_read_drops_nothing_for_it() -> None:
    assert not asks_nothing("Vellacour Biotech est un laboratoire.", "", "")
