"""CV section level on synthetic text in the shapes real CVs use: headings on two lines,
compound and letter-spaced headings, headings named by their words, unknown headings kept
apart, labelled lines routed by content, languages in prose, and names wherever the layout
puts them. Every name, company and date below is invented."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.languages import languages_in_text
from app.lib.parsing.fields.lists import parse_languages
from app.lib.parsing.sections.headings import match_cv_heading
from app.lib.parsing.sections.section_skills import parse_skills


@pytest.mark.parametrize(
    ("line", "sections"),
    [
        ("Expériences associatives", ("volunteering",)),
        ("Entrepreneurial initiative", ("experience",)),
        ("Jobs étudiants", ("experience",)),
        ("Stages", ("experience",)),
        ("LANGUES ET COMPÉTENCES", ("languages", "skills")),
        ("Language, skills & certifications", ("languages", "skills", "certifications")),
        ("C O M P É T E N C E S", ("skills",)),
        ("É X P É R I E N C E C A R I T A T I V E", ("volunteering",)),
        ("Expe´rience", ("experience",)),  # an accent set as its own character
        ("★ MES HOBBIES", ("interests",)),
        ("Other educational experiences", ("education",)),
        ("Responsable formation", None),  # a job title, not a heading
        ("Chef de projet", None),
        ("Gestion de projet", None),
        # Nouns that name a section beside another heading word, participles as qualifiers.
        ("Educational Background", ("education",)),
        ("Employment Record", ("experience",)),
        ("Relevant Work History", ("experience",)),
        ("Diplômes obtenus", ("education",)),
        ("Emplois occupés", ("experience",)),
        ("Licenses & Certifications", ("certifications",)),
        ("History", None),  # a subject of study alone
        ("Initiative", None),  # a quality in a list of them
        ("Business Development", None),
    ],
)
def test_heading_words(line: str, sections: tuple[str, ...] | None) -> None:
    found = match_cv_heading(line)
    assert (found.sections if found else None) == sections


def test_heading_on_two_lines_and_compound_heading_shared_by_content() -> None:
    text = "\n".join(
        [
            "Nora Vidal",
            "nora.vidal@example.org",
            "",
            "EXPÉRIENCES",
            "PROFESSIONNELLES",
            "Caissière — Marché Bleu\t2021 – 2023",
            "• Tenue de caisse",
            "",
            "LANGUES ET COMPÉTENCES",
            "Anglais : courant (C1)",
            "Espagnol : notions",
            "Excel, Canva",
            "Travail en équipe",
        ]
    )
    parsed = parse_cv_text(text)
    assert parsed.sections == ["experience", "languages"]
    content = parsed.content
    assert [e.company for e in content.experience] == ["Marché Bleu"]
    assert [x.name for x in content.languages] == ["Anglais", "Espagnol"]
    assert [s.name for s in content.skills] == ["Excel", "Canva", "Travail en équipe"]


def test_a_heading_wrapped_over_a_blank_line_is_one_heading() -> None:
    """A heading in a narrow text box: "EXPÉRIENCES", a blank line, "PROFESSIONNELLES"; the
    second word is not the first job's employer."""
    lines = ["Nora Vidal", "", "EXPÉRIENCES", "", "PROFESSIONNELLES", ""]
    lines += ["BRAKTON SARL,\tDepuis mars 2024", "Vendeuse en alternance", "- Tenue de caisse"]
    parsed = parse_cv_text("\n".join(lines))
    assert parsed.sections == ["experience"]
    jobs = [(e.title, e.company) for e in parsed.content.experience]
    assert jobs == [("Vendeuse en alternance", "BRAKTON SARL")]


def test_programming_languages_line_stays_in_skills() -> None:
    text = "Sam Ortega\n\nSKILLS\nLanguages: Python, Go, TypeScript\nTools: Docker, Git\n"
    content = parse_cv_text(text).content
    assert [s.name for s in content.skills] == ["Python", "Go", "TypeScript", "Docker", "Git"]
    assert content.languages == []


def test_languages_label_inside_skills_moves_to_languages() -> None:
    text = "Sam Ortega\n\nSKILLS\nLanguages: French (native); English (fluent)\nTech: Excel\n"
    content = parse_cv_text(text).content
    assert [(x.name, x.level) for x in content.languages] == [
        ("French", "native"),
        ("English", "fluent"),
    ]
    assert [s.name for s in content.skills] == ["Excel"]


def test_unknown_heading_is_kept_apart_not_merged_into_the_previous_section() -> None:
    text = "\n".join(
        [
            "Lina Moreau",
            "",
            "EXPÉRIENCE",
            "",
            "Vendeuse — Boutique Azur\t2020 – 2022",
            "",
            "FORMATION",
            "",
            "BTS Commerce — Lycée du Port\t2018 – 2020",
            "",
            "MON UNIVERS",
            "",
            "Photographie argentique et randonnée",
            "",
            "COMPÉTENCES",
            "",
            "Vente, Accueil",
        ]
    )
    parsed = parse_cv_text(text)
    assert parsed.unknown_sections == [("MON UNIVERS", ["Photographie argentique et randonnée"])]
    assert [s.name for s in parsed.content.skills] == ["Vente", "Accueil"]
    assert len(parsed.content.education) == 1


