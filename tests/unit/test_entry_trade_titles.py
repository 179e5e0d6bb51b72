"""A job heading written employer first is read by which part names a job: the job-title words
cover trades and care work, not only offices (app/lib/parsing/entries/entry_words.py)."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.entry_words import title_score


@pytest.mark.parametrize(
    ("heading", "title", "employer"),
    [
        ("Résidence Les Tilleuls – Aide-soignante", "Aide-soignante", "Résidence Les Tilleuls"),
        ("Golden Oak Diner – Server", "Server", "Golden Oak Diner"),
        ("Bellevue Inn | Night Porter", "Night Porter", "Bellevue Inn"),
        ("Oak Hill Academy – Paraprofessional", "Paraprofessional", "Oak Hill Academy"),
        ("Les Petits Loups – Nounou", "Nounou", "Les Petits Loups"),
        ("Carter & Sons – Bricklayer", "Bricklayer", "Carter & Sons"),
        ("Dupont Rénovation – Peintre en bâtiment", "Peintre en bâtiment", "Dupont Rénovation"),
    ],
)
def test_an_employer_first_heading_of_a_trade_is_read_by_the_job_word(
    heading: str, title: str, employer: str
) -> None:
    text = (
        "Marie Dupont\nmarie@mail.fr\n\nExpérience professionnelle\n"
        f"{heading}\n2019 – 2022\n- Tâches quotidiennes\n"
    )
    jobs = parse_cv_text(text).content.experience
    assert [(job.title, job.company) for job in jobs] == [(title, employer)]


@pytest.mark.parametrize(
    "title", ["Aide-soignante", "Informaticien", "Dishwasher", "Crew Member", "Aide à domicile"]
)
def test_a_hyphenated_or_trade_title_scores_as_a_job(title: str) -> None:
    assert title_score(title) > 0


@pytest.mark.parametrize(
    ("heading", "employer"),
    [
        ("Manutentionnaire – Randstad (mission chez Velcour)", "Randstad (mission chez Velcour)"),
        ("Cariste chez Adecco (mission chez Velcour)", "Adecco (mission chez Velcour)"),
    ],
)
def test_a_temp_agencys_client_in_brackets_stays_in_its_aside(heading: str, employer: str) -> None:
    """ "chez" inside the agency's bracket names the client: the heading was cut there, the
    employer read "Velcour)"."""
    text = (
        "Marie Dupont\nmarie@mail.fr\n\nExpérience professionnelle\n"
        f"{heading}\n2019 – 2022\n- Tâches quotidiennes\n"
    )
    jobs = parse_cv_text(text).content.experience
    assert [job.company for job in jobs] == [employer]


@pytest.mark.parametrize(
    ("heading", "title", "employer"),
    [
        ("St Mary's Church\nVerger", "Verger", "St Mary's Church"),
        (
            "Oakfield Borough Council\nRefuse collector",
            "Refuse collector",
            "Oakfield Borough Council",
        ),
    ],
)
def test_an_employer_named_by_its_kind_when_the_job_word_is_unknown(
    heading: str, title: str, employer: str
) -> None:
    # Church, council, EHPAD, crèche, bakery…: the employer's own word decides the split where
    # the title's words are none the vocabulary knows.
    text = f"Marie Dupont\nmarie@mail.fr\n\nExperience\n{heading}\n2019 – 2022\n- Daily tasks\n"
    jobs = parse_cv_text(text).content.experience
    assert [(job.title, job.company) for job in jobs] == [(title, employer)]


@pytest.mark.parametrize(
    ("heading", "title", "employer"),
    [
        ("Velcour\nResponsable de magasin", "Responsable de magasin", "Velcour"),
        ("Les Quatre Vents\nDirecteur d'agence", "Directeur d'agence", "Les Quatre Vents"),
        ("Orlin – Employé en boulangerie", "Employé en boulangerie", "Orlin"),
    ],
)
def test_a_kind_of_employer_after_de_or_en_is_where_the_title_works(
    heading: str, title: str, employer: str
) -> None:
    text = f"Marie Dupont\nmarie@mail.fr\n\nExpérience\n{heading}\n2019 – 2022\n- Tâches\n"
    jobs = parse_cv_text(text).content.experience
    assert [(job.title, job.company) for job in jobs] == [(title, employer)]


@pytest.mark.parametrize(
    ("heading", "title", "employer"),
    [
        ("Velcour\nSystems Engineer", "Systems Engineer", "Velcour"),
        ("Oakridge\nHotel Receptionist", "Hotel Receptionist", "Oakridge"),
        ("Tallis\nOffice Manager", "Office Manager", "Tallis"),
        ("Marlow\nAgency Nurse", "Agency Nurse", "Marlow"),
    ],
)
def test_a_kind_of_employer_before_a_job_word_qualifies_the_job(
    heading: str, title: str, employer: str
) -> None:
    text = f"Alex Morel\nalex@mail.org\n\nExperience\n{heading}\n2019 – 2022\n- Daily tasks\n"
    jobs = parse_cv_text(text).content.experience
    assert [(job.title, job.company) for job in jobs] == [(title, employer)]
