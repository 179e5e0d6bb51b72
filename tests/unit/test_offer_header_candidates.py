"""The offer reader's title and company on invented ads of every header shape real ads take
(bench/synthetic_offer_headers.py fuzzes the same grammar): lines above the title that are not
it, a company named only in the body, by its domain, its signature, its public form or its
logo, a staffing agency, an ad naming no employer (an empty company, doubted, never a guess),
and no one-letter skill read from a stray letter."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text, read_header
from bench.synthetic_offer_headers import COMPANY_SHAPES, PAGES, TITLE_FORMS, TOPS, header_ads
from bench.synthetic_offer_headers_score import score

BODY_FR = """
Vos missions
- Vous assurerez l'accueil des clients et le suivi des commandes.
- Vous travaillerez avec le service R&D.
C'est un poste clé, à pourvoir dès maintenant.

Profil recherché
- Vous maîtrisez Excel.
- Une expérience en gestion des stocks est exigée.
"""
BODY_EN = """
Your missions
- You will welcome customers and follow up orders.
- You will work with the R&D team.

Requirements
- Experience with QuickBooks is required.
- Strong knowledge of inventory management.
"""


def _read(text: str) -> tuple[str, str]:
    offer = parse_offer_text(text)
    return offer.title, offer.company


@pytest.mark.parametrize(
    ("top", "title"),
    [
        ("Rejoignez-nous !", "Préparateur de commandes"),
        ("Join our team!", "Warehouse Associate"),
        ("Trovalia - Offres d'emploi", "Préparateur de commandes"),
        ("Jobmundo | Find your next job", "Warehouse Associate"),
        ("Publié le 04/03/2025 - offre n° 193QWXK", "Préparateur de commandes"),
        ("Date posted: 2025-03-04", "Warehouse Associate"),
    ],
)
def test_a_banner_a_call_or_a_publication_line_above_the_title_is_not_it(
    top: str, title: str
) -> None:
    body = BODY_FR if "Pré" in title else BODY_EN
    read_title, _ = _read(f"{top}\n{title}\nNantes\n{body}")
    assert read_title == title


def test_the_logo_text_above_the_title_is_the_company_when_the_body_names_it_again() -> None:
    text = f"QUORVANEL\nCariste (H/F)\n44 - Nantes\n\nQuorvanel distribue du matériel.\n{BODY_FR}"
    assert _read(text) == ("Cariste", "Quorvanel")


def test_a_known_board_name_alone_above_the_title_is_neither_title_nor_company() -> None:
    text = f"Indeed\nInfirmier de bloc (H/F)\nRennes\n{BODY_FR}"
    assert _read(text) == ("Infirmier de bloc", "")


def test_a_name_alone_above_the_title_is_a_company_the_page_asks_about() -> None:
    # A board's logo text or the employer's line: only its place backs it, so it is doubted.
    text = f"Trovalia\nInfirmier de bloc (H/F)\nRennes\n{BODY_FR}"
    assert _read(text) == ("Infirmier de bloc", "Trovalia")
    assert "company" in read_header(text).doubts


@pytest.mark.parametrize(
    ("top", "company"),
    [
        (["Skip to main content", "Sign in", "Find jobs"], ""),
        (["Careers | Brenvale", "Back to all jobs"], "Brenvale"),
        (["Carrières - Brenvale", "Retour aux offres"], "Brenvale"),
    ],
)
def test_a_page_copied_with_the_ad_is_skipped_and_a_careers_site_names_its_employer(
    top: list[str], company: str
) -> None:
    text = "\n".join([*top, "Warehouse Associate", "Leeds, UK", "Apply now", BODY_EN])
    assert _read(text) == ("Warehouse Associate", company)


def test_the_employer_line_above_the_title_repeated_in_the_about_block() -> None:
    text = f"Halvercombe\nDispatcher\nDenver, CO\n{BODY_EN}\nAbout the company\nHalvercombe\n"
    assert _read(text) == ("Dispatcher", "Halvercombe")


@pytest.mark.parametrize(
    "line",
    ["Intitulé du poste : Comptable fournisseurs - Réf. 2025-311", "Poste\tComptable fournisseurs"],
)
def test_a_labelled_title_loses_its_reference_code(line: str) -> None:
    text = f"{line}\nEmployeur\tBrindoval SARL\nLieu de travail : Angers\n{BODY_FR}"
    assert _read(text) == ("Comptable fournisseurs", "Brindoval SARL")


@pytest.mark.parametrize(
    ("title_line", "title"),
    [
        ("Technicien·ne de maintenance", "Technicien·ne de maintenance"),
        ("Vendeur / Vendeuse en boulangerie (H/F)", "Vendeur / Vendeuse en boulangerie"),
        ("REF-4471 - Aide-soignant de nuit", "Aide-soignant de nuit"),
    ],
)
def test_a_title_keeps_its_gender_forms_and_loses_a_reference_stuck_to_it(
    title_line: str, title: str
) -> None:
    assert _read(f"{title_line}\nOrvessa\nDijon\n{BODY_FR}") == (title, "Orvessa")


@pytest.mark.parametrize(
    "title_line",
    [
        "[REF-88] Agent de production",
        "Agent de production (H/F) Réf : AB-123",
        "Job ID: 48213 Agent de production",
        "Agent de production #48213",
        "Offre d'emploi : Agent de production H/F",
    ],
)
def test_a_reference_or_a_banner_word_stuck_to_the_title_without_a_dash(title_line: str) -> None:
    assert _read(f"{title_line}\nOrvessa\nDijon\n{BODY_FR}")[0] == "Agent de production"


def test_a_general_information_heading_under_the_title_is_no_company() -> None:
    text = (
        f"Agent de production (H/F)\n\nInformations générales\n\nLieu de travail : Dijon\n{BODY_FR}"
    )
    assert _read(text) == ("Agent de production", "")


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("Velmarin recrute un(e) cariste pour son site de Tours.", "Velmarin"),
        ("Chez Velmarin, nous plaçons l'humain au cœur de nos métiers.", "Velmarin"),
        ("Rejoindre Velmarin, c'est intégrer une équipe de 40 personnes.", "Velmarin"),
        ("À propos de Velmarin\nVelmarin accompagne ses clients depuis 1998.", "Velmarin"),
    ],
)
def test_the_company_named_only_in_the_body_by_a_self_reference(
    sentence: str, company: str
) -> None:
    assert _read(f"Cariste (H/F)\nTours\n\n{sentence}\n{BODY_FR}")[1] == company


def test_a_name_the_ad_writes_and_its_e_mail_domain_spells_is_the_company() -> None:
    text = (
        f"Line Cook\nBoise\n\nThe teams of Harnelow work across the region.\n{BODY_EN}\n"
        "Send your resume to jobs@harnelow.com\n"
    )
    assert _read(text)[1] == "Harnelow"


def test_a_mail_provider_domain_names_no_employer() -> None:
    text = f"Line Cook\nBoise\n\nOur kitchen is small.\n{BODY_EN}\nWrite to chef@gmail.com\n"
    assert _read(text)[1] == ""


def test_a_footer_signature_with_a_legal_form_is_the_company() -> None:
    text = f"Plumber\nLeeds, UK\n{BODY_EN}\nCorvendale Ltd – 12 Elm Street, Leeds\n"
    assert _read(text)[1] == "Corvendale Ltd"


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("La Mairie de Saint-Brévin recrute pour ses services.", "Mairie de Saint-Brévin"),
        ("Le Centre hospitalier de Montval recrute.", "Centre hospitalier de Montval"),
        ("The County of Larkfield is hiring for its public services.", "County of Larkfield"),
    ],
)
def test_a_public_employer_is_named_by_its_form_and_place(sentence: str, company: str) -> None:
    body = BODY_EN if sentence.startswith("The") else BODY_FR
    assert _read(f"Agent d'accueil\nBrest\n\n{sentence}\n{body}")[1] == company


def test_stacked_labels_give_the_title_the_employer_and_the_place() -> None:
    text = (
        "Intitulé du poste\nAide-soignant de nuit (H/F)\nEmployeur\nCentre hospitalier de Montval"
        f"\nLieu de travail\nBrest\n{BODY_FR}"
    )
    offer = parse_offer_text(text)
    assert (offer.title, offer.company, offer.location) == (
        "Aide-soignant de nuit", "Centre hospitalier de Montval", "Brest"
    )  # fmt: skip


def test_an_ad_naming_no_employer_leaves_the_company_empty_and_asks() -> None:
    text = (
        f"Cariste (H/F)\nNantes\n\nNotre client, une PME familiale, renforce son équipe.\n{BODY_FR}"
    )
    offer = parse_offer_text(text)
    assert offer.company == ""
    assert "company" in read_header(text).doubts


def test_no_one_letter_skill_is_read_from_a_stray_letter() -> None:
    text = (
        "Vendeur (H/F)\nOrvessa\nLyon\n\nProfil recherché\n- Vous avez le permis C.\n"
        "- Expérience en R&D appréciée.\n"
        "- Connaissance des normes ISO 9001 : C'est indispensable.\n"
    )
    assert [s for s in parse_offer_text(text).skills if len(s) == 1] == []
    listed = parse_offer_text(
        "Développeur (H/F)\nOrvessa\n\nProfil\n- Langages : C, C++, Python.\n"
    )
    assert "C" in listed.skills
    shifts = parse_offer_text("Cariste (H/F)\nOrvessa\n\nProfil\n- Horaires : C, D ou E.\n")
    assert "C" not in shifts.skills


def test_the_header_fuzzer_reads_title_and_company_on_every_shape() -> None:
    ads = header_ads(240, start=70_000)  # seeds the development runs never used
    pages = {f"page:{page}" for page in PAGES}
    assert {ad.shapes["top"] for ad in ads} == {*TOPS, *pages}
    assert {ad.shapes["title"] for ad in ads} == {*TITLE_FORMS, "page"}
    assert {ad.shapes["company"] for ad in ads} == {*COMPANY_SHAPES, *pages}
    result = score(ads, 70_000)
    assert result.share(result.titles_right) >= 0.95, result.examples
    assert result.share(result.companies_right) >= 0.95, result.examples
    assert result.no_requirement == 0
    assert result.one_letter_skills == 0


def test_a_title_dash_part_alone_is_no_company_unless_it_has_a_company_form() -> None:
    # "Bloc Opératoire" is the job's specialty: one cue (its place in the line) backs no name.
    text = f"Infirmier - Bloc Opératoire\n{BODY_FR}"
    offer = parse_offer_text(text)
    assert (offer.title, offer.company) == ("Infirmier - Bloc Opératoire", "")
    assert "company" in read_header(text).doubts
    assert "Bloc Opératoire" in read_header(text).candidates["company"]
    grouped = parse_offer_text(f"Infirmier - Brenvale Group\n{BODY_FR}")
    assert (grouped.title, grouped.company) == ("Infirmier", "Brenvale Group")


@pytest.mark.parametrize("badge", ["Nouveau", "Easy Apply", "Sponsored", "Urgent"])
def test_a_listing_badge_above_the_title_is_neither_title_nor_company(badge: str) -> None:
    assert _read(f"{badge}\nLine Cook\nBoise\n{BODY_EN}") == ("Line Cook", "")
