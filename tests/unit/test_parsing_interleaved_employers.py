"""Pasted two-column text: an employer set in capitals inside a job's head is no unknown
heading, even when the job's fields are spread among the sidebar's items
(``app/lib/parsing/sections/section_employer_lines.py``). Synthetic CVs only."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text

# The experience heading, then the sidebar's skills heading: the main column's jobs follow
# under COMPÉTENCES, the skill items between their fields.
SKILLS_BETWEEN_FIELDS = """Lina Perrot
Étudiante en BUT GEA

EXPÉRIENCE

Permis B

COMPÉTENCES
Comptabilité : saisie des écritures
Finance : suivi des budgets

CABINET COMPTABLE - FIDUCIAIRE VARNEL
Stage en entreprise - 4 semaines
Janvier 2024 - Février 2024

BANQUE - CRÉDIT DU LORMONT

trésorerie

Job d'été - Chargée d'accueil

Fiscalité

Juillet 2024

Organisation
Bureautique : Excel et Word

CABINET COMPTABLE - AUDIT BRENNE ET
CONSEIL
Stage en entreprise - 8 semaines
Avril 2025 - Mai 2025

FORMATIONS
LYCÉE JEAN ROSTAND - BRENNE
Baccalauréat général
2020 - 2023
"""

# Dates first, then the title, then the employer in capitals: a job's head, in the middle of
# the section a sidebar heading ("ABOUT ME") opened between two jobs.
DATES_FIRST_HEAD = """Mira Olsen
Designer

EXPERIENCE
2019 - 2021

WEB DESIGNER

ABOUT ME

Designed the websites of small shops and their brand identity.

2017 - 2018

FASHION DESIGNER

NORTHWIND PARIS SHOWROOM

Drew the collection's sketches and followed the samples.

2015 - 2016

SALES ASSISTANT

Advised the customers of the shop and kept the stock.

SKILLS
Figma
Illustrator
"""


def test_capital_employers_among_skill_items_stay_with_their_jobs() -> None:
    parsed = parse_cv_text(SKILLS_BETWEEN_FIELDS)
    starts = [job.start for job in parsed.content.experience]
    assert starts == ["2024-01", "2024-07", "2025-04"]
    assert parsed.unknown_sections == []


def test_a_job_spread_among_skill_items_is_joined_back() -> None:
    """Employer, title and a single date, each between two skill items: one job, and the
    items stay skills."""
    parsed = parse_cv_text(SKILLS_BETWEEN_FIELDS)
    summer = next(job for job in parsed.content.experience if job.start == "2024-07")
    assert summer.title == "Chargée d'accueil"
    assert summer.company == "CRÉDIT DU LORMONT"
    assert "Fiscalité" in {skill.name for skill in parsed.content.skills}


def test_a_capital_line_under_dates_and_a_title_is_no_heading() -> None:
    parsed = parse_cv_text(DATES_FIRST_HEAD)
    assert parsed.unknown_sections == []


def test_jobs_after_an_about_me_heading_go_back_to_experience() -> None:
    """The sidebar's "ABOUT ME" heading between two jobs: the jobs after it are no summary;
    the description before the first of them stays the summary."""
    parsed = parse_cv_text(DATES_FIRST_HEAD)
    jobs = [(job.title, job.start) for job in parsed.content.experience]
    assert jobs == [
        ("WEB DESIGNER", "2019"),
        ("FASHION DESIGNER", "2017"),
        ("SALES ASSISTANT", "2015"),
    ]
    assert parsed.content.summary.startswith("Designed the websites")


def test_job_fields_between_language_items_in_english() -> None:
    """The same shape under a languages heading, in English: the employer, the title and
    the dates move to experience; the languages stay languages."""
    text = (
        "Owen Blake\n\nEXPERIENCE\n"
        "HARBOR ANALYTICS\nData analyst\nMarch 2021 – today\n\n"
        "LANGUAGES\n\n"
        "English: native\n\n"
        "NORTHGATE LOGISTICS\n\n"
        "German: fluent\n\n"
        "Warehouse supervisor\n\n"
        "Dutch: basic\n\n"
        "June 2018 – February 2021\n\n"
        "Led a team of twelve in the night shift of the main depot.\n"
    )
    parsed = parse_cv_text(text)
    jobs = [(job.title, job.company, job.start) for job in parsed.content.experience]
    assert jobs == [
        ("Data analyst", "HARBOR ANALYTICS", "2021-03"),
        ("Warehouse supervisor", "NORTHGATE LOGISTICS", "2018-06"),
    ]
    assert sorted(x.name for x in parsed.content.languages) == ["Dutch", "English", "German"]
