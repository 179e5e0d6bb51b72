"""Rejoining words a line end hyphenated keeps the PDF's line styles, line for line: the section
splitter reads headings by them, and a CV whose text merely held one "AIX-" / "MARSEILLE" lost
its styles, then read each employer set in capitals as a section of its own."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.text.hyphenation import rejoin_hyphenated
from app.lib.styled_text import StyledText, line_styles_of

HEADING = {"size": 12.0, "bold": True, "colour": "0.2,0.2,0.4"}
EMPLOYER = {"size": 10.0, "bold": True, "colour": "0,0,0"}
TITLE = {"size": 9.0, "bold": True, "colour": "0,0,0"}
BODY = {"size": 9.0, "bold": False, "colour": "0,0,0"}

LINES = [
    ("Jeanne Martin", {"size": 30.0, "bold": True, "colour": "0.6,0.3,0.3"}),
    ("", None),
    ("EXPÉRIENCE", HEADING),
    ("", None),
    ("BANQUE - CRÉDIT DU NORD LILLE", EMPLOYER),
    ("Job d'été - Chargée d'accueil", TITLE),
    ("Juillet 2024", BODY),
    ("", None),
    ("MAIRIE DE ROUBAIX", EMPLOYER),
    ("Agent administratif", TITLE),
    ("Août 2023", BODY),
    ("", None),
    ("CABINET COMPTABLE - FIDUCIAIRE DU", EMPLOYER),
    ("NORD DOUAI", EMPLOYER),
    ("Stage en entreprise - 4 semaines", TITLE),
    ("Janvier 2023 - Février 2023", BODY),
    ("", None),
    ("FORMATION", HEADING),
    ("", None),
    ("BUT GESTION DES ENTREPRISES - AIX-", EMPLOYER),
    ("MARSEILLE", EMPLOYER),
    ("2022 - En cours", BODY),
]


def _styled() -> StyledText:
    return StyledText("\n".join(text for text, _ in LINES), [style for _, style in LINES])


def test_the_styles_follow_their_lines_through_the_rejoin() -> None:
    # A name's own hyphen before a capital stays; a word broken at a line end is joined.
    text = [
        *LINES[:6],
        ("Gestion de projets et manage-", BODY),
        ("ment des équipes, prise de rendez-", BODY),
        ("vous", BODY),
        *LINES[6:],
    ]
    rejoined = rejoin_hyphenated(StyledText("\n".join(t for t, _ in text), [s for _, s in text]))
    lines = rejoined.split("\n")
    assert "Gestion de projets et management" in lines
    assert "des équipes, prise de rendez-vous" in lines
    assert "BUT GESTION DES ENTREPRISES - AIX-" in lines
    styles = line_styles_of(rejoined)
    assert len(styles) == len(lines) == len(text) - 1
    assert styles[lines.index("MAIRIE DE ROUBAIX")] == EMPLOYER
    assert styles[lines.index("2022 - En cours")] == BODY


def test_employers_in_capitals_stay_jobs_when_a_word_was_hyphenated() -> None:
    jobs = parse_cv_text(_styled()).content.experience
    assert len(jobs) == 3
    assert "MAIRIE DE ROUBAIX" in {job.company for job in jobs}
