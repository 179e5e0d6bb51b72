"""A job heading written employer first is read by which part names a job: the job-title words
cover trades and care work, not only offices (app/lib/parsing/entries/entry_words.py)."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.entry_words import title_score


def _jobs(heading: str) -> list[tuple[str, str]]:
    """(title, employer) of each job a one-job CV under ``heading`` is read into."""
    text = (
        "Marie Dupont\nmarie@mail.fr\n\nExpérience professionnelle\n"
        f"{heading}\n2019 – 2022\n- Tâches quotidiennes\n"
    )
    return [(job.title, job.company) for job in parse_cv_text(text).content.experience]


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
    assert _jobs(heading) == [(title, employer)]


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
    assert [company for _, company in _jobs(heading)] == [employer]


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
    assert _jobs(heading) == [(title, employer)]


@pytest.mark.parametrize(
    ("heading", "title", "employer"),
    [
        # After a job's word and "en" or "de": where the job is done.
        ("Velcour\nResponsable de magasin", "Responsable de magasin", "Velcour"),
        ("Les Quatre Vents\nDirecteur d'agence", "Directeur d'agence", "Les Quatre Vents"),
        ("Orlin – Employé en boulangerie", "Employé en boulangerie", "Orlin"),
        # Before a job's word: what the job is.
        ("Velcour\nSystems Engineer", "Systems Engineer", "Velcour"),
        ("Oakridge\nHotel Receptionist", "Hotel Receptionist", "Oakridge"),
        ("Tallis\nOffice Manager", "Office Manager", "Tallis"),
        ("Marlow\nAgency Nurse", "Agency Nurse", "Marlow"),
    ],
)
def test_a_kind_of_employer_beside_a_job_word_belongs_to_the_title(
    heading: str, title: str, employer: str
) -> None:
    assert _jobs(heading) == [(title, employer)]


@pytest.mark.parametrize(
    ("heading", "title", "employer"),
    [
        # A name ending like a title ("Mercier", "hospitalier") after a comma and a whole title.
        ("Réceptionniste, École élémentaire Mercier – Saint-Priest", "Réceptionniste",
         "École élémentaire Mercier"),
        ("Agent de sécurité, Centre hospitalier de Vienne", "Agent de sécurité",
         "Centre hospitalier de Vienne"),
        ("Cook, Waiter", "Cook, Waiter", ""),  # two titles: one
    ],
)  # fmt: skip
def test_a_title_then_an_employer_whose_name_ends_like_a_title(
    heading: str, title: str, employer: str
) -> None:
    assert _jobs(heading) == [(title, employer)]
