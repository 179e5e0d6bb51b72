"""An ad's requirements and missions are found by their grammar wherever they sit: with no
heading, under a heading no table knows, after the benefits, or glued onto one line
(app/lib/parsing/offers/offer_cues.py). Synthetic ads of those shapes."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.parsing.offers.offer_cues import is_mission, is_requirement

NO_HEADINGS = """\
Agent de planification (H/F)
Transports Ardoise
Lyon

Transports Ardoise recrute un agent de planification pour son agence de Lyon.

Vous serez en charge du planning d'une trentaine de conducteurs et de la gestion des aléas.

Nous sommes un groupe familial attaché à l'expérience de nos collaborateurs.

Vous possédez un BTS Transport et logistique. \
Une première expérience en exploitation serait un réel atout.

Vous maîtrisez Excel et les outils de suivi des temps de conduite.

Vous êtes accompagné par un tuteur pendant vos premières semaines.
"""

UNKNOWN_HEADING = """Field Technician
Brightwater Energy

Who thrives here

Bachelor's degree in Electrical Engineering or equivalent preferred.
At least 3 years of field experience required.
We value the diversity in thought and experience of our coworkers.

Agile

Here at Brightwater, we strive to improve every day.
"""

ONE_LINE = (
    "Yard Worker\nGreenleaf Gardens\n\nGreenleaf Gardens is a family garden center. Key "
    "Responsibilities: * Water and care for plants. * Help customers load their cars. * Must be "
    "able to lift 40 lbs. * Ability to communicate clearly in English"
)


def test_an_ad_without_headings_yields_its_requirements_and_missions() -> None:
    parsed = parse_offer_text(NO_HEADINGS)
    assert parsed.requirements == [
        "Vous possédez un BTS Transport et logistique.",
        "Une première expérience en exploitation serait un réel atout.",
        "Vous maîtrisez Excel et les outils de suivi des temps de conduite.",
    ]
    assert parsed.responsibilities == [
        "Vous serez en charge du planning d'une trentaine de conducteurs et de la gestion des "
        "aléas."
    ]
    assert "Excel" in parsed.skills


def test_requirements_under_a_heading_no_table_knows_are_found() -> None:
    parsed = parse_offer_text(UNKNOWN_HEADING)
    assert parsed.requirements == [
        "Bachelor's degree in Electrical Engineering or equivalent preferred.",
        "At least 3 years of field experience required.",
    ]  # the employer speaking of itself is not a requirement


def test_a_list_pasted_onto_one_line_is_read_item_by_item() -> None:
    parsed = parse_offer_text(ONE_LINE)
    assert "Must be able to lift 40 lbs." in parsed.requirements
    assert "Ability to communicate clearly in English" in parsed.requirements
    assert "Water and care for plants." not in parsed.requirements


@pytest.mark.parametrize(
    "sentence",
    [
        "Vous êtes accompagné par un tuteur pendant vos premières semaines.",
        "Nous avons une solide expérience du transport.",
        "We are proud of our degree of customer satisfaction.",
        "Tickets restaurant et mutuelle.",
    ],
)
def test_benefits_and_the_employer_talking_are_no_requirements(sentence: str) -> None:
    assert not is_requirement(sentence)


def test_a_mission_is_not_a_requirement_and_the_reverse() -> None:
    assert is_mission("You will own the nightly data pipelines.")
    assert not is_requirement("You will own the nightly data pipelines.")
    assert is_requirement("Vous justifiez de 2 ans d'expérience en exploitation.")
    assert not is_mission("Vous justifiez de 2 ans d'expérience en exploitation.")


def test_headed_requirements_keep_their_place_and_are_not_repeated() -> None:
    ad = (
        "Data Analyst\nNorthwind\n\nProfil recherché :\n- Maîtrise de SQL indispensable\n"
        "- 2 ans d'expérience en analyse\n\nMaîtrise de SQL indispensable\n"
    )
    parsed = parse_offer_text(ad)
    assert parsed.requirements == ["Maîtrise de SQL indispensable", "2 ans d'expérience en analyse"]


def test_the_employers_text_yields_requirements_only_from_what_the_candidate_has() -> None:
    ad = (
        "Chargé de recrutement\nBrightwater\n\nQui sommes-nous ?\n\n"
        "Les ingénieurs de Brightwater œuvrent à la maîtrise de la durabilité des ouvrages.\n"
        "40 ans d'expérience au service des ouvrages d'art.\n"
        "Vous possédez une première expérience du recrutement technique.\n\n"
        "Missions\n\n- Communicate the new hire experience in every office\n"
        "- Be able to travel twice a month\n"
    )
    parsed = parse_offer_text(ad)
    assert parsed.requirements == [
        "Be able to travel twice a month",
        "Vous possédez une première expérience du recrutement technique.",
    ]
    assert not is_requirement("You will help deepen our understanding of billing data.")


def test_skills_are_the_job_terms_of_requirements_and_missions_as_the_ad_words_them() -> None:
    ad = (
        "Agent de planning (H/F)\nTransports Belmont\n\n"
        "Vous organiserez les tournées de 30 conducteurs et assurerez le reporting.\n\n"
        "Vous êtes reconnu pour votre gestion des priorités et votre autonomie. "
        "Une première expérience en logistique serait un plus.\n"
    )
    skills = parse_offer_text(ad).skills
    # No heading, no cue before them: the concept vocabulary reads them in the requirement.
    assert {"gestion des priorités", "autonomie", "logistique", "reporting"} <= set(skills)


def test_vocabulary_spans_copy_the_text_and_keep_the_longest() -> None:
    from app.lib.matching.vocabulary import default_vocabulary

    text = "Votre Gestion des Priorités, votre autonomie et la gestion de projet."
    spans = default_vocabulary().spans_in(text)
    found = [text[start:end] for start, end, _ in spans]
    assert "Gestion des Priorités" in found and "autonomie" in found
    assert "gestion de projet" in found and "projet" not in found  # the longest form wins
    # Words of one form spread over a sentence are no span of it.
    far = "Gestion des stocks, des commandes, des litiges clients et de leurs priorités."
    assert all(far[s:e] != far for s, e, _ in default_vocabulary().spans_in(far))
