"""What job boards and careers pages write around a title on its line (app/lib/parsing/offers/
offer_header.py): a contract in brackets, the pay, the site's own word, a town with its
department, "job in <place>", "en CDI", a call before it ("Now hiring", "Emploi", "Fiche de
poste :") — none of it is the title nor the company; a town with its state code is no
reference. Synthetic ads only."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text, read_header
from app.lib.parsing.offers.offer_header import title_from_line

BODY = "\n\nVos missions\n- Préparer les plats.\n\nProfil recherché\n- CAP cuisine exigé.\n"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("[CDI] Cuisinier H/F", "Cuisinier"),
        ("Cuisinier - 13 €/h", "Cuisinier"),
        ("Line Cook - $18-$20/hr", "Line Cook"),
        ("Cuisinier H/F en CDI à Lyon", "Cuisinier"),
        ("Line Cook job in Boise, ID", "Line Cook"),
        ("Emploi Cuisinier H/F - Lyon 69", "Cuisinier"),
        ("Fiche de poste : Cuisinier", "Cuisinier"),
        ("Nous recherchons un(e) Cuisinier", "Cuisinier"),
        ("Now hiring Line Cooks!", "Line Cooks"),
        ("Hiring Manager", "Hiring Manager"),
        ("Urgent Care Nurse", "Urgent Care Nurse"),
    ],
)  # fmt: skip
def test_a_boards_wording_around_the_title_is_no_part_of_it(line: str, title: str) -> None:
    assert title_from_line(line) == title


@pytest.mark.parametrize(
    "line", ["Cuisinier | Brasserie Morel | Carrières", "Chef de cuisine F/H - Saison 2026"]
)
def test_a_sites_word_or_a_season_in_the_title_line_is_no_company(line: str) -> None:
    assert parse_offer_text(line + BODY).company in ("", "Brasserie Morel")


def test_a_town_with_its_state_code_under_the_title_is_not_taken_for_it() -> None:
    ad = "Line Cook\nThe Red Barn Grill\nBoise, ID 83702\n$18 - $20 an hour" + BODY
    assert parse_offer_text(ad).title == "Line Cook"


def test_a_sentence_naming_the_contract_under_the_title_is_not_the_title() -> None:
    ad = (
        "Auxiliaire de vie H/F\n44 - NANTES - Localiser avec Mappy\n"
        "Publié le 12 novembre 2025 - offre n° 198TQXW\n\n"
        "Vous interviendrez au domicile de personnes âgées. Poste en CDI à temps partiel." + BODY
    )
    assert parse_offer_text(ad).title == "Auxiliaire de vie"


@pytest.mark.parametrize(
    ("top", "title"),
    [
        ("About the job\nHarwick Foods is looking for a Maintenance Electrician to join us.",
         "Maintenance Electrician"),
        ("Description du poste\nNous recherchons un(e) Vendeur(se) en prêt-à-porter pour Lyon.",
         "Vendeur en prêt-à-porter"),
        ("Job description\nWe are seeking a dedicated Care Assistant to join our team.",
         "Care Assistant"),
        ("Talendo\n44 - Dijon\n\nNous recherchons un électricien du bâtiment pour Dijon.",
         "Électricien du bâtiment"),
    ],
)  # fmt: skip
def test_a_description_without_its_title_line_names_the_job_in_its_hiring_sentence(
    top: str, title: str
) -> None:
    ad = top + BODY
    assert parse_offer_text(ad).title == title
    assert "title" in read_header(ad).doubts  # one sentence's word: the page asks


def test_a_place_line_is_never_the_title() -> None:
    assert parse_offer_text("44 - Dijon\nCuisinier\n" + BODY).title == "Cuisinier"


@pytest.mark.parametrize(
    "top",
    [
        "Jobzilo | L'emploi près de chez vous\nLe poste\n"
        "Notre entreprise recrute un Cuisinier H/F pour son site de Brest.",
        "VELTARO\nLe poste\nNotre entreprise recrute un Cuisinier H/F pour son site de Brest.\n"
        "Employeur\nVeltaro SARL",
    ],
)
def test_no_banner_nor_field_label_stands_for_a_missing_title_line(top: str) -> None:
    assert parse_offer_text(top + BODY).title == "Cuisinier"
