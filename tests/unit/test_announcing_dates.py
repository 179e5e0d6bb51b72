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
