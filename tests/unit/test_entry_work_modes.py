"""A way of working written where CVs put the place ("À distance", "Full remote",
"Télétravail", "Lyon / hybride") is the entry's place: the employer beside it stays whole and the
entry is kept (app/lib/parsing/entries/entry_words.py). The CV is made up."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.entry_words import is_place

CV = """Jeanne Martin
jeanne@example.com

Expériences professionnelles

Développeuse web | Norvale Studio | À distance | 2021 - 2023
- Conçu le site de réservation.

Assistante commerciale
Brakton SARL, À distance
Mars 2019 - Juin 2020
- Suivi des commandes.

Data analyst, Velmar Labs, Full remote, 2015 - 2016
- Construit des tableaux de bord.

Formation
Master Informatique, Université de Lyon, 2014
"""


def test_entries_with_a_work_mode_for_a_place_keep_their_employer() -> None:
    jobs = [(e.title, e.company, e.location) for e in parse_cv_text(CV).content.experience]
    assert jobs == [
        ("Développeuse web", "Norvale Studio", "À distance"),
        ("Assistante commerciale", "Brakton SARL", "À distance"),
        ("Data analyst", "Velmar Labs", "Full remote"),
    ]


@pytest.mark.parametrize(
    "text",
    ["À distance", "Remote", "100 % télétravail", "Hybride", "Lyon / hybride", "Paris (remote)"],
)
def test_work_modes_are_places(text: str) -> None:
    assert is_place(text)


@pytest.mark.parametrize(
    "text", ["Remote Sensing Engineer", "Distance Learning Ltd", "Hybrid Cars SA"]
)
def test_names_holding_a_work_mode_word_are_not(text: str) -> None:
    assert not is_place(text)
