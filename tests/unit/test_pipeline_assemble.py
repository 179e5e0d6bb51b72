"""The recompose step's pure part (jobs/pipeline/core/assemble.py, core/selection.py): which
items the rewrite phases get, and the CV put together from source facts and rewritten text."""

from __future__ import annotations

from typing import Any

import pytest

from app.lib.cv_content import CvContent
from jobs.pipeline.core.assemble import IncompleteCvError, assemble, cv_filename
from jobs.pipeline.core.context import OfferBrief
from jobs.pipeline.core.schemas import (
    AdaptedExtraItem,
    AdaptedExtras,
    AdaptedItem,
    AdaptedSkills,
    Classification,
    ItemDecision,
    SkillOut,
    Summary,
)
from jobs.pipeline.core.selection import adapted_text, kept_experiences, projects_to_adapt

SOURCE = CvContent.model_validate(
    {
        "header": {"name": "Robin Vega", "current_title": "Data Engineer"},
        "summary": "Data engineer.",
        "experience": [
            {
                "id": "e_now",
                "title": "Data Engineer",
                "company": "Northwind",
                "location": "Lille",
                "start": "2022-01",
                "current": True,
                "description": "Pipelines for the sales team",
                "bullets": ["Wrote 40 Airflow jobs", "Ran the on-call rota"],
                "skills": ["Airflow"],
            },
            {
                "id": "e_old",
                "title": "Analyst",
                "company": "Contoso",
                "start": "2015-01",
                "end": "2017-12",
                "bullets": ["Built Excel reports"],
            },
            {
                "id": "e_side",
                "title": "Weather bot",
                "company": "",
                "start": "2020-01",
                "end": "2020-06",
                "bullets": ["A chat bot for forecasts"],
            },
        ],
        "projects": [
            {"id": "p_keep", "name": "dbcheck", "bullets": ["Checks schemas"]},
            {"id": "p_drop", "name": "old game", "bullets": ["A maze game"]},
        ],
        "education": [{"id": "ed", "institution": "Lille University", "degree": "MSc"}],
        "skills": [
            {"name": "Airflow", "category": "Tools", "level": "expert"},
            {"name": "SQL", "category": "Languages"},
        ],
        "languages": [{"name": "English", "level": "fluent"}, {"name": "Spanish", "level": "B1"}],
        "extras": {
            "certifications": [{"id": "c1", "name": "GCP Data", "description": "Old words"}],
            "awards": [{"id": "a1", "name": "Hackathon prize"}],
            "interests": ["Cycling", "Go"],
        },
    }
)
CLASSIFIED = Classification(
    experiences=[
        ItemDecision(id="e_now", decision="KEEP"),
        ItemDecision(id="e_old", decision="CONDENSE"),
        ItemDecision(id="e_side", decision="MOVE_TO_PROJECTS"),
    ],
    projects=[
        ItemDecision(id="p_keep", decision="KEEP"),
        ItemDecision(id="p_drop", decision="REMOVE"),
    ],
)
REWRITTEN_NOW = AdaptedItem(
    id="e_now", description="Data pipelines", bullets=["Wrote 40 Airflow jobs"], skills=["Airflow"]
)
PROJECTS = [
    AdaptedItem(id="p_keep", bullets=["Checks database schemas"]),
    AdaptedItem(id="e_side", bullets=["Forecast chat bot"]),
]
SKILLS = AdaptedSkills(skills=[SkillOut(name="SQL"), SkillOut(name="airflow", category="Tools")])


def _offer(
    language: str = "en",
    title: str = "Senior Data Engineer",
    description: str = "We build data pipelines.",
) -> OfferBrief:
    return OfferBrief(
        id="o1",
        title=title,
        company="Fabrikam",
        location="",
        language=language,
        description=description,
    )


def _assemble(**kw: Any) -> CvContent:
    args: dict[str, Any] = {
        "source": SOURCE,
        "offer": _offer(),
        "language": "en",
        "classification": CLASSIFIED,
        "experiences": [REWRITTEN_NOW],
        "projects": PROJECTS,
        "extras": AdaptedExtras(
            items=[AdaptedExtraItem(id="c1", description="Certified on GCP data tools")],
            interests=["Cycling"],
        ),
        "skills": SKILLS,
        "summary": Summary(summary="Data engineer for pipelines."),
    }
    return assemble(**{**args, **kw})


