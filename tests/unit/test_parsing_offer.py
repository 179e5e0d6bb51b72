"""The offline offer parser, job pages (HTML and JSON-LD), JSON Resume jobs, LLM checks."""

from __future__ import annotations

import copy

import pytest

from app.domain.offers.intake import offer_from_job_json, offer_text
from app.lib.input_errors import InputError
from app.lib.parsing.fields.skills_vocab import find_skills
from app.lib.parsing.formats.html_text import html_document
from app.lib.parsing.offer_parser import clean_title, find_languages, parse_offer_text
from app.lib.parsing.offers.offer_company import company_from_url, line_company
from app.lib.parsing.offers.offer_header import location_in, title_from_line
from app.lib.parsing.offers.offer_phrases import requirement_phrases
from app.lib.parsing.offers.offer_sections import classify_heading, section_named_by
from app.lib.parsing.offers.verify_offer import OfferExtraction, verify_offer
from tests.fixtures.offer_samples import (
    EN_OFFER,
    FR_OFFER,
    JOB_JSON,
    JOB_PAGE,
    LISTING_EN_NO_COMPANY,
    LISTING_FR,
    PLAIN_PAGE,
)


def test_french_offer() -> None:
    fields = parse_offer_text(FR_OFFER)
    assert fields.title == "Développeur Python senior"
    assert fields.company == "Acme Logistique"
    assert fields.location == "Lyon (69)"
    assert fields.language == "fr"
    assert fields.contract_type == "CDI"
    assert fields.remote == "2 jours par semaine"
    assert fields.responsibilities[0].startswith("Concevoir et faire évoluer nos API")
    assert len(fields.responsibilities) == 3 and len(fields.requirements) == 3
    assert fields.skills[:4] == ["Python", "FastAPI", "PostgreSQL", "Kubernetes"]
    assert {"Docker", "CI/CD", "GitLab CI"} <= set(fields.skills)
    assert fields.languages == [
        {"name": "Anglais", "level": "courant (C1)"},
        {"name": "allemand", "level": ""},
    ]


def test_english_offer() -> None:
    fields = parse_offer_text(EN_OFFER)
    assert (fields.title, fields.company) == ("Senior Data Engineer", "Northwind Analytics")
    assert fields.location == "London, United Kingdom"
    assert fields.language == "en"
    assert fields.contract_type == "Full-time, permanent"
    assert fields.remote == "Hybrid"
    assert fields.requirements[-1] == "Fluent English; conversational French is a plus."
    assert "Employment type: Full-time, permanent" not in fields.requirements
    assert fields.languages == [
        {"name": "English", "level": "Fluent"},
        {"name": "French", "level": "conversational"},
    ]
    assert {"Kafka", "Spark", "dbt", "Snowflake", "Python", "Scala", "Airflow", "AWS"} <= set(
        fields.skills
    )


def test_everything_extracted_is_in_the_text() -> None:
    for text in (FR_OFFER, EN_OFFER):
        fields = parse_offer_text(text)
        flat = " ".join(text.split())
        for value in [fields.title, fields.company, fields.location, *fields.requirements]:
            assert " ".join(value.split()) in flat, value


def test_titles_lose_gender_marks_only() -> None:
    assert clean_title("Développeur Python (H/F)") == "Développeur Python"
    assert clean_title("Data Engineer F/H") == "Data Engineer"
    assert clean_title("Entwickler (m/w/d)") == "Entwickler"
    assert clean_title("Chef de projet H/F - CDI") == "Chef de projet - CDI"


def test_language_levels_as_the_offer_words_them() -> None:
    assert find_languages("Maîtrise de l'anglais indispensable.") == [
        {"name": "anglais", "level": "Maîtrise"}
    ]
    assert find_languages("English: niveau B2 minimum") == [
        {"name": "English", "level": "niveau B2"}
    ]
    assert find_languages("Polish your skills with us") == []  # not the language
    assert find_languages("Bilingual French/English") == [
        {"name": "French", "level": "Bilingual"},
        {"name": "English", "level": ""},
    ]


def test_skills_vocabulary_respects_word_boundaries() -> None:
    found = find_skills("Go to market with Java, not JavaScript; Spring Boot and PL/SQL; C, C++.")
    assert found == ["Java", "JavaScript", "Spring Boot", "PL/SQL", "C", "C++"]


