"""The company an ad's header gives, read through the listing facts a comma or a dash glues to
it: an area named around a town is a place ("Secteur de Vannes"), a season with its year is a
date ("Saison 2026"), a place after a comma is no part of the name ("Brasserie du Port,
Saint-Malo"), and a signature names its company after a team ("The Recruitment Team, X Ltd")."""

from __future__ import annotations

from app.lib.parsing.offer_parser import parse_offer_text, read_header
from app.lib.parsing.offers.offer_header import is_place

HOME_CARE = """Aide à domicile (H/F)
CDI – temps partiel – Secteur de Vannes

Vos missions :
- Accompagner les personnes âgées dans les actes de la vie quotidienne
- Entretien du logement, préparation des repas

Profil :
- Permis B et véhicule indispensables
"""

SEASON = """Serveur / Serveuse – Brasserie du Port, Saint-Malo
Saison 2026, temps plein

Nous recherchons un serveur expérimenté pour la saison.
Missions : service en salle, encaissement, mise en place.
Profil : 1 an d'expérience en restauration, anglais apprécié.
"""

SIGNED = """We are hiring: Warehouse Team Lead
Location: Leeds
Responsibilities
- Lead a team of 12 pickers
- Plan shifts
Requirements
- 3 years leading a warehouse team
Kind regards,
The Recruitment Team, Northgate Foods Ltd
"""


def test_an_area_named_around_a_town_is_a_place_not_a_company() -> None:
    assert is_place("Secteur de Vannes") and is_place("Région de Lyon")
    assert is_place("Greater Leeds Area") and is_place("Nantes et environs")
    assert not is_place("Secteur Public Conseil") and not is_place("Zone Industrielle Systems")
    assert parse_offer_text(HOME_CARE).company == ""  # the ad names no employer: asked


def test_a_season_and_a_place_glued_by_commas_are_listing_facts() -> None:
    fields = parse_offer_text(SEASON)
    assert fields.company == "Brasserie du Port"
    assert fields.title == "Serveur / Serveuse"


def test_a_signature_names_its_company_after_the_team() -> None:
    assert parse_offer_text(SIGNED).company == "Northgate Foods Ltd"


EMPLOYER_FIRST = """{line}
Nantes

Nous recrutons pour renforcer notre équipe.
Missions :
- Accueillir les clients et conseiller sur les produits
Profil :
- Une première expérience en boutique
"""


def test_a_title_line_giving_the_employer_first_is_read_that_way() -> None:
    for line, title, company in (
        ("Boulangerie Trevelvik | Vendeur (H/F)", "Vendeur", "Boulangerie Trevelvik"),
        ("Meadowbrook Care - Senior Carer", "Senior Carer", "Meadowbrook Care"),
        ("Chef de rang - Brasserie Velcour", "Chef de rang", "Brasserie Velcour"),
    ):
        fields = parse_offer_text(EMPLOYER_FIRST.format(line=line))
        assert (fields.title, fields.company) == (title, company)


def test_a_dash_part_nothing_backs_over_a_place_is_asked() -> None:
    # "Infirmier - Bloc Opératoire" over "Nantes": a board's listing block or the job's
    # specialty; the ad never names the part again, so the offer page asks.
    header = read_header(EMPLOYER_FIRST.format(line="Infirmier - Bloc Opératoire"))
    assert "company" in header.doubts
    backed = read_header(
        EMPLOYER_FIRST.format(line="Infirmier - Clinique Velcour")
        + "La Clinique Velcour accueille 200 patients.\n"
    )
    assert backed.company == "Clinique Velcour" and "company" not in backed.doubts
