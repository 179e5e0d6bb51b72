"""Where no source names the employer with a cue that backs it, the weakest readings fill the
company, doubted (app/lib/parsing/offers/offer_company._last_resort): the title line's part
written as a proper name, else the name the ad's e-mail or web domain spells. Synthetic ads."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text, read_header
from app.lib.parsing.offers.offer_evidence import domain_name

BODY = (
    "\nAs a member of the platform team, you will own our job runners.\n"
    "Requirements\n- Five years of Kotlin\n- Experience with AWS\n"
)
BODY_FR = (
    "\nNous recherchons un(e) aide-soignant(e) pour notre équipe.\n"
    "Profil\n- Diplôme d'aide-soignant\n- Travail de nuit\n"
)


def test_the_title_lines_name_part_when_nothing_else_names_one() -> None:
    text = "Senior Software Engineer, Worker Platform - Quarry Lane\n" + BODY
    header = read_header(text)
    assert (header.title, header.company) == (
        "Senior Software Engineer, Worker Platform",
        "Quarry Lane",
    )
    assert "company" in header.doubts


@pytest.mark.parametrize(
    "line", ["Developer - Java", "Nurse - Remote", "Cashier - CDI", "Nurse - Leeds"]
)
def test_a_title_lines_part_that_is_no_name_stays_out(line: str) -> None:
    assert parse_offer_text(line + "\n" + BODY).company == ""


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Envoyez votre CV à recrutement@clinique-des-lilas.fr", "Clinique des Lilas"),
        ("Apply at www.harbour-view-care.co.uk/careers", "Harbour View Care"),
        ("Send your CV to jobs@quarrylane.com", "Quarrylane"),
        ("Candidatures : jean.martin@gmail.com", ""),  # a mail provider names nobody
        ("Postulez sur www.indeed.fr ou www.linkedin.com", ""),  # boards name nobody
        ("RANDSTAD ind.tert.transp. infor.", ""),  # abbreviations, not a host
    ],
)
def test_domain_name(text: str, name: str) -> None:
    assert domain_name(text) == name


def test_the_domains_name_when_the_ad_writes_no_name() -> None:
    text = "Aide-soignant (H/F)\nNantes\n" + BODY_FR + "Candidatures : rh@clinique-des-lilas.fr\n"
    header = read_header(text)
    assert header.company == "Clinique des Lilas"
    assert "company" in header.doubts


def test_an_ad_naming_no_employer_stays_empty() -> None:
    text = "Aide-soignant (H/F)\nNantes\n" + BODY_FR + "Candidatures : marie.dupont@gmail.com\n"
    assert parse_offer_text(text).company == ""