def test_job_page_json_ld_and_readable_text() -> None:
    document = html_document(JOB_PAGE)
    assert document.title == "Ingénieur DevOps | JobBoard"
    assert document.site_name == "JobBoard"
    assert document.job_postings[0]["hiringOrganization"]["name"] == "Nimbus Cloud"
    assert "tracking" not in document.text and "color:red" not in document.text
    assert "Toutes les offres" not in document.text  # navigation dropped
    assert "• Écrire l'infrastructure en Terraform." in document.text.split("\n")
    plain = parse_offer_text(html_document(PLAIN_PAGE).text)
    assert plain.title == "Product Designer" and plain.company == "Lumen Bank"
    assert plain.responsibilities == [
        "Design onboarding flows in Figma.",
        "Run usability tests every sprint.",
    ]
    assert {"name": "Spanish", "level": "B2"} in plain.languages


def test_json_resume_job() -> None:
    given = offer_from_job_json(JOB_JSON)
    prefill = given.prefill
    assert (prefill.title, prefill.company) == ("Frontend Engineer", "Brightline Health")
    assert prefill.location == "San Francisco, CA, US"
    assert prefill.contract_type == "Full-time" and prefill.remote == "Hybrid"
    assert prefill.skills == ["Frontend", "React", "TypeScript"]
    assert "Own the design system" in given.text and "5 years of React" in given.text
    bad = copy.deepcopy(JOB_JSON)
    bad["responsibilities"] = [1, 2]
    with pytest.raises(InputError) as caught:
        offer_from_job_json(bad)
    assert "responsibilities[0]" in caught.value.detail


def test_offer_text_limits() -> None:
    for text, code in [
        ("", "offer.empty_text"),
        ("   ", "offer.empty_text"),
        ("• • • — ★ ★ ★ …", "offer.empty_text"),  # marks and symbols only: nothing to read
        ("Dev", "offer.text_too_short"),
        ("x" * 200_000, "offer.text_too_long"),
    ]:
        with pytest.raises(InputError) as caught:
            offer_text(text)
        assert caught.value.code == code
    assert len(offer_text("x" * 200_000, truncate=True)) == 100_000


def test_llm_offer_answer_is_checked_against_the_text() -> None:
    answer = OfferExtraction(
        title="Développeur Python senior (H/F)",
        company="Google",  # invented
        location="Lyon (69)",
        language="fr",
        requirements=["5 ans d'expérience minimum en développement Python", "Un doctorat en IA"],
        responsibilities=["Industrialiser les déploiements sur Kubernetes"],
        skills=["Python", "Rust"],
        languages=[{"name": "Anglais", "level": "courant"}, {"name": "Chinois", "level": "natif"}],
        contract_type="CDI",
        remote="Full remote",
    )
    fields, dropped = verify_offer(answer, FR_OFFER)
    assert fields.title == "Développeur Python senior"
    assert fields.company == "" and fields.remote is None
    assert fields.requirements == ["5 ans d'expérience minimum en développement Python"]
    assert fields.skills == ["Python"]
    assert fields.languages == [{"name": "Anglais", "level": "courant"}]
    assert {d["value"] for d in dropped} >= {
        "Google",
        "Rust",
        "Un doctorat en IA",
        "Chinois",
        "Full remote",
    }


def test_job_board_listing_lines_and_sections() -> None:
    fields = parse_offer_text(LISTING_FR)
    assert fields.title == "Technicien Méthodes Maintenance"  # no gender mark, no reference
    assert (fields.company, fields.location) == ("Verdalis", "Quimper, France")
    assert fields.contract_type == "CDI à temps plein"  # the kind with its schedule, as written
    assert fields.responsibilities[0] == "Piloter le plan de maintenance préventive de l'atelier"
    assert "Tickets restaurant et mutuelle" not in fields.requirements  # benefits kept apart
    assert "Mécanique, hydraulique, automatisme" in fields.requirements  # sub-heading kept
    assert {"Mécanique", "hydraulique", "automatisme", "GMAO", "Pack Office"} <= set(fields.skills)
    assert {"Anglais opérationnel", "Rigueur", "sens du relationnel"} <= set(fields.skills)
    assert "Verdalis" not in fields.skills


def test_company_from_the_body_when_the_listing_line_is_empty() -> None:
    fields = parse_offer_text(LISTING_EN_NO_COMPANY)
    assert fields.company == "Halvard Medtech"
    assert fields.title == "Regional Sales Manager - Nordics"
    assert fields.location == "Sweden"
    assert fields.contract_type == "Full-Time"
    assert {"PPT", "Word", "Excel", "Outlook", "sales management", "medical device"} <= set(
        fields.skills
    )
    assert {"communication", "presentation skills"} <= set(fields.skills)
    assert not {"SAFe", "Go"} & set(fields.skills)  # "safe" and "Go lessons" in the benefits
    assert not any("pension" in item for item in fields.requirements)


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Juriste (F/H)\n\nNordane Conseil recrute un juriste en droit social.", "Nordane Conseil"),
        ("Data Analyst\n\nChez Pixelune, nous aimons les données. Pixelune grandit.", "Pixelune"),
        ("Buyer\n\nAbout Corvex Industries\nCorvex Industries is a leading maker of valves.",
         "Corvex Industries"),
        ("Chef de rayon\n\nMarque régionale, Bellerive est un réseau de 40 magasins. "
         "Intégrer Bellerive Nantes, c'est grandir. Bellerive forme ses équipes.", "Bellerive"),
        ("Support Engineer\n\nAs a Support Engineer at Quillstone, you will help customers.",
         "Quillstone"),
        ("Développeur Python\n\nPython est un plus pour ce poste.", ""),
    ],
)  # fmt: skip
def test_company_from_the_ads_sentences(text: str, company: str) -> None:
    assert parse_offer_text(text).company == company


