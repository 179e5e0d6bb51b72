"""The header block read by its roles (fields/header_block.py, fields/header_name.py): the
headline as printed, wrapped or beside other cells, never a place, a label, a goal, a list of
qualities or a piece of the name; names with an initial, a nickname, a dash or glued words.
Invented people, trades far from software, French and English."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.header_cells import header_cells
from app.lib.parsing.fields.headline import headline_doubt
from app.lib.parsing.fields.headline_read import read_headline, title_shaped

JOBS_FR = ["", "EXPÉRIENCE", "Serveuse — Brasserie du Port", "2019 - 2023", "- Service en salle"]
JOBS_EN = ["", "EXPERIENCE", "Warehouse operative — Northgate Depot", "2018 - 2022", "- Picking"]


def _header(*lines: str, french: bool = True) -> tuple[str, str]:
    content = parse_cv_text("\n".join([*lines, *(JOBS_FR if french else JOBS_EN)])).content
    return content.header.name, content.header.current_title


@pytest.mark.parametrize(
    ("lines", "headline"),
    [
        # wrapped after a dangling word, across the blank lines a PDF left
        (["Odile Brunet", "Aide-soignante et", "", "auxiliaire de vie"],
         "Aide-soignante et auxiliaire de vie"),
        # the next line opens in lower case
        (["Lucas Perrin", "Élève infirmier en 2ème année", "institut de formation de Tours"],
         "Élève infirmier en 2ème année institut de formation de Tours"),
        # a one-word title finished on the next line
        (["Inès Garnier", "Électricienne", "Bâtiment et tertiaire"],
         "Électricienne Bâtiment et tertiaire"),
        # a dash left at the end of the line, the rest opening with "&"
        (["Hugo Marchand", "Chef d'équipe logistique (M2) –", "& Gestion des stocks"],
         "Chef d'équipe logistique (M2) – & Gestion des stocks"),
        # the name and the headline on one line
        (["CAMILLE ROUX | Chef de rang"], "Chef de rang"),
        # the headline in a cell beside the address
        (["Nadia Chenouf", "Adresse : Dijon, France\tConductrice de bus"], "Conductrice de bus"),
        # short numbers belong to a headline
        (["Julie Masson", "Étudiante en BTS MCO 2ème année"], "Étudiante en BTS MCO 2ème année"),
    ],
)  # fmt: skip
def test_french_headlines_are_read_whole(lines: list[str], headline: str) -> None:
    assert _header(*lines)[1] == headline


@pytest.mark.parametrize(
    ("lines", "headline"),
    [
        (["Grace Whitfield", "Warehouse Supervisor - 8+ years of", "experience"],
         "Warehouse Supervisor"),
        (["Tom Adeyemi", "Self-taught", "carpentry and joinery", "apprentice"],
         "Self-taught carpentry and joinery apprentice"),
        (["Priya K", "Cluster Store Manager - Hollis Retail Group"],
         "Cluster Store Manager - Hollis Retail Group"),
        (["Sam Okafor", "Phone: (555) 201-3344\tSheet Metal Worker"], "Sheet Metal Worker"),
    ],
)  # fmt: skip
def test_english_headlines_are_read_whole(lines: list[str], headline: str) -> None:
    assert _header(*lines, french=False)[1] == headline


@pytest.mark.parametrize(
    "lines",
    [
        ["Odile Brunet", "Rigueur – Écoute – Patience – Ponctualité – Autonomie"],
        ["Odile Brunet", "Adresse email", "odile.brunet@example.org"],
        ["Odile Brunet", "Stage de fin d'études – mars à août 2025"],
        ["Odile Brunet", "Née le 12 mars 1999"],
        ["OB\tOdile Brunet", "odile.brunet@example.org"],
        ["Odile Brunet", "12 rue des Tilleuls 21000 Dijon"],
    ],
)
def test_no_headline_is_made_of_other_roles(lines: list[str]) -> None:
    assert _header(*lines)[1] == ""


def test_a_copy_with_a_tab_between_words_keeps_its_lines_whole() -> None:
    cells = header_cells(["Rose\tLane", "", "42\tMill\tLane,\tLeeds,\tUK"])
    assert [cell.text for cell in cells] == ["Rose", "Lane", "42 Mill Lane, Leeds, UK"]


def test_a_headline_is_never_wrapped_into_the_contact_lines() -> None:
    cells = header_cells(["Maëlle Caron", "Fleuriste", "06 12 34 56 78"])
    assert read_headline(cells, "Maëlle Caron")[0] == "Fleuriste"


@pytest.mark.parametrize("title", ["Mobile", "Tél.", "Adresse e-mail", "Rue 2035 Nord"])
def test_what_has_no_title_shape(title: str) -> None:
    assert not title_shaped(title)


@pytest.mark.parametrize("title", ["Mobile Crane Operator", "Master 1 Droit des affaires"])
def test_titles_keep_their_shape(title: str) -> None:
    assert title_shaped(title)


@pytest.mark.parametrize("handle", ["OdileB", "OdileBrunet"])
def test_a_user_name_or_glued_name_is_no_headline(handle: str) -> None:
    assert headline_doubt(handle, "Odile Brunet") == "name"


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (["Priya K", "Cluster Store Manager"], "Priya K"),
        (["Robert “Bobby” Lang", "Roofer"], "Robert “Bobby” Lang"),
        (["INÈS MARTIN–ROUX", "Puéricultrice"], "INÈS MARTIN–ROUX"),
    ],
)
def test_names_of_less_common_shapes(lines: list[str], name: str) -> None:
    assert _header(*lines)[0] == name


def test_a_name_glued_by_the_pdf_is_taken_apart_when_the_email_spells_it() -> None:
    name, _ = _header("MarieDurand\tmarie.durand@example.org", "Situation actuelle")
    assert name == "Marie Durand"


def test_a_lone_first_name_is_not_joined_with_the_heading_below() -> None:
    name, _ = _header("Marie", "Situation actuelle", "Agent d'entretien")
    assert "Situation" not in name


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (["Jean-Baptiste de la", "Fontaine", "jean.delafontaine@example.org"],
         "Jean-Baptiste de la Fontaine"),
        (["Hélène Van", "Damme", "helene.vandamme@example.org"], "Hélène Van Damme"),
        # A name cut after its particle, the e-mail spelling only the first name.
        (["Gwenaëlle Van", "Damme", "Boulanger-pâtissier", "gwenaelle2001@example.org"],
         "Gwenaëlle Van Damme"),
        (["Thi Le", "Barista", "thi1990@example.org"], "Thi Le"),  # "Le" may end a name
        # The wrap before the particle: the next line opens in lower case, yet is no prose.
        (["Jean-Baptiste de", "la Fontaine", "Opérateur de production", "jb.fontaine@example.org"],
         "Jean-Baptiste de la Fontaine"),
        (["Marie-Christine", "de la Tour", "mc.delatour@example.org"],
         "Marie-Christine de la Tour"),
        (["Mme Awa Benali", "Aide-soignante"], "Awa Benali"),
        (["Ruth Whitaker, Registered Nurse"], "Ruth Whitaker"),
    ],
)  # fmt: skip
def test_names_run_on_after_a_particle_or_behind_a_civility(lines: list[str], name: str) -> None:
    assert _header(*lines)[0] == name


def test_the_name_set_before_a_comma_leaves_the_headline() -> None:
    assert _header("Ruth Whitaker, Registered Nurse", french=False)[1] == "Registered Nurse"


def test_a_headline_after_a_block_of_labelled_contacts() -> None:
    lines = ["Kofi Okonkwo", "Phone : 07700 900123", "Email : kofi.okonkwo@example.org",
             "Address : 27 Church Street, Leeds LS2 7DJ", "Date of birth : 12/04/1991",
             "Nationality : British", "Forklift Operator"]  # fmt: skip
    assert _header(*lines, french=False)[1] == "Forklift Operator"


def test_a_labelled_wanted_job_in_the_contact_block_is_the_headline() -> None:
    lines = ["INFORMATIONS PERSONNELLES", "Noé Nguyen", "noe.nguyen@example.org",
             "POSTE VISÉ Boulanger-pâtissier"]  # fmt: skip
    assert _header(*lines)[1] == "Boulanger-pâtissier"


@pytest.mark.parametrize(
    "lines",
    [
        ["Siobhan Da Silva", "siobhan.dasilva@example.org · 07700 900123 · Bristol"],
        ["Ruth Whitaker", "“Care is a verb, not a feeling.”", "Maya Angelou"],
        ["Ruth Whitaker", "", "I have cared for older people in care homes for twelve years.", "",
         "Shift Leader"],
    ],
)  # fmt: skip
def test_a_town_beside_contacts_a_quoted_author_or_a_line_after_the_profile_is_no_headline(
    lines: list[str],
) -> None:
    assert _header(*lines, french=False)[1] == ""


def test_a_place_alone_under_the_name_is_the_location_and_never_the_profile() -> None:
    text = "\n".join(["Ruth Whitaker", "Somerville MA USA", "", *JOBS_EN])
    content = parse_cv_text(text).content
    assert content.header.contact.location == "Somerville MA USA"
    assert "Somerville" not in content.summary


def test_a_headline_wrapped_in_capitals_is_read_whole() -> None:
    lines = ["Aïcha Le Goff", "HEAVY GOODS VEHICLE", "DRIVER WITH ADR AND", "FORKLIFT LICENCES"]
    assert (
        _header(*lines, french=False)[1]
        == "HEAVY GOODS VEHICLE DRIVER WITH ADR AND FORKLIFT LICENCES"
    )


def test_contact_details_read_onto_the_name_lines_stand_apart() -> None:
    lines = ["Hélène", "Van +33 6 60 92 31 31", "Damme helene.vandamme@example.org", "Forklift",
             "Operator"]  # fmt: skip
    name, headline = _header(*lines, french=False)
    assert (name, headline) == ("Hélène Van Damme", "Forklift Operator")


def test_a_headline_no_cue_supports_is_told_with_the_other_reading() -> None:
    lines = ["Odile Brunet", "odile.brunet@example.org", "", "Calme et Bienveillance", "", *JOBS_FR]
    parsed = parse_cv_text("\n".join(lines))
    assert parsed.content.header.current_title == "Calme et Bienveillance"
    assert ("headline", "unsure", "") in parsed.header_doubts


def test_a_headline_beside_the_name_or_naming_a_job_is_settled() -> None:
    parsed = parse_cv_text("\n".join(["Odile Brunet", "Fleuriste", *JOBS_FR]))
    assert parsed.header_doubts == []


@pytest.mark.parametrize(
    ("lines", "headline"),
    [
        (["Dana Whitcombe", "Line Cook", "Portland, Oregon"], "Line Cook"),
        (["Rick Alvarez", "Warehouse Associate", "Springfield, Illinois"], "Warehouse Associate"),
        (["Jo Parrish", "Office Manager", "Greater Chicago Area"], "Office Manager"),
        # the town above the title
        (["Rick Alvarez", "Phoenix Arizona", "Forklift Operator"], "Forklift Operator"),
        (["Siân Doyle", "Springfield, Illinois", "Housekeeping Supervisor"],
         "Housekeeping Supervisor"),
        (["Kofi Mensah", "Based in Leeds", "Night Porter"], "Night Porter"),
        (["Rick Alvarez", "Annecy"], ""),  # a town alone is no headline
        # a region, a town and its surroundings
        (["Siobhan Whitaker", "Aide-soignante", "Île-de-France"], "Aide-soignante"),
        (["Noé Van Damme", "Coiffeuse", "Bordeaux et alentours"], "Coiffeuse"),
        (["Kofi Mensah", "Night Porter", "Leeds and surrounding areas"], "Night Porter"),
    ],
)  # fmt: skip
def test_the_town_beside_a_short_title_is_no_part_of_it(lines: list[str], headline: str) -> None:
    """A one- or two-word title is finished on the next line only by words of a title: the
    town written under or over it ("Springfield, Illinois") was read into the headline."""
    assert _header(*lines, french=False)[1] == headline


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (["NGUYEN, Noé", "Plombier", "noe1987@example.org"], "NGUYEN Noé"),
        (["DA SILVA, Siobhan", "Housekeeping Supervisor", "siobhan.dasilva@example.org"],
         "DA SILVA Siobhan"),
        (["DE LA FONTAINE, Jean-Baptiste", "Opérateur de production",
          "jean-baptiste.delafontaine@example.org"], "DE LA FONTAINE Jean-Baptiste"),
        # a name, then a title after the comma: the title is no part of the name
        (["JANE DOE, Barista", "jane.doe@example.org"], "JANE DOE"),
        # a town and its region is no name
        (["Ruth Whitaker", "PARIS, France"], "Ruth Whitaker"),
    ],
)  # fmt: skip
def test_the_surname_first_and_a_comma_is_the_whole_name(lines: list[str], name: str) -> None:
    """ "NGUYEN, Noé", as forms write it: the name was lost, or cut to the surname with the
    first name read as the headline."""
    read, headline = _header(*lines, french=False)
    assert read == name
    assert not set(headline.split()) & set(name.split())


@pytest.mark.parametrize(
    ("lines", "headline"),
    [
        (["Noé Nguyen", "Plumber (8 years' experience)"], "Plumber"),
        (["Kofi Okonkwo", "Opérateur de production (21 ans d'expérience)"],
         "Opérateur de production"),
        (["Kofi Okonkwo", "Forklift Operator (CACES 3)"], "Forklift Operator (CACES 3)"),
    ],
)  # fmt: skip
def test_years_of_experience_in_brackets_are_no_part_of_the_headline(
    lines: list[str], headline: str
) -> None:
    assert _header(*lines, french=False)[1] == headline
