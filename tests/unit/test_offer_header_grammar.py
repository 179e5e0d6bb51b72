"""The header shapes of ads the reader had not seen (app/lib/parsing/offers/): a job board's
listing line split into title, company and place by what each part is; a department, team,
sector, page banner or place refused as company or title by its shape; the block under the
title read past its place and contract lines; a French board's "NN - Town" line; a company
whose name joins words with "for" or "of"; an ad that only lists the work still yields
requirements. Synthetic ads only."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text, read_header
from app.lib.parsing.offers.offer_guard import plausible_company
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.offers.sector_words import is_department

BODY = (
    "\nAs a member of the team you will build and run our services.\n"
    "Requirements\n- 3 years of experience with Python\n- Knowledge of PostgreSQL\n"
)


@pytest.mark.parametrize(
    ("line", "title", "company", "place"),
    [
        ("Platform Engineer - Norvale Systems - Bengaluru",
         "Platform Engineer", "Norvale Systems", "Bengaluru"),
        ("Backend Engineer - Toulouse, France - Quillstone",
         "Backend Engineer", "Quillstone", "Toulouse, France"),
        ("Ticketing Specialist (Contract) - Brivara - Nashville",
         "Ticketing Specialist", "Brivara", "Nashville"),
        ("Alternance - Chargé(e) de marketing - Nantes", "Chargé(e) de marketing", "", "Nantes"),
    ],
)  # fmt: skip
def test_a_listing_line_is_split_by_what_each_part_is(
    line: str, title: str, company: str, place: str
) -> None:
    fields = parse_offer_text(line + "\n" + BODY)
    assert (fields.title, fields.company, fields.location) == (title, company, place)


def test_a_proper_name_after_the_title_is_offered_not_chosen_when_nothing_else_backs_it() -> None:
    # Its place in the title line is one cue, which a job's specialty shares ("Infirmier - Bloc
    # Opératoire"): the company is left empty, the name offered and the field doubted.
    text = "Senior Software Engineer, Worker Platform - Tallow Peak\n" + BODY
    assert parse_offer_text(text).company == ""
    header = read_header(text)
    assert "company" in header.doubts and "Tallow Peak" in header.candidates["company"]
    # Repeated in the ad, or with a company's form, it is backed.
    assert parse_offer_text(text + "\nTallow Peak builds data tools.\n").company == "Tallow Peak"
    # A department or sector after the dash stays part of the title, never the company.
    fields = parse_offer_text("Développeur Java - Banque\n" + BODY)
    assert fields.company == "" and fields.title == "Développeur Java - Banque"


def test_a_place_after_the_titles_comma_is_the_location() -> None:
    fields = parse_offer_text("Operations Coordinator, Nashville\nBrivara\n" + BODY)
    assert (fields.title, fields.company, fields.location) == (
        "Operations Coordinator",
        "Brivara",
        "Nashville",
    )


@pytest.mark.parametrize(
    "value",
    ["Engineering", "Market Operations", "Management and Operations", "Spatial",
     "Human Resources", "South Carolina", "Key Duties and Responsibilities", "Ontario"],
)  # fmt: skip
def test_departments_sectors_places_and_headings_are_no_company(value: str) -> None:
    assert plausible_company(value) == ""


def test_real_names_pass_and_a_town_named_company_is_kept() -> None:
    assert plausible_company("Norvale Systems") == "Norvale Systems"
    assert plausible_company("Orange") == "Orange"  # a town too, but not a large one
    assert is_department("Market Operations") and not is_department("Market Pulse Labs")
    assert is_known_place("Bengaluru") and is_known_place("Munich")
    assert not is_known_place("Tallow Peak")


def test_the_block_under_the_title_is_read_past_its_place_and_department_lines() -> None:
    fields = parse_offer_text(
        "Data Collection Technician\nEngineering · Montréal, Quebec (Hybrid)\n"
        "Flarewick is a security company. Flarewick protects data.\n" + BODY
    )
    assert fields.company == "Flarewick"
    fields = parse_offer_text("Gestionnaire de stock\n34 - Saint-Aunès\nBRIVARA INTERIM\n" + BODY)
    assert (fields.company, fields.location) == ("BRIVARA INTERIM", "34 - Saint-Aunès")
    fields = parse_offer_text("Front Desk Clerk\nJob Title: Front Desk Agent\nStatus:\n" + BODY)
    assert fields.company != "Status"


def test_a_careers_page_banner_is_neither_title_nor_company() -> None:
    fields = parse_offer_text(
        "REJOINDRE BRIVARA FORMATION\nNOS OFFRES D'EMPLOIS\nTéléprospecteur (H/F)\n"
        "Type de contrat : CDI\nSaint-Denis\n"
        "Brivara Formation est une entreprise qui crée des formations.\n"
        "Profil\n- Aisance au téléphone\n- Maîtrise d'Excel\n"
    )
    assert fields.title == "Téléprospecteur"
    assert fields.company == "Brivara Formation"


def test_a_name_joined_by_a_small_word_is_one_name() -> None:
    fields = parse_offer_text(
        "Deputy Operations Director - South Carolina\n\nSouth Carolina\nFull Time\n"
        "Ada for Congress is looking for a Deputy Operations Director. Ada for Congress is run "
        "by a small team. Ada wants a fairer tax code; Ada listens.\n" + BODY
    )
    assert (fields.company, fields.location) == ("Ada for Congress", "South Carolina")


def test_an_ad_that_only_lists_the_work_still_has_requirements() -> None:
    missions = parse_offer_text(
        "Ticketing Specialist\n\nKey Responsibilities\n"
        "- Perform ticket issuance using Amadeus.\n- Handle refunds in Excel.\n"
        "- Keep the team informed.\n"
    )
    assert missions.requirements and all("Keep the team" not in r for r in missions.requirements)
    prose = parse_offer_text(
        "Lead Operations Coordinator\nCity of Brivara - Brivara, TX\n"
        "Under supervision, the coordinator supervises the crew and arranges the rooms. "
        "This includes event set-ups and the cleaning of the facility.\n"
    )
    assert len(prose.requirements) == 2
    assert not any("City of" in r for r in prose.requirements)