def test_company_from_the_offer_address() -> None:
    text = "Product Analyst\n\nWe are building the future of payments at Brightwave Labs!"
    assert company_from_url("https://jobs.lever.co/brightwave-labs/42", text) == "Brightwave Labs"
    assert company_from_url("https://careers.nimbuscloud.com/jobs/9", "Nimbuscloud rocks") == (
        "Nimbuscloud"
    )
    assert company_from_url("https://acme-robotics.teamtailor.com/jobs/1", "") == "Acme Robotics"
    assert company_from_url("https://www.linkedin.com/jobs/view/123", text) == ""
    fields = parse_offer_text(
        "Product Analyst\n\nYou will own dashboards.",
        url="https://jobs.lever.co/brightwave-labs/42",
    )
    assert fields.company == "Brightwave Labs"


@pytest.mark.parametrize(
    ("title_line", "title", "contract"),
    [
        ("Alternance - Chargé(e) de marketing - Nantes", "Chargé(e) de marketing", "Alternance"),
        ("Consultant Data - Stage FE (H-F)", "Consultant Data", "Stage FE"),
        ("Buyer (Internship)", "Buyer", "Internship"),
        ("Payroll Officer | Fixed-term contract", "Payroll Officer", "Fixed-term contract"),
        ("Account Executive at Brightwave Labs", "Account Executive", None),
        ("Responsable logistique (F/H) - REQ-2291", "Responsable logistique", None),
    ],
)
def test_title_without_what_is_glued_to_it(
    title_line: str, title: str, contract: str | None
) -> None:
    fields = parse_offer_text(f"{title_line}\n\nNantes, France\n")
    assert fields.title == title
    assert fields.contract_type == contract


def test_contract_words_in_their_ordinary_sense() -> None:
    early = "Growth Marketer\n\nJoin an early stage startup building temporary housing tools."
    assert parse_offer_text(early).contract_type is None
    learning = "Ingénieur IA\n\nVous concevez des modèles d'apprentissage automatique."
    assert parse_offer_text(learning).contract_type is None
    life = "Infirmier\n\nQUALITÉ DE VIE AU TRAVAIL\nUn cadre agréable."
    assert parse_offer_text(life).contract_type is None
    english = "Data Engineer\n\nThis is a contract role (6 months), part-time possible."
    assert parse_offer_text(english).contract_type == "contract role"


def test_location_near_the_title_without_the_remote_policy() -> None:
    assert location_in(["Remote,Quimper, France"]) == "Quimper, France"
    assert location_in(["Springfield, Ohio, Open to Remote"], by_shape=True) == "Springfield, Ohio"


def test_skills_are_whole_words_with_case_where_it_matters() -> None:
    text = (
        "Keep the site safe. Go-to person for the tableau de bord. "
        "Méthodes Lean et SAFe, negociation fournisseurs, tableaux de bord sous Tableau."
    )
    assert find_skills(text) == [
        "Tableau de bord",
        "Lean",
        "SAFe",
        "Négociation",
        "Tableaux de bord",
        "Tableau",
    ]


def test_a_tool_name_used_as_a_verb_is_not_the_tool() -> None:
    assert find_skills("I excel at negotiation and she excels in client care.") == ["Negotiation"]
    assert find_skills("Ideas that spark new projects.") == []
    # The tool, whatever the case, when it is not followed by what the verb takes.
    assert find_skills("Excel at an advanced level; excel, word; Spark and Airflow") == [
        "Excel",
        "Spark",
        "Airflow",
    ]
    assert find_skills("Reporting sous excel et Power BI") == ["Reporting", "Excel", "Power BI"]


def test_requirement_phrases_are_copied_from_the_ad() -> None:
    items = [
        "Maîtrise de l'anglais et de la gestion de projet",
        "Experience in payroll processing and compliance audits is required.",
        "6-12 months sales experience",
        "You treat rejection as a learning experience",
        "Connaissance des normes ISO 9001, ISO 14001",
        "Bac+5 en achats",
    ]
    assert requirement_phrases(items) == [
        "anglais",
        "gestion de projet",
        "payroll processing",
        "compliance audits",
        "sales",
        "normes ISO 9001",
        "ISO 14001",
    ]


