"""Tailoring invariants of the pure core that have no other home: relevance is judged against
the whole ad (2), coverage never goes down and no skill is added on an inference (5). The
others: nothing thinned while the CV fits (tests/unit/test_keep.py), no timeline hole
(tests/unit/test_timeline.py), pages used (tests/unit/test_pdf_budget.py), clean sections
(tests/unit/test_interests_sorted.py)."""

from __future__ import annotations

from datetime import date

import pytest

from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText, analyse
from app.lib.matching.relevance import AD_RELATED_FLOOR, EVIDENCE_FLOOR, budget_relevance
from app.lib.pdf_render.budget import trim_candidates
from jobs.pipeline.core.context import OfferBrief
from jobs.pipeline.core.offline_run import tailor_offline

TODAY = date(2026, 11, 1)


def _cv(bullets: list[str], skills: list[str]) -> CvContent:
    return CvContent.from_json(
        {
            "header": {"name": "Ana Lima"},
            "experience": [
                {
                    "id": "e1",
                    "title": "Backend Engineer",
                    "company": "Dockside Parcels",
                    "start": "2021-01",
                    "current": True,
                    "bullets": bullets,
                }
            ],
            "skills": [{"name": s} for s in skills],
        }
    )


def _offer(description: str, requirements: list[str], language: str = "en") -> OfferBrief:
    return OfferBrief(
        id="o1",
        title="Backend Engineer",
        company="Tidewater Labs",
        location="Nantes",
        language=language,
        description=description,
        requirements=requirements,
        skills=[],
    )


def test_relevance_reads_the_whole_ad_not_only_the_requirements_found() -> None:
    # The reader found one requirement; the ad's text also speaks of Kubernetes elsewhere.
    offer = _offer(
        "Our platform team runs everything on Kubernetes. You will own the billing APIs.",
        ["PostgreSQL"],
    )
    cv = _cv(
        [
            "Organised the office football league",
            "Migrated 40 services to Kubernetes",
            "Tuned PostgreSQL indexes for the parcel search",
            "Ran the weekly team breakfast",
        ],
        ["Kubernetes", "Gardening", "PostgreSQL"],
    )
    scores = budget_relevance(cv, OfferText.of(offer))
    unrelated = [scores["e1:0"], scores["e1:3"]]
    assert max(unrelated) < AD_RELATED_FLOOR <= scores["e1:1"] < EVIDENCE_FLOOR <= scores["e1:2"]
    assert scores["skill:1"] < AD_RELATED_FLOOR <= scores["skill:0"] < scores["skill:2"]
    # The page budget cuts every bullet that shares nothing with the ad before one that does.
    order = [c.key for c in trim_candidates(cv, scores) if c.kind == "bullet"]
    assert order.index("e1:1") > max(order.index("e1:0"), order.index("e1:3"))


PAIRS = [
    # (bullets, skills, ad text, requirements found, ad language)
    (
        ["Built Django REST APIs for 9 warehouses", "Tuned PostgreSQL indexes", "Ran the party"],
        ["Django", "Gardening"],
        "You will build APIs. Python and PostgreSQL required.",
        ["Python", "PostgreSQL"],
        "en",
    ),
    (
        ["Automated the nightly reports in Excel VBA", "Negotiated supplier prices"],
        ["Excel"],
        "Acheteur : négociation fournisseurs, maîtrise d'Excel et de SAP exigée.",
        ["Négociation", "Excel", "SAP"],
        "fr",
    ),
    (
        ["Wrote the onboarding guide", "Led a team of 6 support agents"],
        [],
        "We need a support lead with people management and customer service experience.",
        [],
        "en",
    ),
    (["Did things"], ["Cooking"], "Data engineer: Spark, Airflow, dbt.", ["Spark"], "en"),
]


@pytest.mark.parametrize("bullets, skills, text, requirements, language", PAIRS)
def test_coverage_after_is_never_below_before(
    bullets: list[str], skills: list[str], text: str, requirements: list[str], language: str
) -> None:
    cv = _cv(bullets, skills)
    offer = _offer(text, requirements, language)
    result = tailor_offline(cv, offer, today=TODAY, source_language="en")
    analysis = analyse(cv, OfferText.of(offer), tailored=result.cv)
    assert analysis.after is not None and analysis.after >= analysis.before
    # Evidence the source only implies ("Django" for Python) is asked, never written: no skill
    # enters the tailored CV that neither the source's skills nor one of its statements name.
    said = " ".join([*bullets, *skills]).casefold()
    added = [s.name for s in result.cv.skills if s.name.casefold() not in said]
    assert not added, added
