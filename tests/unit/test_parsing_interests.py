"""The interests section: lists split into items, paragraphs kept in whole sentences.

Synthetic shapes: a paragraph a PDF wrapped at its column's width, lists on one line or one
item per line, a wrapped list item ending on a function word."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.lists import join_prose, parse_interests, reads_as_prose

WRAPPED_FR = [
    "Passionnée de théâtre amateur et de littérature nordique,",
    "je participe chaque année à un festival de courts métrages",
    "comme bénévole, et j'anime un club de lecture dans mon",
    "quartier depuis trois ans.",
]


def test_a_wrapped_paragraph_is_one_sentence_not_a_fragment_per_line_or_comma() -> None:
    assert parse_interests(WRAPPED_FR) == [
        "Passionnée de théâtre amateur et de littérature nordique, je participe chaque année "
        "à un festival de courts métrages comme bénévole, et j'anime un club de lecture dans "
        "mon quartier depuis trois ans."
    ]


def test_a_paragraph_of_several_sentences_gives_one_interest_per_sentence() -> None:
    lines = [
        "Keen sailor racing dinghies on the lake every summer. I also restore",
        "old mechanical watches and write about them.",
    ]
    assert parse_interests(lines) == [
        "Keen sailor racing dinghies on the lake every summer.",
        "I also restore old mechanical watches and write about them.",
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Escalade, jazz, cuisine"], ["Escalade", "jazz", "cuisine"]),
        (["chess", "cooking", "gardening"], ["chess", "cooking", "gardening"]),
        (
            [
                "Photographie (argentique, paysages), randonnée en montagne, voyages en Amérique",
                "peinture",
            ],
            [
                "Photographie (argentique, paysages)",
                "randonnée en montagne",
                "voyages en Amérique",
                "peinture",
            ],
        ),
        (
            ["Musique : piano, violoncelle", "Sport : natation"],
            ["Musique : piano, violoncelle", "Sport : natation"],
        ),
    ],
)
def test_lists_still_split_into_items(lines: list[str], expected: list[str]) -> None:
    assert parse_interests(lines) == expected


def test_an_item_wrapped_after_a_function_word_runs_on() -> None:
    assert join_prose(["Treasurer of the", "rowing club", "baking"]) == [
        "Treasurer of the rowing club",
        "baking",
    ]


def test_prose_is_told_from_lists_by_the_length_of_its_comma_parts() -> None:
    assert reads_as_prose("Fond of long walks by the sea, I keep a diary of the birds I see")
    assert not reads_as_prose("Tennis, voyages en Asie du Sud-Est, lecture de romans")


def test_a_whole_cv_keeps_its_wrapped_interests_paragraph_whole() -> None:
    text = "\n".join(
        [
            "Camille Dupont",
            "camille.dupont@example.org",
            "EXPÉRIENCE PROFESSIONNELLE",
            "Vendeuse",
            "Librairie du Port (2019 - 2023)",
            "- Conseil aux clients et tenue de caisse",
            "CENTRES D'INTÉRÊT",
            *WRAPPED_FR,
        ]
    )
    interests = parse_cv_text(text).content.extras.interests
    assert len(interests) == 1
    assert interests[0].endswith("depuis trois ans.")
