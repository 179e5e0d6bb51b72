"""A date line ending with a colon announces its entry's list (app/lib/parsing/entries/
entry_headings.py): the short lines below it are its text, its head the lines right above."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text

TEXT = """Jonas Pelt
jonas@postbox.example

EXPÉRIENCES PROFESSIONNELLES
STAGIAIRE, Banque Orvelle à Namur, BE

Stage en informatique, d'Avril à Juillet 2022 :
Proposer une structure de documentation pour les applications du groupe
Organiser et animer des réunions d'équipe

EMPLOYÉ DE RESTAURATION, TAVELIS à Metz, FR

Emploi saisonnier de 2019 à 2022 :
Cuisine centrale d'un hôpital
Magasinier
Service au self
Laverie
"""


def test_short_lines_under_an_announcing_date_line_are_its_text() -> None:
    jobs = parse_cv_text(TEXT).content.experience
    assert [(j.start, j.end) for j in jobs] == [("2022-04", "2022-07"), ("2019", "2022")]
    seasonal = jobs[1]
    assert "TAVELIS" in seasonal.title + " " + seasonal.company
    assert "Magasinier" not in seasonal.title + " " + seasonal.company
    assert "Organiser" not in seasonal.title + " " + seasonal.company


SUBHEADED = """Clara Vennet
clara@postbox.example

EXPERIENCES PROFESSIONNELLES
STAGE Marketing – 6 MOIS : 01/01 au 30/06/2022
ORVELIA – Arcueil 92
Brand Content : création de supports pour les points de vente et les réseaux sociaux.
Veille concurrentielle : suivi des sujets du secteur dans les médias.
Clôture comptable et réunion intermédiaire des objectifs

VENTE
- MAISON TALVAN – 06 au 08/2023 – Paris
"""


def test_the_last_line_of_the_previous_job_is_not_the_next_heading() -> None:
    jobs = parse_cv_text(SUBHEADED).content.experience
    assert [j.start for j in jobs] == ["2022-01", "2023-06"]
    seasonal = jobs[1]
    assert "MAISON TALVAN" in seasonal.title + " " + seasonal.company
    assert "Clôture" not in seasonal.title + " " + seasonal.company
