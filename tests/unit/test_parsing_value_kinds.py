"""Contact details and personal facts by their shape (fields/value_kinds.py), and the skills
list that keeps none of them (sections/section_skills.py). Invented people and places."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.value_kinds import is_bare_label, is_licence, value_kind
from app.lib.parsing.sections.section_skills import parse_skills


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("jeanne.morel@example.org", "email"),
        ("https://example.org/jmorel", "link"),
        ("github.com/jmorel", "link"),
        ("GitHub: @jmorel", "link"),
        ("06 12 34 56 78", "phone"),
        ("+44 7700 900123", "phone"),
        ("(512) 555-0147", "phone"),
        ("14 rue des Tilleuls", "address"),
        ("8 Résidence les Ormes", "address"),
        ("42 Maple Street", "address"),
        ("38000 Grenoble", "address"),
        ("Springfield, IL 62704", "address"),
        ("33 ans", "age"),
        ("Age 41", "age"),
        ("Âge : 27 ans", "age"),
        ("29 years old", "age"),
        ("Née le 3 mars 1990", "birth"),
        ("Date of birth: 04/11/1988", "birth"),
        ("Nationalité française", "nationality"),
        ("Nationality: Canadian", "nationality"),
        ("Célibataire, 2 enfants", "marital"),
        ("Mariée", "marital"),
        ("Marital status: married", "marital"),
        ("Références sur demande", "references"),
        ("REFERENCES available upon request", "references"),
        ("Page 2/3", "footer"),
        ("© 2024 Tous droits réservés", "footer"),
        ("Born 1987", "birth"),
        ("Né en 1992", "birth"),
        ("Irish citizen", "nationality"),
        ("Citoyenne canadienne", "nationality"),
        ("Single", "marital"),
        ("Married, three children", "marital"),
        ("Sexe : M", "body"),
        ("Gender: Male", "body"),
        ("Female", "body"),
        ("Taille : 1m72", "body"),
        ("Height: 5'9\"", "body"),
        ("Poids : 64 kg", "body"),
        ("Non-fumeuse", "body"),
        ("Non smoker", "body"),
        ("Française", "nationality"),
        ("Franco-marocaine", "nationality"),
        ("Ghanaian", "nationality"),
        ("DOB 12/03/1991", "birth"),
        ("She/Her", "body"),
        ("Eligible to work in the UK", "nationality"),
        ("US work authorization", "nationality"),
        ("Titre de séjour valide", "nationality"),
        ("Prétentions salariales : 28 k€", "terms"),
        ("Expected salary: $45,000", "terms"),
        ("Disponible immédiatement", "terms"),
        ("Available immediately", "terms"),
        ("Chemin des Vignes", "address"),
        ("rue du Port", "address"),
        ("Bâtiment B, Appt 12", "address"),
        ("PO Box 123", "address"),
        ("Leeds LS9 7TF", "address"),
        ("Toronto, ON M5V 2T6", "address"),
        ("07700 900123", "phone"),
        ("Né(e) le 01/01/1990", "birth"),
        ("Born: 1990", "birth"),
        ("28 y.o.", "age"),
    ],
)
def test_contact_and_personal_shapes(value: str, kind: str) -> None:
    assert value_kind(value) == kind


@pytest.mark.parametrize(
    "value",
    [
        "ASP.NET", "Node.js", "Riemann.io", "C++", "C / C++", "Marie Curie", "Python 3",
        "30 ans d'expérience en logistique", "Single Page Applications", "ISO 9001",
        "HACCP", "Excel (tableaux croisés)", "Gestion de stock", "CACES 1, 3 et 5",
        "Single-cell sequencing", "Gender equality training", "Taille de haies",
        "Citizen science", "Femme de chambre", "Mobile development", "Born to Run",
        "Française des Jeux", "Indian cuisine", "American English",
        "Salary negotiation", "Availability management", "Work permits processing",
        "Helen/Hera", "Chemin de fer", "Unit test", "Windows 10", "SQL Server 2019",
    ],
)  # fmt: skip
def test_skills_and_prose_are_no_contact_or_personal_fact(value: str) -> None:
    assert value_kind(value) is None


def test_licence_lines() -> None:
    assert is_licence("Permis B, véhiculée")
    assert is_licence("Full UK driving licence")
    assert not is_licence("Licence professionnelle logistique")
    assert is_licence("Own car")


@pytest.mark.parametrize("value", ["Mobile", "Tél. :", "E-mail:", "Adresse", "Curriculum Vitae"])
def test_a_contact_label_alone_is_a_bare_label(value: str) -> None:
    assert is_bare_label(value)


@pytest.mark.parametrize("value", ["Mobile development", "Email marketing", "Contact center"])
def test_a_skill_naming_a_label_word_is_no_bare_label(value: str) -> None:
    assert not is_bare_label(value)


def test_skills_keep_no_contact_personal_fact_sentence_or_cut_piece() -> None:
    dropped: list[str] = []
    skills, _ = parse_skills(
        [
            "Gestion des stocks, Caisse, Merchandising",
            "jeanne.morel@example.org",
            "33 ans, Nationalité française",
            "Références sur demande",
            "Je suis une personne motivée et rigoureuse.",
            "Planning and scheduling of deliveries for the",
            "HACCP, Excel",
        ],
        dropped,
    )
    assert [s.name for s in skills] == ["Gestion des stocks", "Caisse", "Merchandising", "HACCP",
                                        "Excel"]  # fmt: skip
    assert "jeanne.morel@example.org" in dropped
    assert "33 ans" in dropped
    assert "Nationalité française" in dropped
    assert "Références sur demande" in dropped


def test_a_bracket_and_a_slash_list_wrapped_over_lines_stay_whole() -> None:
    skills, _ = parse_skills(
        [
            "Microsoft Office (Word, Excel,",
            "PowerPoint)",
            "AutoCAD / Revit / SketchUp /",
            "Navisworks / BIM 360",
        ]
    )
    assert [s.name for s in skills] == [
        "Microsoft Office (Word, Excel, PowerPoint)",
        "AutoCAD",
        "Revit",
        "SketchUp",
        "Navisworks",
        "BIM 360",
    ]


def test_a_contact_line_under_its_label_leaves_no_label_as_a_skill() -> None:
    """ "Mobile : 06 …" in a sidebar's skills: its label was kept as a skill, "Mobile"."""
    dropped: list[str] = []
    skills, _ = parse_skills(["Python", "Mobile : 06 12 34 56 78", "Excel"], dropped)
    assert [s.name for s in skills] == ["Python", "Excel"]
    assert "Mobile : 06 12 34 56 78" in dropped


