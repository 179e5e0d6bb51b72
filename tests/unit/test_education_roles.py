"""An education entry's parts take the roles their words give them, wherever the heading puts
them: the school by its school words, the degree by its degree words, a town as the place, the
rest as the field (app/lib/parsing/entries/roles.py). Invented names only."""

from __future__ import annotations

import pytest

from app.lib.cv_content import Education
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.entry_words import is_place


def _education(section: str, heading: str = "FORMATION") -> list[Education]:
    text = f"Alex Morel\nCoordinatrice logistique\nalex.morel@example.org\n\n{heading}\n{section}"
    return parse_cv_text(text).content.education


def _roles(entry: Education) -> tuple[str, str, str, str]:
    return entry.degree, entry.field, entry.institution, entry.location


def test_the_school_named_below_a_degree_and_its_field_is_the_school() -> None:
    [entry] = _education(
        "Master en Informatique - Intelligence Artificielle & Développement Web\n"
        "Université de Valmont, Saint-Orlin | 2025\n"
    )
    assert entry.degree == "Master en Informatique"
    assert entry.field == "Intelligence Artificielle & Développement Web"
    assert entry.institution == "Université de Valmont"
    assert entry.end == "2025"


def test_one_line_of_commas_gives_degree_field_school_and_town() -> None:
    first, _ = _education(
        "2019 – 2020 Master 2, Mathématiques appliquées, Université de Valmont, Lyon.\n"
        "2015 – 2018 Licence de mathématiques, Université de Valmont, Lyon.\n"
    )
    assert _roles(first)[:3] == ("Master 2", "Mathématiques appliquées", "Université de Valmont")


def test_a_town_after_the_school_is_no_degree() -> None:
    [entry] = _education(
        "B.Tech\nKestrel Institute of Technology - Noida, Uttar Pradesh\n2010 - 2014\n",
        heading="EDUCATION",
    )
    assert entry.degree == "B.Tech"
    assert entry.institution == "Kestrel Institute of Technology"
    assert "Noida" in entry.location


def test_a_bare_school_name_before_its_town_is_the_school_not_the_field() -> None:
    [entry] = _education(
        "Master of Science - Civil Engineering\nDORQUIMAR, Nancy (54) | 2013\n",
        heading="EDUCATION",
    )
    assert _roles(entry)[:3] == ("Master of Science", "Civil Engineering", "DORQUIMAR")


@pytest.mark.parametrize(
    ("heading", "degree", "school"),
    [
        (
            "Classe préparatoire aux grandes écoles, filière MP, Lycée Valmont",
            "Classe préparatoire aux grandes écoles",
            "Lycée Valmont",
        ),
        (
            "Programme Grande École - Management, Kestrel École d’ingénieurs",
            "Programme Grande École",
            "Kestrel École d'ingénieurs",  # the reader straightens apostrophes
        ),
    ],
)
def test_phrases_whose_words_say_the_other_role(heading: str, degree: str, school: str) -> None:
    [entry] = _education(f"{heading}\n2019 - 2021\n")
    assert (entry.degree, entry.institution) == (degree, school)


def test_a_school_or_a_degree_is_never_a_place_but_state_codes_stay_places() -> None:
    assert not is_place("Kestrel Academy, Austin, TX")
    assert not is_place("Bachelor's degree, Supply Chain Management, Leeds, UK")
    assert is_place("Boston, MA") and is_place("Jackson, MS") and is_place("Austin, TX")