def test_a_short_list_under_an_unknown_heading_after_skills_is_a_skills_group() -> None:
    text = (
        "Lina Moreau\n\nEXPERIENCE\n\nClerk — Bureau Nord\t2020 – 2022\n\n"
        "EDUCATION\n\nBA History — Univ. of Elm\t2017 – 2020\n\n"
        "SKILLS\n\nExcel\n\nCLOUD & OPS\n\nDocker\nAnsible\n"
    )
    parsed = parse_cv_text(text)
    assert [s.name for s in parsed.content.skills] == ["Excel", "Docker", "Ansible"]
    assert parsed.unknown_sections == []


def test_proficiency_words_become_levels_and_leave_a_hobbies_list() -> None:
    text = "Lina Moreau\n\nLoisirs\n● Cinéma\n● Maîtrise Docker\n● Notions de Go\n"
    content = parse_cv_text(text).content
    assert [(s.name, s.level) for s in content.skills] == [
        ("Docker", "Maîtrise"),
        ("Go", "Notions de"),
    ]
    assert content.extras.interests == ["Cinéma"]


def test_languages_in_prose_and_levels_on_their_own_line() -> None:
    assert languages_in_text("Native in French; Fluent in English; Basic in Spanish and Dutch") == [
        ("French", "Native"),
        ("English", "Fluent"),
        ("Spanish", "Basic"),
        ("Dutch", "Basic"),
    ]
    assert languages_in_text("Very good English. Excellent Arabic") == [
        ("English", "Very good"),
        ("Arabic", "Excellent"),
    ]
    assert languages_in_text("Python, Go") is None
    found = parse_languages(["Anglais", "Avancé C1", "Wolof : natif", "Aug 2022 Full-time"])
    assert [(x.name, x.level) for x in found] == [("Anglais", "Avancé C1"), ("Wolof", "natif")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("MARIE\nDURAND-LEROY\nmarie.durandleroy@example.org\n", "MARIE DURAND-LEROY"),
        ("Acheteuse\nJeanne PETIT\njp@example.org\n", "Jeanne PETIT"),
        ("Paul Girard\t+33 6 12 34 56 78\npaul@example.org\n", "Paul Girard"),
        ("PERSONAL INFORMATION Tom Baker\ntom.b@example.org\n", "Tom Baker"),
        ("Hugo BLANC 24 ans\nÉtudiant ingénieur\n", "Hugo BLANC"),
        (
            "EXPERIENCE\nVendeur — Maison Lune\t2019 – 2021\n\nCLARA NOVAK\n"
            "clara.novak@example.org\n",
            "CLARA NOVAK",
        ),
    ],
)
def test_name_wherever_the_layout_puts_it(text: str, name: str) -> None:
    assert parse_cv_text(text).content.header.name == name


def test_phone_in_a_sidebar_far_from_the_header() -> None:
    text = "Ines Roy\n\nPROFIL\nCurieuse et rigoureuse.\n\nCONTACT\nParis\n\n07 12 34 56 78\n"
    assert parse_cv_text(text).content.header.contact.phone == "07 12 34 56 78"


def test_entries_read_across_two_columns_go_back_to_their_section() -> None:
    text = "\n".join(
        [
            "Rémi Caron",
            "remi.caron@example.org",
            "",
            "EXPÉRIENCES",
            "",
            "COMPÉTENCES",
            "",
            "Technicien réseau (CDI)",
            "",
            "Langages",
            "",
            "ORBITEL - LYON – Depuis Mars 2021",
            "",
            "Administrateur systèmes (Stage - 6 mois)",
            "NEXALIS - GRENOBLE - De Avril 2019 à Septembre 2019",
            "",
            "Maîtrise Python",
            "Notions Go",
        ]
    )
    content = parse_cv_text(text).content
    assert len(content.experience) == 2
    assert {s.name for s in content.skills} >= {"Python", "Go"}


def test_a_dated_skill_alone_stays_a_skill() -> None:
    text = (
        "Rémi Caron\n\nEXPERIENCE\nTechnician — Orbitel\t2019 – 2021\nTechnician — Nexalis\t"
        "2017 – 2019\n\nSKILLS\nPython (2018 – 2023)\nGit\n"
    )
    content = parse_cv_text(text).content
    assert len(content.experience) == 2
    assert [s.name for s in content.skills][-1] == "Git"
    assert len(content.skills) == 2


def test_headings_side_by_side_share_the_lines_below_them() -> None:
    text = "Ada Brun\nada.brun@example.org\n\nLANGUAGES\nINTERESTS\n\nArabic\nEnglish\nChess\n"
    content = parse_cv_text(text).content
    assert [x.name for x in content.languages] == ["Arabic", "English"]
    assert content.extras.interests == ["Chess"]


