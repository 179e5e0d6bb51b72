"""An academic CV's shape: the current post under "Situation actuelle", one-line entries
"Title, Organisation, Town.", and dated talks, seminars and preprints that are not jobs."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.sections.headings import match_cv_heading

ACADEMIC = [
    "Hélène Carpentier",
    "",
    "Situation actuelle",
    "",
    "2024 – présent Maîtresse de conférences, Université de Picardie, Amiens.",
    "",
    "Expériences",
    "",
    "2022 – 2024 Post-doctorat, CNRS, Grenoble.",
    "Schémas numériques pour des équations de transport.",
    "2021 – 2022 ATER, Université Jean Monnet, Roanne.",
    "Enseignements (96 heures) : travaux dirigés d'analyse.",
    "",
    "Publications et pré-publications",
    "",
    "2024 Hélène Carpentier and Louis Perrin, A kinetic model of swarming, Journal of",
    "Applied Analysis, 12 (2024) 1-30.",
    "",
    "Exposés et séminaires",
    "",
    "12 mars 2024 Séminaire d'Analyse, Lyon, Un modèle cinétique d'essaims.",
    "3 février 2023 Journées de Mathématiques Appliquées, Nancy, Transport et essaims.",
]


def test_academic_headings_name_their_sections() -> None:
    for heading, section in (
        ("Exposés et séminaires", "publications"),
        ("Publications et pré-publications", "publications"),
        ("Invited talks", "publications"),
        ("Preprints", "publications"),
        ("Situation actuelle", "experience"),
        ("Academic positions", "experience"),
    ):
        found = match_cv_heading(heading)
        assert found is not None and found.section == section, heading
    # A skill or a job is still no heading.
    assert match_cv_heading("Communication") is None
    assert match_cv_heading("Chargée de communication") is None


def test_talks_are_not_jobs_and_each_post_is_read_whole() -> None:
    jobs = parse_cv_text("\n".join(ACADEMIC)).content.experience
    assert [(job.title, job.company, job.start) for job in jobs] == [
        ("Maîtresse de conférences", "Université de Picardie", "2024"),
        ("Post-doctorat", "CNRS", "2022"),
        ("ATER", "Université Jean Monnet", "2021"),
    ]
