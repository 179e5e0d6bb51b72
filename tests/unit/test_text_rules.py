"""The writing rules of LLM-written text (jobs/pipeline/core/text_rules.py), on synthetic CV
lines."""

from __future__ import annotations

import pytest

from app.config import PROJECT_ROOT
from jobs.pipeline.core import offline
from jobs.pipeline.core.text_rules import (
    SUMMARY_MAX_WORDS,
    first_person,
    language_of,
    self_praise,
    unshown_concepts,
    word_count,
    wrong_language,
)


@pytest.mark.parametrize(
    ("text", "pronouns"),
    [
        ("I am a seasoned backend engineer", ["I"]),
        ("Backend engineer; my focus is APIs and I'm fluent in Go", ["my", "I'm"]),
        ("We shipped our billing service", ["We", "our"]),
        ("Je conçois des API ; j'ai piloté mon équipe", ["Je", "j'", "mon"]),
        ("J’ai mené nos projets de migration", ["J’", "nos"]),
        ("At Acme I led the move. Since 2019 I run it", ["I", "I"]),
        ("Nous avons livré ma première plateforme", ["Nous", "ma"]),
    ],
)
def test_first_person_is_found_in_both_languages(text: str, pronouns: list[str]) -> None:
    assert first_person(text) == pronouns


@pytest.mark.parametrize(
    "text",
    [
        "Backend engineer with an MA in economics, based in Lyon",
        "Led the US market launch of a ME-based retailer",
        "Rolled out the P.I.M. tool to 40 shops",
        "Certification PSM I obtenue en 2021, puis CFA Level I",
        "Ingénieure data ; 6 ans d'expérience en assurance",
        "Messages queued with Redis streams",
    ],
)
def test_capitals_acronyms_and_lookalike_words_are_not_pronouns(text: str) -> None:
    assert first_person(text) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Led 12 web projects using Scrum", "en"),
        ("Cut API latency by 35% with Redis caching", "en"),
        ("Served coffee to 300 customers a day at Café Lumière", "en"),
        ("Designed and maintained the billing pipelines of the platform", "en"),
        ("Pilotage de 12 projets web en méthode Scrum", "fr"),
        ("Réduction de 35 % de la latence de l'API grâce à Redis", "fr"),
        ("Gestion d'un budget annuel de 400 k€", "fr"),
        ("Reporting et suivi des KPI pour la direction", "fr"),
    ],
)
def test_language_of_short_cv_lines(text: str, language: str) -> None:
    assert language_of(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "Python, SQL, Docker",  # too short to tell
        "Python, Django, PostgreSQL, Redis, Kafka, Docker",  # a list of tools has no language
        "Scrum Master certified, SAFe, Jira, Confluence",
        "Team lead — projet Atlas, Paris",  # one cue each: a tie is not judged
    ],
)
def test_texts_without_a_clear_language_are_not_judged(text: str) -> None:
    assert language_of(text) is None
    assert wrong_language(text, "fr") is None and wrong_language(text, "en") is None


def test_wrong_language_names_the_language_found() -> None:
    assert wrong_language("Led 12 web projects using Scrum", "fr") == "en"
    assert wrong_language("Led 12 web projects using Scrum", "en") is None
    assert wrong_language("Pilotage de 12 projets web en méthode Scrum", "en") == "fr"
    # Only French and English are told apart: another target is never judged.
    assert wrong_language("Led 12 web projects using Scrum", "de") is None


def test_self_praise_unless_the_source_says_it() -> None:
    source = "AWS Certified Developer. Built Python services on AWS."
    blurb = "A testament to my proficiency and expertise in AWS"
    assert self_praise(blurb, source) == ["testament", "proficiency", "expertise"]
    # The author's own words may be reused: an "expert" certificate stays an expert one.
    assert self_praise("Expert level in AWS", "AWS Certified Expert") == []
    # Compared by word start, across languages: a "passionné" author may be called passionate.
    assert self_praise("Passionate data engineer", "Ingénieur data passionné") == []
    assert self_praise("Développeuse chevronnée et passionnée", "Développeuse Python") == [
        "chevronnee",
        "passionnee",
    ]


def test_unshown_concepts_are_skills_the_cv_never_shows() -> None:
    source = "AWS Certified Developer\nBuilt Python and PostgreSQL services"
    assert unshown_concepts("Covers Kubernetes and Terraform on AWS", source) == [
        "Kubernetes",
        "Terraform",
    ]
    # Implied by what the source shows (PostgreSQL → SQL), or named in either language.
    assert unshown_concepts("Python and SQL services on AWS", source) == []


def test_the_summary_limit_is_the_one_the_prompt_and_the_offline_engine_use() -> None:
    prompt = (PROJECT_ROOT / "prompts" / "batch-summary.md").read_text(encoding="utf-8")
    assert f"at most {SUMMARY_MAX_WORDS} words" in prompt
    assert offline.SUMMARY_MAX_WORDS == SUMMARY_MAX_WORDS
    assert word_count("one two  three\nfour") == 4