def test_selection_follows_the_classification() -> None:
    assert [e.id for e in kept_experiences(SOURCE, CLASSIFIED)] == ["e_now"]
    projects = projects_to_adapt(SOURCE, CLASSIFIED)
    # Kept projects first, then the moved experience in its project form (its facts kept).
    assert [p.id for p in projects] == ["p_keep", "e_side"]
    assert projects[1].name == "Weather bot" and projects[1].bullets == ["A chat bot for forecasts"]


def test_adapted_text_is_every_rewritten_line_once_per_line() -> None:
    items = [REWRITTEN_NOW, AdaptedItem(id="x", description="", bullets=["One", "Two"])]
    assert adapted_text(items) == "Data pipelines\nWrote 40 Airflow jobs\nOne\nTwo"


def test_facts_come_from_the_source_and_text_from_the_rewrites() -> None:
    cv = _assemble()
    now, old = cv.experience
    assert (now.title, now.company, now.location, now.start, now.current) == (
        "Data Engineer",
        "Northwind",
        "Lille",
        "2022-01",
        True,
    )
    assert now.description == "Data pipelines" and now.bullets == ["Wrote 40 Airflow jobs"]
    # CONDENSE: one line (title, employer, dates) without bullets; REMOVE and MOVE: not here.
    assert (old.id, old.title, old.bullets, old.description) == ("e_old", "Analyst", [], "")
    assert [p.id for p in cv.projects] == ["p_keep", "e_side"]
    assert cv.projects[1].bullets == ["Forecast chat bot"]
    assert cv.summary == "Data engineer for pipelines."
    assert cv.education == SOURCE.education


def test_skills_keep_the_source_level_and_extras_their_rewritten_descriptions() -> None:
    cv = _assemble()
    assert [(s.name, s.level) for s in cv.skills] == [("SQL", ""), ("airflow", "expert")]
    assert [(c.id, c.description) for c in cv.extras.certifications] == [
        ("c1", "Certified on GCP data tools")
    ]
    assert cv.extras.awards == []  # not in the extras phase's answer: left out
    assert cv.extras.interests == ["Cycling"]


def test_the_headline_is_the_candidates_own_whatever_the_offer() -> None:
    # The offer's title would be a claim the CV cannot back (core/sendable.py own_headline).
    assert _assemble().header.current_title == "Data Engineer"
    french_offer = _offer(language="fr", title="Ingénieur données")
    assert _assemble(offer=french_offer).header.current_title == "Data Engineer"


def test_language_levels_follow_the_offer_style_for_the_languages_it_names() -> None:
    offer = _offer(description="English at C1 level required.")
    cv = _assemble(offer=offer)
    assert [(lang.name, lang.level) for lang in cv.languages] == [
        ("English", "C1"),
        ("Spanish", "B1"),
    ]
    assert [lang.level for lang in _assemble().languages] == ["fluent", "B1"]


@pytest.mark.parametrize(
    ("experiences", "projects"),
    [([], PROJECTS), ([REWRITTEN_NOW], PROJECTS[:1])],
    ids=["kept-experience-missing", "moved-project-missing"],
)
def test_a_section_that_came_back_short_fails_the_offer(
    experiences: list[AdaptedItem], projects: list[AdaptedItem]
) -> None:
    with pytest.raises(IncompleteCvError):
        _assemble(experiences=experiences, projects=projects)


def test_cv_filename_names_the_candidate_offer_and_company_safely() -> None:
    assert cv_filename("Robin Vega", "Data Engineer", "Fabrikam") == (
        "Robin Vega - Data Engineer - Fabrikam"
    )
    assert cv_filename("Robin", 'R&D / "Lead"', " ") == "Robin - R&D Lead"
    assert cv_filename("", "", "") == "CV"
    assert len(cv_filename("x" * 300, "", "")) == 180
