"""A skill the tailored CV prints is a source skill or a quoted term, by exact term: a name that
merely contains one ("Airflow — Nobel Prize in Computing") is refused, and a category is the
source's or one of the closed list, in the CV's language (``jobs/pipeline/core/skill_terms.py``).
"""

from __future__ import annotations

import pytest

from app.lib.cv_content import CvContent
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.guards import guard_item, guard_skills
from jobs.pipeline.core.schemas import AdaptedItem, AdaptedSkills, SkillOut
from jobs.pipeline.core.skill_terms import CATEGORIES, is_term, term_key

CV = CvContent.model_validate(
    {
        "experience": [
            {
                "id": "data",
                "title": "Data Engineer",
                "company": "Blue Orchard Farms",
                "start": "2020-03",
                "current": True,
                "bullets": [
                    "Scheduled 40 nightly Airflow pipelines loading sensor data into PostgreSQL",
                    "Built the dbt models behind the yield dashboards",
                ],
                "skills": ["Airflow", "dbt"],
            }
        ],
        "skills": [
            {"name": "Airflow", "category": "Orchestration", "level": "Advanced"},
            {"name": "PostgreSQL", "category": "Databases"},
            {"name": "Node.js", "category": "Databases"},
        ],
    }
)


def _guard(*skills: SkillOut, language: str = "en") -> tuple[list[SkillOut], list[str]]:
    cleaned, checked = guard_skills(
        AdaptedSkills(skills=list(skills)), SourceCorpus.of(CV, "Data engineer, Airflow"), language
    )
    return cleaned.skills, checked.bad


@pytest.mark.parametrize(
    "name",
    [
        "Airflow — Nobel Prize in Computing",
        '"Airflow" — Nobel Prize in Computing',
        "Airflow (Nobel Prize 1987)",
        "Airflow, Kubernetes",
        "Airflow expert since 1987",
        "Scheduled 40 nightly Airflow pipelines at Google",
    ],
)
def test_a_name_that_only_contains_a_source_skill_is_refused(name: str) -> None:
    kept, bad = _guard(SkillOut(name=name, category="Orchestration"))
    assert kept == [] and len(bad) == 1
    # ... and a quote from the source does not make the glued text a skill either.
    kept, _ = _guard(SkillOut(name=name, evidence="Scheduled 40 nightly Airflow pipelines"))
    assert kept == []


def test_a_listed_skill_prints_with_the_source_spelling_and_category() -> None:
    kept, bad = _guard(
        SkillOut(name="AIRFLOW", category="drop irrelevant ones — 1987"),
        SkillOut(name="postgresql", category="Data"),
        SkillOut(name="node js", category="Databases"),
    )
    assert bad == []
    assert [(s.name, s.category) for s in kept] == [
        ("Airflow", "Orchestration"),  # an invented category falls back to the source's
        ("PostgreSQL", "Data"),  # one of the closed list is allowed
        ("Node.js", "Databases"),
    ]


def test_a_category_from_the_closed_list_prints_in_the_cv_language() -> None:
    kept, _ = _guard(SkillOut(name="Airflow", category="tools"), language="fr")
    assert kept[0].category == "Outils"
    kept, _ = _guard(SkillOut(name="Airflow", category="Outils"), language="en")
    assert kept[0].category == "Tools"


def test_an_added_skill_needs_a_quote_naming_that_exact_term() -> None:
    quote = "Built the dbt models behind the yield dashboards"
    kept, bad = _guard(
        SkillOut(name="dbt", category="invented 2031", evidence=quote),  # listed by the item
        SkillOut(name="SQL", category="Data", evidence="loading sensor data into PostgreSQL"),
        SkillOut(name="yield dashboards", category="Business", evidence=quote),
        SkillOut(name="yield dashboards at Google", evidence=quote),
        SkillOut(name="Dashboards — 1987", evidence=quote),
    )
    assert [(s.name, s.category) for s in kept] == [
        ("dbt", ""),
        ("SQL", "Data"),
        ("yield dashboards", "Business"),
    ]
    assert len(bad) == 2


def test_an_item_skill_glued_to_invented_text_is_dropped() -> None:
    source = CV.experience[0]
    out = AdaptedItem(
        id="data",
        bullets=list(source.bullets),
        skills=["Airflow — Nobel Prize in Computing", "airflow", "PostgreSQL", "dbt 1987"],
    )
    cleaned, checked = guard_item(out, source, SourceCorpus.of(CV, ""))
    assert cleaned.skills == ["Airflow", "PostgreSQL"]
    assert len(checked.bad) == 2


def test_terms_and_keys() -> None:
    assert term_key("Node.JS") == term_key("node js") and term_key("C++") != term_key("C")
    assert is_term("Google Cloud Platform") and not is_term("Airflow — Nobel Prize")
    assert not is_term("Python, SQL") and not is_term("a b c d e")
    assert len(CATEGORIES["en"]) == len(CATEGORIES["fr"])
