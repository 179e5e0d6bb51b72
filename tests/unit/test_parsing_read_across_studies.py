"""Pasted two-column text: study entries of the main column that landed under a sidebar list
(``app/lib/parsing/sections/section_route.py``) go to education, whichever dated section came last.
Synthetic CVs only."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text

SIDEBAR_THEN_STUDIES = (
    "Lina Moreau\nChargée de communication\n\n"
    "EXPÉRIENCE\n\n"
    "Chargée de communication – Atelier Brume\nJanvier 2023 – Présent\n"
    "Animation des réseaux sociaux de la marque.\n\n"
    "FORMATION\n\nAnglais : C1\n\n"
    "BÉNÉVOLAT\nBanque alimentaire : collectes\nClub de lecture du quartier\n\n"
    "ATOUTS\nCurieuse, Autonome\nOrganisée\n\n"
    "Institut Léman Business School : 2020-Présent\n"
    "Programme grande école\nMarketing, Finance, Gestion\n\n"
    "Lycée Victor Duruy : 2015-2020\n"
    "Baccalauréat général spécialités : SES, mathématiques\n"
)


def test_dated_school_blocks_after_a_sidebar_list_are_studies() -> None:
    content = parse_cv_text(SIDEBAR_THEN_STUDIES).content
    schools = [(e.institution, e.start, e.end) for e in content.education]
    assert ("Institut Léman Business School", "2020", None) in schools
    assert ("Lycée Victor Duruy", "2015", "2020") in schools
    skills = " ".join(s.name for s in content.skills)
    assert "Léman" not in skills and "Duruy" not in skills and "SES" not in skills
    assert [x.name for x in content.extras.volunteering] == [
        "Banque alimentaire : collectes",
        "Club de lecture du quartier",
    ]
    assert [e.company for e in content.experience] == ["Atelier Brume"]


def test_a_dated_job_at_a_university_read_across_stays_a_job() -> None:
    text = (
        "Paul Girard\n\nEXPERIENCE\n\n"
        "Data engineer – Orbit Labs\nJanuary 2022 – Present\nBuilt the data platform.\n\n"
        "SKILLS\nPython, SQL\nDocker\n\n"
        "Research engineer – University of Lyon\nMarch 2019 – December 2021\n"
        "Wrote the lab's simulation code.\n"
    )
    content = parse_cv_text(text).content
    assert [e.company for e in content.experience] == ["Orbit Labs", "University of Lyon"]
    assert content.education == []


def test_a_school_line_and_the_dates_below_it_stay_one_study() -> None:
    # The school alone on its line decides for the dated block under it: both are the study.
    text = (
        "Paul Girard\n\nEXPÉRIENCE\n\n"
        "Vendeur – Maison Lenoir SAS\nJanvier 2022 – Présent\nConseil client.\n\n"
        "COMPÉTENCES\nExcel, Canva\nAnglais\n\n"
        "École Pigier Lille\n\n2019-2021 Commerce international\n"
    )
    content = parse_cv_text(text).content
    assert [(e.institution, e.degree, e.start, e.end) for e in content.education] == [
        ("École Pigier Lille", "Commerce international", "2019", "2021")
    ]
    assert [e.company for e in content.experience] == ["Maison Lenoir SAS"]