def test_skill_items_read_into_a_languages_list_go_to_skills() -> None:
    text = "Ada Brun\n\nLANGUAGES\nItalian\nEnglish\n\nLaravel\nVue, Nuxt\n"
    content = parse_cv_text(text).content
    assert [x.name for x in content.languages] == ["Italian", "English"]
    assert [s.name for s in content.skills] == ["Laravel", "Vue", "Nuxt"]


def test_current_title_is_a_headline_not_a_goal_or_a_place() -> None:
    text = "Jean Morel\nRecherche un stage de 6 mois\nLyon, France\nTechnicien de maintenance\n"
    assert parse_cv_text(text).content.header.current_title == "Technicien de maintenance"


def test_skills_named_by_a_label_before_a_description_or_a_level() -> None:
    skills, _ = parse_skills(
        [
            "Python: analyse de données, algorithmes de recherche opérationnelle et visualisation",
            "Excel et VBA: automatisation des rapports mensuels pour la direction financière",
            "VHDL: Basic level",
            "IT skills: Office (advanced in Excel), Figma",
        ]
    )
    assert [(s.name, s.level) for s in skills] == [
        ("Python", ""),
        ("Excel", ""),
        ("VBA", ""),
        ("VHDL", "Basic level"),
        ("Office", "advanced in Excel"),
        ("Figma", ""),
    ]


def test_items_that_cannot_be_skills_are_listed_as_unplaced() -> None:
    text = (
        "Ada Brun\n\nSKILLS\nPython, C, R\n2021 - 2023\n"
        "and then the whole team moved to the new platform\nOffice (Word, Excel, Outlook, Teams)\n"
    )
    parsed = parse_cv_text(text)
    assert [s.name for s in parsed.content.skills][:3] == ["Python", "C", "R"]
    assert parsed.content.skills[3].name.startswith("Office")
    assert parsed.unplaced == ["2021 - 2023", "and then the whole team moved to the new platform"]


@pytest.mark.parametrize(
    "phone",
    [
        "06 12 34 56 78",
        "+33 (0)6 12 34 56 78",
        "06.12.34.56.78",
        "(+33) 6 12 34 56 78",
        "+44 20 7946 0958",
        "+1 (415) 555-0123",
    ],
)
def test_phone_formats(phone: str) -> None:
    text = f"Ada Brun\nTél : {phone} | ada.brun@example.org\n"
    assert parse_cv_text(text).content.header.contact.phone == phone


def test_a_label_over_a_jobs_bullets_stays_in_the_job() -> None:
    text = (
        "Ada Brun\n\nEXPÉRIENCE\nTechnicienne — Orbitel\t2019 – 2021\nRéalisations :\n"
        "• Migration du parc\n• Support niveau 2\n\nFORMATION\nBTS SIO — Lycée Nord\t2017 – 2019\n"
    )
    parsed = parse_cv_text(text)
    assert parsed.sections == ["experience", "education"]
    assert parsed.content.experience[0].bullets == ["Migration du parc", "Support niveau 2"]


def test_languages_on_one_line_with_middle_dots() -> None:
    found = parse_languages(["English (Native) · Polish (Conversational)"])
    assert [(x.name, x.level) for x in found] == [
        ("English", "Native"),
        ("Polish", "Conversational"),
    ]


def test_one_skill_per_line_in_capitals_is_not_an_unknown_heading() -> None:
    text = (
        "Ann Lee\n\nEXPERIENCE\n\nClerk — Bureau Nord\t2019 – 2021\n\nEDUCATION\n\n"
        "BA History — Univ. of Elm\t2015 – 2019\n\nSKILLS\n\nIFRS\n\nExcel\n\nSAP\n\nWord\n"
    )
    parsed = parse_cv_text(text)
    assert [s.name for s in parsed.content.skills] == ["IFRS", "Excel", "SAP", "Word"]
    assert parsed.unknown_sections == []


def test_skills_written_only_inside_entries_are_the_cvs_skills() -> None:
    text = (
        "Ann Lee\n\nEDUCATION\nMSc Robotics — Univ. of Elm\t2020 – 2022\n"
        "● Tools used : ROS, Python, Git\n"
    )
    content = parse_cv_text(text).content
    assert [s.name for s in content.skills] == ["ROS", "Python", "Git"]


def test_sections_under_headings_no_list_holds_keep_their_entries() -> None:
    """The degree under "Diplômes obtenus" was lost, read as part of the skills above it."""
    for experience, education in (
        ("Expérience professionnelle", "Diplômes obtenus"),
        ("Work Experience", "Educational Background"),
        ("Emplois occupés", "Formations suivies"),
    ):
        text = (
            "Marie Dupont\nServeuse\nmarie@mail.fr\n\nCompétences\nService en salle\n\n"
            f"{experience}\nServeuse – Brasserie du Port, Lyon\n2019 – 2022\n- Service en salle\n"
            f"\n{education}\nCAP Cuisine – Lycée hôtelier de Lyon\n2016\n"
        )
        content = parse_cv_text(text).content
        assert [(e.title, e.company) for e in content.experience] == [
            ("Serveuse", "Brasserie du Port")
        ]
        assert [(e.degree, e.institution) for e in content.education] == [
            ("CAP Cuisine", "Lycée hôtelier de Lyon")
        ]
