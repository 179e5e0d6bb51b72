"""Sections marked by icons only (section_untitled.py): the dated entries under the name are
jobs and studies, not header lines, and a CV laid out so still yields its jobs."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.sections.section_split import Section
from app.lib.parsing.sections.section_untitled import untitled_sections

# A timeline column: the end above the start, each beside a line of the entry's heading; then
# a sidebar whose headings are words.
TIMELINE = [
    "Louise Garnier",
    "Étudiante en informatique – Développeuse",
    "",
    "Mars 2021\tStagiaire développement",
    "JANV. 2021\tPixelbrique - Nantes",
    "",
    "Maintenance du site et des outils internes,",
    "avec l'équipe produit.",
    "",
    "AOÛT 2019\tVendeuse",
    "JUIN 2019\tLibrairie Vauban – Angers",
    "Conseil et encaissement",
    "",
    "Maintenant\tÉCOLE D'INGÉNIEURS DU NUMÉRIQUE",
    "SEPT. 2020\tCampus de Nantes",
    "Deuxième année du cycle ingénieur",
    "",
    "Profil",
    "",
    "Curieuse et rigoureuse.",
    "",
    "Compétences",
    "",
    "Python",
    "SQL",
]


def test_dated_entries_under_the_name_make_sections_of_their_own() -> None:
    header = TIMELINE[:17]
    kept, sections = untitled_sections(header, [Section(("skills",), "Compétences", ["Python"])])
    assert [line for line in kept if line.strip()] == TIMELINE[:2]
    assert [section.key for section in sections] == ["experience", "education", "skills"]
    assert "Librairie Vauban – Angers" in " ".join(sections[0].lines)
    assert "Campus de Nantes" in " ".join(sections[1].lines)


def test_a_cv_without_section_words_still_has_its_jobs() -> None:
    content = parse_cv_text("\n".join(TIMELINE)).content
    assert content.header.name == "Louise Garnier"
    jobs = [(job.title, job.company, job.start, job.end) for job in content.experience]
    assert jobs == [
        ("Stagiaire développement", "Pixelbrique", "2021-01", "2021-03"),
        ("Vendeuse", "Librairie Vauban", "2019-06", "2019-08"),
    ]
    assert [study.institution for study in content.education] != []


def test_a_header_with_one_date_or_an_experience_section_is_left_alone() -> None:
    header = ["Louise Garnier", "Disponible à partir de mars 2024 pour un stage", "Nantes"]
    assert untitled_sections(header, []) == (header, [])
    experience = [Section(("experience",), "Expérience", ["2020 – 2021 Vendeuse, Librairie"])]
    assert untitled_sections(TIMELINE[:17], experience) == (TIMELINE[:17], experience)
