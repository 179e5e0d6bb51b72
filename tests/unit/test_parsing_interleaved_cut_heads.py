"""Pasted two-column text: a sidebar heading of awards or certifications in the middle of the
job list, and a job's head cut from its dates by that heading
(``app/lib/parsing/sections/section_interleave.py``,
``app/lib/parsing/sections/section_cut_heads.py``). Synthetic CVs only."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.sections.section_cut_heads import carry_cut_heads
from app.lib.parsing.sections.section_split import Section

# EXPERIENCE and SKILLS side by side, then the sidebar's ACHIEVEMENTS heading between a
# job's head and its dates.
ACHIEVEMENTS_BETWEEN_HEAD_AND_DATES = """Dana Reyes
dana.reyes@example.com

EXPERIENCE

SKILLS

Riverside Clinic
Tacoma — Supply coordinator
Inventory planning
March 2019 - PRESENT

Ordered the medical supplies of four wards every week and kept the counts.

Team leadership

Bolt Staffing, Tacoma — Warehouse
Assistant/ stock control

ACHIEVEMENTS
2018- Rebuilt the layout of the
main stock room with two
new associates

May 2016 - February 2019

Counted the stock of every aisle each week and reported the gaps.

Kestrel Goods, Auburn — Stock clerk
June 2013 - April 2016

Checked the deliveries against the orders and filed the claims.

EDUCATION
2013 Pacific State University
BA Studio Art
"""

# French: the sidebar's CERTIFICATIONS heading, its dated items, and the main column's jobs.
CERTIFICATIONS_AMONG_JOBS = """Inès Carvalho
ines.carvalho@example.fr

EXPÉRIENCES PROFESSIONNELLES

Vendeuse – Boutique Lune
De mars 2022 à août 2023, Lyon
Conseil des clients et tenue de la caisse pendant les soldes.

CERTIFICATIONS
2021 - Certificat Voltaire

Caissière – Supermarché Dupré
De juin 2019 à août 2020, Villeurbanne
Encaissement, accueil des clients et mise en rayon des produits frais.

2020 - Sauveteur secouriste du travail

Employée polyvalente – Café des Arts
De juillet 2018 à mai 2019, Lyon
Service en salle et préparation des boissons chaudes.

FORMATION
BTS Management commercial opérationnel
Lycée Ampère, Lyon
2020 - 2022
"""


def _jobs(text: str) -> list[tuple[str, str | None]]:
    return [(job.title, job.start) for job in parse_cv_text(text).content.experience]


def test_a_head_before_an_achievements_heading_keeps_its_dates_after_it() -> None:
    jobs = parse_cv_text(ACHIEVEMENTS_BETWEEN_HEAD_AND_DATES).content.experience
    assert [job.start for job in jobs] == ["2019-03", "2016-05", "2013-06"]
    assert jobs[1].company.startswith("Bolt Staffing")
    assert jobs[2].title == "Stock clerk"


def test_jobs_under_a_certifications_heading_go_back_to_experience() -> None:
    parsed = parse_cv_text(CERTIFICATIONS_AMONG_JOBS)
    assert [start for _, start in _jobs(CERTIFICATIONS_AMONG_JOBS)] == [
        "2022-03", "2019-06", "2018-07"
    ]  # fmt: skip
    # The certificates, dated items opening with their year, stay certificates.
    assert len(parsed.content.extras.certifications) == 2


def test_a_head_is_carried_only_to_a_section_opening_with_dates() -> None:
    head = ["Bolt Staffing — Warehouse assistant", ""]
    first = Section(("experience",), "EXPERIENCE", ["Orbit Labs — Analyst", "2019 - 2021", ""])
    skills = Section(("skills",), "SKILLS", ["Excel", "", *head])
    awards = Section(("awards",), "AWARDS", ["Best poster", "", "Stock clerk", "2010 - 2012"])
    carry_cut_heads([first, skills, awards], {"skills", "awards"})
    assert skills.lines[-2] == "Bolt Staffing — Warehouse assistant"  # a title came first
    dated = Section(("awards",), "AWARDS", ["Best poster", "", "May 2016 - June 2019", ""])
    carry_cut_heads([first, skills, dated], {"skills", "awards"})
    assert dated.lines[0] == "Bolt Staffing — Warehouse assistant"
    assert "Bolt Staffing — Warehouse assistant" not in skills.lines


# French: the experience's last job title sits under the previous job's bullets, then the
# sidebar's LANGUES heading, its items between the job's employer and its dates.
LANGUAGES_AFTER_A_TITLE = """Maëlle Dorval
maelle.dorval@example.fr

Expérience professionnelle

Responsable de magasin

Studio Varnel, Rennes

11/2023 — 02/2025
• Suivi des fournisseurs et renégociation des contrats.
• Mise en place de tableaux de bord hebdomadaires.
Assistante commerciale

Langues

Groupe Lormont, Lausanne

Italien : intermédiaire

02/2022 — 08/2023

Français : langue maternelle

• Traitement des réclamations clients.
"""


def test_a_title_closing_the_experience_joins_its_dates_under_languages() -> None:
    parsed = parse_cv_text(LANGUAGES_AFTER_A_TITLE)
    jobs = [(job.title, job.company, job.start) for job in parsed.content.experience]
    assert jobs == [
        ("Responsable de magasin", "Studio Varnel", "2023-11"),
        ("Assistante commerciale", "Groupe Lormont", "2022-02"),
    ]
    assert sorted(x.name for x in parsed.content.languages) == ["Français", "Italien"]


def test_a_dates_first_job_closing_the_experience_stays_whole() -> None:
    """ "2019 - 2021" / "Designer": the title's dates are above it; the dates opening the
    next section are another job's."""
    lines = ["2019 - 2021", "", "Web designer", ""]
    experience = Section(("experience",), "EXPERIENCE", lines)
    about = Section(("summary",), "ABOUT ME", ["2017 - 2018", "", "Fashion designer"])
    carry_cut_heads([experience, about], {"summary"})
    assert experience.lines == ["2019 - 2021", "", "Web designer", ""]
