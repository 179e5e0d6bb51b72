"""What a skills block holds that is no skill (sections/section_skills.py): a place, a contact
label, a personal fact written as "Label: value", an interests line, a sentence cut over
lines; and the skills that look like them and stay. Invented people, places and lists."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.sections.section_skills import is_place, parse_skills, skill_shaped


@pytest.mark.parametrize(
    "value",
    ["Toronto, ON", "Leeds, United Kingdom", "Rennes (35)", "Manchester", "Bristol",
     "Cork, Ireland", "Angers, Maine-et-Loire"],
)  # fmt: skip
def test_a_place_is_no_skill(value: str) -> None:
    assert is_place(value)
    assert not skill_shaped(value)


@pytest.mark.parametrize(
    "value",
    ["Java", "Phoenix", "Jersey", "Julia", "Ruby", "Go", "Spring", "Rails", "Cypress",
     "Permis B", "Mobile development", "Python, SQL", "Excel, VBA", "Dax",
     "Fournil Martin - Vannes 56000"],
)  # fmt: skip
def test_skills_named_like_places_stay(value: str) -> None:
    assert not is_place(value)


def test_places_labels_and_facts_leave_for_the_report() -> None:
    dropped: list[str] = []
    skills, _ = parse_skills(
        ["Excel", "Toronto, ON", "Phoenix", "Mobile", "Sexe : F", "Taille : 1m80", "Non-smoker",
         "Permis B", "Curriculum Vitae", "Lyon"],
        dropped,
    )  # fmt: skip
    assert [s.name for s in skills] == ["Excel", "Phoenix", "Permis B"]
    assert dropped == ["Toronto, ON", "Mobile", "Sexe : F", "Taille : 1m80", "Non-smoker",
                       "Curriculum Vitae", "Lyon"]  # fmt: skip


def test_an_interests_line_goes_to_the_interests() -> None:
    interests: list[str] = []
    skills, _ = parse_skills(["SAP, Excel", "Hobbies: football, cooking"], [], interests)
    assert [s.name for s in skills] == ["SAP", "Excel"]
    assert interests == ["Hobbies: football, cooking"]


def test_a_sentence_cut_by_the_column_leaves_whole() -> None:
    dropped: list[str] = []
    skills, _ = parse_skills(
        ["Salesforce", "I am a hard-working person", "who loves learning new", "things.",
         "Able to work under pressure", "and to meet tight deadlines in a", "busy team.",
         "Dynamique et organisée, je cherche un poste en", "CDI.", "Git"],
        dropped,
    )  # fmt: skip
    assert [s.name for s in skills] == ["Salesforce", "Git"]
    assert "I am a hard-working person who loves learning new things." in dropped


def test_lower_case_items_and_wrapped_skills_keep_their_reading() -> None:
    skills, _ = parse_skills(
        ["Gestion de projet", "négociation", "Mise en", "service", "Veille",
         "• outstanding numeracy", "• experienced in Linux servers and networks",
         "Informatique : logiciel EXCEL et", "WORD", "machine learning", "etc."],
    )  # fmt: skip
    names = [s.name for s in skills]
    assert names[:3] == ["Gestion de projet", "négociation", "Mise en service"]
    assert "outstanding numeracy" in names
    assert "WORD" in names
    assert "machine learning" in names


def test_an_interests_line_wrapped_in_a_skills_section_is_read_whole() -> None:
    text = "\n".join(
        ["Awa Diallo", "Data Analyst", "", "SKILLS", "", "• Python", "• SQL", "",
         "Hobbies: chess, running,", "hiking", "", "LANGUAGES", "", "French : native"]
    )  # fmt: skip
    parsed = parse_cv_text(text)
    assert [s.name for s in parsed.content.skills] == ["Python", "SQL"]
    assert "hiking" in " ".join(parsed.content.extras.interests)


def test_a_list_line_cut_on_a_function_word_keeps_its_items() -> None:
    skills, _ = parse_skills(["Office 365 - Intermediate level, with", "an affinity for Excel"])
    assert "an affinity for Excel" in [s.name for s in skills]


@pytest.mark.parametrize("heading", ["REFEREES", "Referees"])
def test_a_referees_section_after_the_skills_is_no_skill(heading: str) -> None:
    text = "\n".join(
        [
            "Jane Roe",
            "Care Assistant",
            "jane.roe@example.com",
            "",
            "SKILLS",
            "Patient care, Manual handling",
            "First aid",
            "",
            heading,
            "Mary Smith, Ward Manager",
            "St Anne Hospital",
        ]
    )
    parsed = parse_cv_text(text)
    assert [s.name for s in parsed.content.skills] == [
        "Patient care",
        "Manual handling",
        "First aid",
    ]
    assert "references" in parsed.sections


def test_a_referee_among_the_interests_is_no_heading() -> None:
    parsed = parse_cv_text("Jane Roe\n\nINTERESTS\nFootball referee\nHill walking\n")
    assert parsed.content.extras.interests == ["Football referee", "Hill walking"]


def test_a_label_naming_skills_is_held_to_what_an_item_is_held_to() -> None:
    dropped: list[str] = []
    skills, _ = parse_skills(
        ["Figma, Illustrator: maquettes d'applications mobiles et chartes graphiques",
         "(@atelier.lune): projets personnels publiés chaque semaine sur le réseau",
         "atelier-lune.fr", "Photoshop"],
        dropped,
    )  # fmt: skip
    assert [s.name for s in skills] == ["Figma", "Illustrator", "Photoshop"]
    assert "(@atelier.lune)" in dropped and "atelier-lune.fr" in dropped
