"""Interests are interests in every tailored CV: a dated line moves to volunteering unchanged,
a "references available" line goes (jobs/pipeline/core/interests.py, applied by assemble)."""

from __future__ import annotations

from datetime import date

from app.lib.cv_content import CvContent
from jobs.pipeline.core.context import OfferBrief
from jobs.pipeline.core.interests import sorted_interests
from jobs.pipeline.core.offline_run import tailor_offline

INTERESTS = [
    "Chess",
    "2019-2021 Treasurer of the student chess club",
    "REFERENCE: AVAILABLE ON REQUEST",
    "Références disponibles sur demande",
    "Trail running (two marathons)",
]


def test_dated_lines_move_to_volunteering_and_reference_lines_go() -> None:
    kept, roles = sorted_interests(INTERESTS)
    assert kept == ["Chess", "Trail running (two marathons)"]
    assert [(r.name, r.date) for r in roles] == [
        ("2019-2021 Treasurer of the student chess club", "2019")
    ]


def test_a_tailored_cv_prints_interests_only() -> None:
    source = CvContent.model_validate(
        {
            "header": {"name": "Lou Marin"},
            "experience": [
                {
                    "id": "e1",
                    "title": "Data Analyst",
                    "company": "Northwind",
                    "start": "2022-01",
                    "current": True,
                    "bullets": ["Built weekly sales dashboards in Power BI"],
                }
            ],
            "extras": {"interests": INTERESTS},
        }
    )
    offer = OfferBrief(
        id="o",
        title="Data Analyst",
        company="Fabrikam",
        location="",
        language="en",
        description="Power BI dashboards for the sales team.",
    )
    cv = tailor_offline(source, offer, today=date(2025, 6, 1)).cv
    assert "REFERENCE: AVAILABLE ON REQUEST" not in cv.extras.interests
    assert all("2019" not in i for i in cv.extras.interests)
    assert [v.name for v in cv.extras.volunteering] == [
        "2019-2021 Treasurer of the student chess club"
    ]
