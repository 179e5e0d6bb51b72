"""The offline offer parser, job pages (HTML and JSON-LD), JSON Resume jobs, LLM checks."""

from __future__ import annotations

import copy

import pytest

from app.domain.cvs.errors import InputError
from app.domain.offers.intake import offer_from_job_json, offer_text
from app.lib.parsing.html_text import html_document
from app.lib.parsing.llm_extract import OfferExtraction, verify_offer
from app.lib.parsing.offer_parser import clean_title, find_languages, parse_offer_text
from app.lib.parsing.skills_vocab import find_skills
from tests.fixtures.offer_samples import EN_OFFER, FR_OFFER, JOB_JSON, JOB_PAGE, PLAIN_PAGE


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
