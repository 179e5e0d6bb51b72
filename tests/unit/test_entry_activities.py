"""Entries listing their activities under the title line
(app/lib/parsing/entries/entry_activities.py):
the section's habit, not one line, decides that "Contact clientèle" is no employer. Names are
made up."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.entry_activities import is_activity_line

HEADER = "Lénaïg Kerbrat\nlenaig.kerbrat@example.org\n06 12 34 56 78\n\nEXPÉRIENCES\n\n"


def _jobs(section: str) -> list[tuple[str, str, str]]:
    content = parse_cv_text(HEADER + section).content
    return [(e.title, e.company, e.description) for e in content.experience]


@pytest.mark.parametrize(
    "line",
    ["Contact clientèle", "Management d'une petite équipe", "Transmission de son savoir"],
)
def test_sentence_case_phrases_without_names_are_activities(line: str) -> None:
    assert is_activity_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Chargé de clientèle",  # a title
        "Mairie de Quimper",  # an organisation and a place
        "Boulangerie Le Fournil",  # capitals inside: a name
        "SNCF",
        "Décathlon",  # one word says nothing
        "Accueil 2019",
    ],
)
def test_names_titles_and_single_words_are_not(line: str) -> None:
    assert not is_activity_line(line)


def test_activity_lines_under_each_title_are_its_description() -> None:
    jobs = _jobs(
        "JUILLET-AOUT 2021 / Serveur en salle, Brasserie du Quai\n"
        "Contact clientèle\nOrganisation du service\n\n"
        "JUIN 2020 / Vendeur\nAccueil clientèle\nGestion des stocks\n\n"
        "FEVRIER 2019 / Stage en pharmacie\nPréparation des commandes\n"
        "Découverte d'une entreprise familiale\n\n"
    )
    assert [(title, company) for title, company, _ in jobs] == [
        ("Serveur en salle", "Brasserie du Quai"),
        ("Vendeur", ""),
        ("Stage en pharmacie", ""),
    ]
    assert "Contact clientèle" in jobs[0][2] and "Gestion des stocks" in jobs[1][2]


def test_employer_lines_under_titles_stay_employers() -> None:
    jobs = _jobs(
        "2021 - 2022 Vendeuse\nBoulangerie Le Fournil\nAccueil des clients\n\n"
        "2019 - 2020 Agent d'accueil\nMairie de Quimper\nAccueil du public\n\n"
        "2018 - 2019 Serveuse\nCrêperie Ar Men\nService en salle\n\n"
    )
    assert [company for _, company, _ in jobs] == [
        "Boulangerie Le Fournil",
        "Mairie de Quimper",
        "Crêperie Ar Men",
    ]


def test_titles_under_employers_stay_titles() -> None:
    jobs = _jobs(
        "2021 - 2022 Orange\nChargé de clientèle\n\n"
        "2019 - 2020 Carrefour\nHôtesse de caisse\n\n"
        "2018 - 2019 Leroy Merlin\nConseiller de vente\n\n"
    )
    assert [title for title, _, _ in jobs] == [
        "Chargé de clientèle",
        "Hôtesse de caisse",
        "Conseiller de vente",
    ]