def test_the_candidates_own_name_read_into_the_skills_is_no_skill() -> None:
    text = (
        "Jeanne Morel\njeanne.morel@example.org\n\nSkills\n• Python\n• Jeanne Morel\n"
        "• Teamwork\n\nExperience\nServer, Blue Cafe\n2019 - 2021\n- Served tables\n"
    )
    read = parse_cv_text(text)
    assert [s.name for s in read.content.skills] == ["Python", "Teamwork"]
    assert "Jeanne Morel" in read.unplaced


@pytest.mark.parametrize(
    "value", ["(@example.org)", "@example.org", "jeanne.morel @example.org", "Mail : @free.fr"]
)
def test_an_e_mail_s_domain_cut_from_its_name_is_still_an_e_mail(value: str) -> None:
    assert value_kind(value) == "email"


@pytest.mark.parametrize("value", ["@jdupont", "Barista @ Costa. Made coffee", "Sales @Acme"])
def test_an_at_sign_without_a_domain_is_no_e_mail(value: str) -> None:
    assert value_kind(value) != "email"


def test_a_broken_e_mail_leaves_neither_the_profile_nor_the_skills() -> None:
    text = "\n".join(
        [
            "Jeanne Morel",
            "Aide-soignante",
            "06 12 34 56 78",
            "",
            "PROFIL",
            "Aide-soignante attentive, cinq ans en EHPAD.",
            "jeanne.morel @example.org",
            "",
            "COMPÉTENCES",
            "Soins d'hygiène, Transmissions, (@example.org), Bientraitance",
            "",
            "EXPÉRIENCE",
            "2019 - 2023 Aide-soignante, EHPAD Les Tilleuls",
        ]
    )
    content = parse_cv_text(text).content
    assert content.summary == "Aide-soignante attentive, cinq ans en EHPAD."
    assert [s.name for s in content.skills] == ["Soins d'hygiène", "Transmissions", "Bientraitance"]
    assert content.header.contact.email == "jeanne.morel@example.org"


@pytest.mark.parametrize(
    "value", ["(@atelier.lune)", "@studio_lune", "(@jeanne.morel.photographies)", "atelier-lune.fr",
              "jdoe.github.io/blog", "studio.example.co.uk"]
)  # fmt: skip
def test_a_handle_or_a_host_written_alone_is_contact_data(value: str) -> None:
    # A dotted handle reads as an e-mail's domain too ("@atelier.lune"): contact data either way.
    assert value_kind(value) in {"link", "email"}


@pytest.mark.parametrize(
    "value", ["@RISK", "Socket.io", "Node.js", "Vue.js", "ASP.NET", "Salesforce.com", "d3.js"]
)
def test_a_tool_named_like_a_handle_or_a_host_stays(value: str) -> None:
    assert value_kind(value) is None


@pytest.mark.parametrize(
    "value", ["REFERENCES AND TESTIMONIALS", "Références et recommandations", "Referees: J. Morel"]
)
def test_a_line_opening_on_the_references_heading_names_the_references(value: str) -> None:
    assert value_kind(value) == "references"


@pytest.mark.parametrize("value", ["Référencement naturel", "Référent qualité", "Referee (rugby)"])
def test_a_word_near_the_references_heading_stays(value: str) -> None:
    assert value_kind(value) is None
