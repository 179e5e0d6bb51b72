"""A town the place list does not know, written after the employer of a dated job heading
("Title — Employer, Town", "Employer (Town)", a dates-first "Employer, Town" line), is the
job's place; commas inside titles and employer names stay where they are. Synthetic CVs only."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.entry_parts import trailing_place


def _jobs(body: str) -> list[tuple[str, str, str]]:
    text = f"Orla Penhallow\norla.penhallow@example.com\n\nExperience\n{body}\n"
    return [(e.title, e.company, e.location) for e in parse_cv_text(text).content.experience]


def test_title_dash_employer_comma_town() -> None:
    jobs = _jobs(
        "Staff Nurse — Quillfield Care Home, Wexbury\tSep 2017 – Mar 2021\n"
        "- Ran the night medication round\n\n"
        "Cariste — Entrepôts Brevanne, Saint-Ormel-sur-Vesle\tJan 2015 – Aug 2017\n"
        "- Chargement des camions\n"
    )
    assert jobs == [
        ("Staff Nurse", "Quillfield Care Home", "Wexbury"),
        ("Cariste", "Entrepôts Brevanne", "Saint-Ormel-sur-Vesle"),
    ]


def test_employer_with_town_in_brackets_on_its_own_line() -> None:
    jobs = _jobs(
        "Quillfield Care Home (Port Calloway)\nStaff Nurse\n09/2017 - 03/2021\n"
        "• Ran the night medication round\n"
    )
    assert jobs == [("Staff Nurse", "Quillfield Care Home", "Port Calloway")]


def test_dates_first_layout_employer_comma_town() -> None:
    jobs = _jobs(
        "Sep 2017 – Mar 2021\tStaff Nurse\n\tQuillfield Care Home, Wexbury\n"
        "\t• Ran the night medication round\n"
    )
    assert jobs == [("Staff Nurse", "Quillfield Care Home", "Wexbury")]


@pytest.mark.parametrize(
    "employer",
    [
        "Dupont, Durand & Associés",  # a firm of partners: '&' joins names
        "Brennick, Tolland",  # two partners' names: one word before the comma
        "Halvorsen Labs (Group)",  # an organisation word
        "Halvorsen Labs, Research Division",  # a unit of the employer
        "Halvorsen Labs, SARL",  # a legal form in capitals
        "Halvorsen Labs, Part-time",  # a contract word
        "Halvorsen Labs, Sales Manager",  # a job title
        "Halvorsen Labs, a maker of tiny boats",  # a description, not a name
    ],
)
def test_commas_that_belong_to_the_name_stay(employer: str) -> None:
    assert trailing_place(employer) is None


def test_title_with_commas_is_not_cut() -> None:
    jobs = _jobs("Sales, Marketing Manager — Halvorsen Labs\tMar 2019 – Jun 2021\n- Grew sales\n")
    assert jobs == [("Sales, Marketing Manager", "Halvorsen Labs", "")]


def test_a_one_word_employer_before_a_town_the_gazetteer_knows() -> None:
    # One word before the comma may be a partner's name ("Brennick, Tolland" stays whole), not
    # when the gazetteer knows the town.
    assert trailing_place("Nando's, Salford") == ("Nando's", "Salford")
    assert trailing_place("Greggs, Guildford") == ("Greggs", "Guildford")


def test_town_shapes() -> None:
    assert trailing_place("Halvorsen Labs, Port Calloway") == ("Halvorsen Labs", "Port Calloway")
    assert trailing_place("Brasserie du Pont Vieux, Ormelac") == (
        "Brasserie du Pont Vieux",
        "Ormelac",
    )
    assert trailing_place("Halvorsen Labs (Wexbury)") == ("Halvorsen Labs", "Wexbury")


def test_a_town_with_its_country_in_brackets_after_the_employer_is_the_place() -> None:
    jobs = _jobs(
        "PROFESSEUR DE FRANÇAIS\tJanvier 2017 - Avril 2017\n"
        "Colegio Miraval | Santa Brenda (Argentine)\n"
    )
    assert jobs == [("PROFESSEUR DE FRANÇAIS", "Colegio Miraval", "Santa Brenda (Argentine)")]


def test_an_employer_with_its_country_in_brackets_first_on_its_line_stays_the_employer() -> None:
    jobs = _jobs("Brevantis (France) | Data Analyst\tJan 2019 - Mar 2020\n- Dashboards\n")
    assert jobs[0] == ("Data Analyst", "Brevantis", "France")


def test_for_an_organisation_names_the_employer_and_a_sentence_full_stop_ends_the_place() -> None:
    jobs = _jobs(
        "Bilingual Support Agent pour Quenbury Ltd., Leeds\tavril 2018 - mars 2019\n"
        "Ontario, Canada.\n- Service en français et en anglais\n\n"
        "Teacher for Adult Learners\t2016 - 2017\nWexbury College\n"
    )
    assert jobs[0] == ("Bilingual Support Agent", "Quenbury Ltd.", "Leeds, Ontario, Canada.")
    assert jobs[1][:2] == ("Teacher for Adult Learners", "Wexbury College")


def test_an_employer_opening_with_a_digit_after_the_title_comma() -> None:
    jobs = _jobs(
        "Stagiaire en science des données, 4D Quarry Labs, Maroc.\t2022 - 2023\n- Modèles\n"
    )
    assert jobs == [("Stagiaire en science des données", "4D Quarry Labs", "Maroc.")]


def test_a_town_the_gazetteer_knows_closing_the_employer_line_is_the_place() -> None:
    """ "Dalsolori Analytics · Saint-Étienne" under the title: the town (whose name ends like a
    title, "-ienne") had been read as the title and the title as the employer."""
    jobs = _jobs(
        "2021 – 2023\nResponsable de magasin\nDalsolori Analytics · Saint-Étienne\n"
        "• Réduction des délais de livraison.\n\n"
        "2019 – 2021\nAcheteur\nDviktami Logistics · Clermont-Ferrand\n• Coordination.\n"
    )
    assert jobs == [
        ("Responsable de magasin", "Dalsolori Analytics", "Saint-Étienne"),
        ("Acheteur", "Dviktami Logistics", "Clermont-Ferrand"),
    ]


def test_a_town_named_employer_with_no_third_part_stays_the_employer() -> None:
    jobs = _jobs("Banker | Santander\tJan 2019 – Mar 2021\n- Opened accounts\n")
    assert [(title, company) for title, company, _ in jobs] == [("Banker", "Santander")]
