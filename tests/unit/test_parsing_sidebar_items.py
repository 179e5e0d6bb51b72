"""Pasted two-column text: the sidebar's skills list, begun above the experience heading, goes
on between the fields of the jobs; its items go back to the skills
(``app/lib/parsing/sections/section_sidebar_items.py``). Synthetic CVs only."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.sections.section_sidebar_items import split_sidebar_items

# Sidebar first (contact, skills), then the main column's experience, line by line by height.
ENGLISH = """Contact

Lena Moritz

lena.moritz@example.com

Customer manager

Skills

Profile
Customer manager with six years of experience in retail and services.

Canva

Work Experience

Jira

Customer Success Manager

Python

Harlow Goods, Leeds

Power BI
Salesforce

03.2022 — Present
• Ran supplier reviews and renegotiated contracts.
Marketing Assistant
Brindle & Cole, York
05.2019 — 02.2022
• Built weekly dashboards for the regional team.
"""

FRENCH = """Contact

Paul Girard

paul.girard@example.fr

Technicien de maintenance

Compétences

Profil
Technicien de maintenance, dix ans d'expérience en usine.

AutoCAD

Expérience professionnelle

Excel

Technicien de maintenance

Anglais

Forges Varnel, Brenne

SolidWorks

Depuis mars 2021
• Maintenance préventive des presses.
Électricien
Atelier Lormont, Lormont
Juin 2016 – Février 2021
• Câblage des armoires.
"""


def _jobs(text: str) -> list[tuple[str, str, str | None]]:
    return [(job.title, job.company, job.start) for job in parse_cv_text(text).content.experience]


def test_skill_items_between_a_jobs_fields_go_back_to_the_skills() -> None:
    assert _jobs(ENGLISH) == [
        ("Customer Success Manager", "Harlow Goods", "2022-03"),
        ("Marketing Assistant", "Brindle & Cole", "2019-05"),
    ]
    skills = {skill.name for skill in parse_cv_text(ENGLISH).content.skills}
    assert {"Jira", "Python", "Power BI", "Salesforce"} <= skills


def test_french_skill_and_language_items_between_a_jobs_fields() -> None:
    assert _jobs(FRENCH) == [
        ("Technicien de maintenance", "Forges Varnel", "2021-03"),
        ("Électricien", "Atelier Lormont", "2016-06"),
    ]
    parsed = parse_cv_text(FRENCH)
    assert "Anglais" in {language.name for language in parsed.content.languages}


def test_one_line_named_like_a_tool_is_left_in_the_job() -> None:
    """One such line alone may be an employer ("Salesforce"): only a run of items moves."""
    lines = ["Account executive", "", "Salesforce", "", "2019 – 2021"]
    assert split_sidebar_items(lines) == (lines, [])
