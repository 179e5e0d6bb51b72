"""Cues for and against the header's candidates (app/lib/parsing/offers/): an employer named
between commas or by its kind before it hires, a bilingual label, a field the ad labels itself
taken without a question, a title's dash part yielding to the name the ad's own words give.
Synthetic ads only."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text, read_header
from app.lib.parsing.offers.offer_labels import label_of

PROFILE_FR = "\nProfil recherché\n- Permis B exigé.\n- Une expérience en HACCP est exigée.\n"
PROFILE_EN = "\nRequirements\n- Experience in patient care is required.\n"


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("BRIVENTA, entreprise de propreté, recrute un agent.", "BRIVENTA"),
        ("Votre agence Talmora recherche pour son client un agent.", "Talmora"),
        ("Le cabinet Norvel Conseil recherche pour son client un agent.", "Norvel Conseil"),
    ],
)  # fmt: skip
def test_an_employer_named_by_its_kind_or_between_commas_before_it_hires(
    sentence: str, company: str
) -> None:
    ad = f"Agent de propreté H/F\nRennes\n\n{sentence}\n{PROFILE_FR}"
    assert parse_offer_text(ad).company == company


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("Poste / Position : Serveur / Waiter", ("title", "Serveur")),
        ("Poste / Position : Vendeur / Vendeuse en boulangerie",
         ("title", "Vendeur / Vendeuse en boulangerie")),
        ("Entreprise / Company : Hôtel des Quais", ("company", "Hôtel des Quais")),
        ("Lieu / Location : Tours", ("location", "Tours")),
        ("Poste / Salaire : 2000", None),
    ],
)  # fmt: skip
def test_a_bilingual_label_names_its_field_in_each_language(
    line: str, field: tuple[str, str] | None
) -> None:
    assert label_of(line) == field


def test_a_company_the_ad_labels_itself_is_not_doubted() -> None:
    ad = f"Warehouse Operative\nLocation: Leeds\nCompany: Halvern Distribution Ltd\n{PROFILE_EN}"
    header = read_header(ad)
    assert header.company == "Halvern Distribution Ltd"
    assert "company" not in header.doubts


def test_a_dash_part_alone_yields_to_the_name_the_ads_words_give() -> None:
    ad = (
        "Care Assistant – Nights\nRef: CA-2291\nLocation: Norwich\n\nAbout us\n"
        f"Oakhill House is a 40-bed care home.\n{PROFILE_EN}"
    )
    header = read_header(ad)
    assert header.company == "Oakhill House"
    assert "company" in header.doubts
    assert "Nights" in header.candidates["company"]


@pytest.mark.parametrize(
    ("section", "company"),
    [
        ("Company Description\nFounded in 1982, Pellmark Outfitters operates 40 stores.",
         "Pellmark Outfitters"),
        ("Qui sommes-nous ?\nDepuis 1995, la Brasserie des Terreaux accueille ses clients.",
         "Brasserie des Terreaux"),
        ("Description de l'entreprise\nL'association Ty Coz Services intervient à domicile.",
         "Ty Coz Services"),
        ("Our company\nDesert Spring Water delivers bottled water to homes.",
         "Desert Spring Water"),
    ],
)  # fmt: skip
def test_a_company_section_names_its_employer_as_the_subject_of_its_verb(
    section: str, company: str
) -> None:
    ad = f"Delivery Driver\nPhoenix, AZ\n\n{section}\n{PROFILE_EN}"
    assert parse_offer_text(ad).company == company


def test_an_employer_strengthening_its_team_hires() -> None:
    ad = (
        "Préparateur de commandes H/F\nOrléans\n\nLeader de la distribution de pièces, "
        f"AUTODISTRIB CENTRE renforce ses équipes à Orléans.\n{PROFILE_FR}"
    )
    assert parse_offer_text(ad).company == "AUTODISTRIB CENTRE"


def test_a_job_word_inside_the_employers_name_is_not_a_shorter_name() -> None:
    ad = f"Dental Receptionist\nLeeds\n\nSmile Street Dental is a busy practice.\n{PROFILE_EN}"
    assert parse_offer_text(ad).company == "Smile Street Dental"


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("Join the Silver Pines Lodge team! We are looking for a housekeeper.",
         "Silver Pines Lodge"),
        ("Intégrez l'équipe du Garage Morvan, spécialiste du poids lourd.", "Garage Morvan"),
        ("We're Tidewater Coffee, a neighborhood coffee shop.", "Tidewater Coffee"),
    ],
)  # fmt: skip
def test_an_ad_inviting_to_join_its_team_or_saying_who_it_is_names_its_employer(
    sentence: str, company: str
) -> None:
    ad = f"Housekeeper\nAspen, CO\n\n{sentence}\n{PROFILE_EN}"
    assert parse_offer_text(ad).company == company


def test_a_town_and_its_state_code_under_the_title_is_no_company() -> None:
    ad = f"Housekeeper\nFull-time\nAspen, CO\n\nWe need help this winter.\n{PROFILE_EN}"
    assert parse_offer_text(ad).company != "Aspen, CO"


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("L'ADMR de Rennes recrute un aide-soignant.", "ADMR de Rennes"),
        ("Le Centre Hospitalier Bretagne Atlantique recrute un infirmier.",
         "Centre Hospitalier Bretagne Atlantique"),
    ],
)  # fmt: skip
def test_an_employer_after_its_article_hires(sentence: str, company: str) -> None:
    ad = f"Infirmier H/F\nVannes\n\n{sentence}\n{PROFILE_FR}"
    assert parse_offer_text(ad).company == company


@pytest.mark.parametrize(
    ("signature", "company"),
    [("L'équipe Kervalis", "Kervalis"), ("The Rosewood Bistro Team", "Rosewood Bistro")],
)
def test_a_teams_signature_names_the_employer_and_is_no_requirement(
    signature: str, company: str
) -> None:
    ad = f"Line Cook\nPortland, OR\n\nWe need a cook.\n{PROFILE_EN}\nThanks,\n{signature}\n"
    header = read_header(ad)
    assert header.company == company
    assert "company" in header.doubts  # one cue alone
    fields = parse_offer_text(ad)
    assert not any(company in r or r.startswith("Thanks") for r in fields.requirements)


@pytest.mark.parametrize("line", ["Ability to work in a team", "Esprit d'équipe exigé"])
def test_a_requirement_about_teamwork_is_no_signature(line: str) -> None:
    ad = f"Line Cook\nPortland, OR\n\nWe need a cook.\n\nRequirements\n- {line}\n"
    assert parse_offer_text(ad).company == ""