def test_free_worded_headings_name_their_section() -> None:
    assert section_named_by("The Qualifications We Need You to Possess") == "requirements"
    assert section_named_by("EN NOUS REJOIGNANT, VOUS SEREZ EN CHARGE DE :") == "responsibilities"
    assert section_named_by("Pourquoi rejoindre la team ?") == "benefits"
    assert section_named_by("Understanding Our Culture") == "company"
    assert section_named_by("Equal Employment Opportunity Statement") == "process"
    assert classify_heading("Connaissances particulières :", standalone=True) == ("", "")
    assert classify_heading("🚀 Vos missions :", standalone=True) == ("responsibilities", "")
    assert classify_heading("• Piloter les audits", standalone=True) is None


@pytest.mark.parametrize(
    ("line", "company"),
    [
        ("Maison Lambert", "Maison Lambert"),
        ("Lumen Bank — Oakland, CA", "Lumen Bank"),
        ("Corvex Industries · Lyon · il y a 3 jours · 45 candidats", "Corvex Industries"),
        ("London, United Kingdom · Hybrid (3 days in office)", ""),
        ("Remote,Quimper, France", ""),
        ("CDI", ""),
        ("Salaire : 45 k€", ""),
        ("About Corvex Industries", ""),
        ("Corvex Industries recrute un comptable.", ""),
    ],
)
def test_the_line_under_the_title_names_the_company_only_when_that_is_all_it_says(
    line: str, company: str
) -> None:
    assert line_company(line) == company


def test_a_banner_line_is_not_the_title() -> None:
    text = "Offre d'emploi\nComptable fournisseurs (H/F)\nMaison Lambert\nBordeaux, France\n"
    fields = parse_offer_text(text)
    assert (fields.title, fields.company) == ("Comptable fournisseurs", "Maison Lambert")
    assert fields.location == "Bordeaux, France"


def test_the_candidates_past_internship_is_not_the_contract() -> None:
    text = (
        "Sales Associate\n\nRequirements\n• A first internship in retail is a plus.\n\n"
        "Benefits\n• This is a full-time position.\n"
    )
    assert parse_offer_text(text).contract_type == "full-time"


def test_short_lines_opening_a_list_are_headings() -> None:
    text = (
        "Support Specialist\nRemote in EU\n\nWhat you'll do\n• Answer tickets in Zendesk.\n\n"
        "What you'll need\n• Familiarity with Zendesk or Intercom\n\n"
        "What you'll get\n• Home office budget\n\nThis is a full-time, permanent position.\n"
    )
    fields = parse_offer_text(text)
    assert fields.responsibilities == ["Answer tickets in Zendesk."]
    assert fields.requirements == ["Familiarity with Zendesk or Intercom"]
    assert fields.location == "EU"
    assert fields.contract_type == "full-time, permanent position"
    assert {"Zendesk", "Intercom"} <= set(fields.skills)


@pytest.mark.parametrize(
    ("title_line", "contract"),
    [
        ("Data Engineer - Contract", "Contract"),
        ("Graphics Engineer (12-month contract)", "12-month contract"),
        ("Store Manager (Permanent) - Leeds", "Permanent"),
    ],
)
def test_contract_glued_to_the_title(title_line: str, contract: str) -> None:
    assert parse_offer_text(f"{title_line}\n\nWe build games.\n").contract_type == contract


def test_a_title_part_is_dropped_as_a_place_only_when_it_is_a_whole_place_word() -> None:
    assert title_from_line("Chef de projet - IT", location_line="Saint-Etienne, France") == (
        "Chef de projet - IT"
    )
    assert title_from_line("Technicien - Tours F/H", location_line="Joué-lès-Tours, France") == (
        "Technicien"
    )


def test_how_much_an_ad_wants_a_skill_is_no_part_of_its_name() -> None:
    items = [
        "Permis B indispensable",
        "CAP ou BEP menuiserie exigé",
        "Habilitation travail en hauteur appréciée",
        "Anglais souhaité, allemand apprécié",
        "SAP is a plus",
        "Excel - preferred",
    ]
    assert requirement_phrases(items) == [
        "Permis B",
        "CAP",
        "BEP menuiserie",
        "BEP",  # its acronym, read on its own too
        "Habilitation travail en hauteur",
        "Anglais",
        "allemand",
        "SAP",
        "Excel",
    ]
    # A word that only looks like one stays ("Node.js", "plus-values").
    assert requirement_phrases(["Node.js", "Gestion des plus-values"]) == [
        "Node.js",
        "Gestion des plus-values",
    ]
