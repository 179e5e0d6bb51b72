"""An age stated inside the profile's sentences leaves it (fields/age_phrases.py); the same
figures stating a duration stay. Invented people."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.age_phrases import cut_ages


@pytest.mark.parametrize(
    ("text", "kept", "cut"),
    [
        (
            "Jeune femme de 28 ans, dynamique et motivée, je cherche un poste de nuit.",
            "Jeune femme, dynamique et motivée, je cherche un poste de nuit.",
            ["de 28 ans"],
        ),
        ("Âgée de 31 ans, je suis aide-soignante.", "Je suis aide-soignante.", ["Âgée de 31 ans"]),
        ("J'ai 24 ans. Je cherche un CDI.", "Je cherche un CDI.", ["J'ai 24 ans"]),
        (
            "Je suis âgé de 40 ans et je conduis des poids lourds.",
            "Je conduis des poids lourds.",
            ["Je suis âgé de 40 ans"],
        ),
        ("29 ans, infirmière diplômée d'État.", "Infirmière diplômée d'État.", ["29 ans"]),
        (
            "Nurse, 28 years old, with six years in intensive care.",
            "Nurse, with six years in intensive care.",
            ["28 years old"],
        ),
        ("A 35-year-old chef who loves markets.", "A chef who loves markets.", ["35-year-old"]),
        ("Aged 34, I bring ten years of teaching.", "I bring ten years of teaching.", ["Aged 34"]),
    ],
)
def test_an_age_in_a_sentence_is_cut_and_the_sentence_kept(
    text: str, kept: str, cut: list[str]
) -> None:
    assert cut_ages(text) == (kept, cut)


@pytest.mark.parametrize(
    "text",
    [
        "Forte de 15 ans d'expérience dans la vente, je forme les nouveaux.",
        "Fort de 20 ans, je propose mon savoir-faire.",  # a duration or an age: kept, not guessed
        "Plus de 20 ans dans le commerce de détail.",
        "Vendeuse depuis 18 ans, je connais mes clients.",
        "Saxophone depuis l'âge de 11 ans.",
        "Animateur auprès des jeunes de 16 à 25 ans.",
        "Professionnelle de 45 ans dans la logistique.",  # a complement follows: unsure, kept
        "Mentored students aged 16-18 in maths.",
        "Twenty years in retail, 30 years on the road.",
    ],
)
def test_a_duration_or_a_doubted_age_stays(text: str) -> None:
    assert cut_ages(text) == (text, [])


def test_the_import_cuts_the_age_and_reports_it() -> None:
    text = "\n".join(
        [
            "Camille Roux",
            "Aide-soignante",
            "",
            "PROFIL",
            "Jeune femme de 27 ans, attentive et rigoureuse, j'accompagne les résidents",
            "au quotidien depuis cinq ans.",
            "",
            "EXPÉRIENCE",
            "Aide-soignante — EHPAD Les Tilleuls, Nantes",
            "2019 - 2024",
            "- Soins d'hygiène et de confort",
        ]
    )
    parsed = parse_cv_text(text)
    assert parsed.content.summary == (
        "Jeune femme, attentive et rigoureuse, j'accompagne les résidents au quotidien depuis "
        "cinq ans."
    )
    assert "de 27 ans" in parsed.unplaced


@pytest.mark.parametrize(
    "text",
    [
        "I have played the piano since I was 16 years old.",
        "Coached players aged 18 and over in a Sunday league.",
        "Je joue du violon depuis 18 ans, en orchestre.",
    ],
)
def test_an_age_the_candidate_had_or_another_persons_stays(text: str) -> None:
    assert cut_ages(text) == (text, [])
