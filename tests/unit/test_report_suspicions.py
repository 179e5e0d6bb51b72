"""Structural suspicions of an import (app/lib/parsing/report/report_suspicions.py) and the live
report (app/lib/parsing/report/report_live.py, counted by app/domain/cvs/open_flags.py, the one
list every view reads): each shape of misread is flagged, a correct CV is not, and an item stops
counting once fixed or dismissed. Synthetic CVs of the shapes seen in real imports."""

from __future__ import annotations

from typing import Any

from app.domain.cvs.open_flags import checks_open as open_checks
from app.domain.cvs.open_flags import flags_open as major_items
from app.lib.cv_content import CvContent
from app.lib.parsing.report.report_live import item_key, open_items
from app.lib.parsing.report.report_suspicions import structure_suspicions


def _job(n: int, bullets: int, **fields: Any) -> dict[str, Any]:
    return {
        "id": f"exp_{n}",
        "title": fields.get("title", f"Engineer {n}"),
        "company": fields.get("company", f"Company {n}"),
        "start": f"20{10 + n}-01",
        "end": f"20{11 + n}-01",
        "bullets": [f"Shipped the release {n}.{b} of the billing service." for b in range(bullets)],
    }


def _cv(**parts: Any) -> CvContent:
    data: dict[str, Any] = {
        "header": {"name": "Ana Lima", "contact": {"email": "ana@example.com"}},
        "summary": "Backend engineer with eight years on payment systems.",
        "experience": [_job(1, 3), _job(2, 2), _job(3, 3)],
        "education": [{"id": "edu_1", "institution": "Université de Nantes", "degree": "Master"}],
        "skills": [{"name": n} for n in ("Python", "PostgreSQL", "Microsoft Office (Word, Excel)")],
    }
    data.update(parts)
    return CvContent.from_json(data)


def _codes(content: CvContent) -> list[str]:
    return [item["code"] for item in structure_suspicions(content)]


def test_a_well_read_cv_raises_no_suspicion() -> None:
    assert _codes(_cv()) == []


def test_bullets_piled_on_one_job_while_its_neighbours_hold_none() -> None:
    piled = _cv(experience=[_job(1, 0), _job(2, 12), _job(3, 0), _job(4, 1)])
    items = structure_suspicions(piled)
    assert [i["code"] for i in items] == ["bullets_piled"]
    assert items[0]["itemId"] == "exp_2" and items[0]["values"]["count"] == 12
    # Uneven but plausible: a long current job and short older ones.
    assert _codes(_cv(experience=[_job(1, 8), _job(2, 2), _job(3, 1)])) == []


def test_sentences_and_half_bracketed_fragments_as_skills() -> None:
    skills = [
        {"name": "Python"},
        {"name": "Designed and delivered the new onboarding flow for clients."},
        {"name": "Managed the weekly reporting of the sales team across regions"},
        {"name": "Microsoft Office (Word"},
        {"name": "Excel, Google Sheet)"},
        {"name": "ASME IX / ASME B31.1 / ASME B31.3"},  # a list of names, not a sentence
    ]
    items = {i["code"]: i for i in structure_suspicions(_cv(skills=skills))}
    assert set(items) == {"sentence_skills", "split_skills"}
    assert items["sentence_skills"]["values"]["count"] == 2
    assert items["split_skills"]["values"]["first"] == "Microsoft Office (Word"
    # One odd skill is the user's own choice.
    assert (
        _codes(_cv(skills=[{"name": "Python"}, {"name": "Able to travel around the world"}])) == []
    )


def test_a_level_as_school_header_lines_in_the_summary_and_an_unnamed_dated_job() -> None:
    cv = _cv(
        education=[{"id": "edu_1", "institution": "(Bac+5)", "degree": "Master Finance"}],
        summary="Ana Lima ana@example.com 06 12 34 56 78 Page 1/2 Backend engineer.",
        experience=[_job(1, 3), {**_job(2, 2), "title": "", "company": ""}, _job(3, 2)],
    )
    assert sorted(_codes(cv)) == ["dated_job_unnamed", "school_is_level", "summary_has_header"]
    # A figure in a profile is no phone number; "Master" in a school's name is no level.
    fine = _cv(
        summary="Grew revenue by 10000 euros a month across 12 stores.",
        education=[{"id": "edu_1", "institution": "Master School of Lyon", "degree": "MSc"}],
    )
    assert _codes(fine) == []


def test_the_latest_job_told_in_detail_is_no_pile() -> None:
    """Only the latest job with bullets, the older ones listed: the CV's choice."""
    assert "bullets_piled" not in _codes(_cv(experience=[_job(1, 12), _job(2, 0), _job(3, 0)]))


def _stored(content: CvContent, extra: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A report as the import stores it."""
    return {"items": structure_suspicions(content) + (extra or []), "checks": 0}


def test_an_item_stops_counting_once_fixed_or_dismissed() -> None:
    piled = _cv(experience=[_job(1, 0), _job(2, 12), _job(3, 0)])
    company = {
        "code": "company_is_place", "severity": "warning", "group": "entries",
        "path": "experience[0].company", "itemId": "exp_1", "value": "Company 1",
    }  # fmt: skip
    stored = _stored(piled, [company])
    assert open_checks(stored, piled) == 2
    # Both make the generate form ask: a structural suspicion, and a finding about a job.
    assert sorted(i["code"] for i in major_items(stored, piled)) == [
        "bullets_piled",
        "company_is_place",
    ]

    # The user moves the bullets back: the suspicion is computed again and is gone.
    fixed = _cv(experience=[_job(1, 4), _job(2, 4), _job(3, 4)])
    assert [i["code"] for i in open_items(stored, fixed)] == ["company_is_place"]
    # The user edits the flagged company: checked.
    fixed.experience[0].company = "Acme Logistics"
    assert open_checks(stored, fixed) == 0
    # Or says it is right: dismissed, it no longer counts either.
    dismissed = stored | {"dismissed": [item_key(company)]}
    assert [i["code"] for i in open_items(dismissed, piled)] == ["bullets_piled"]
    # An entry deleted since the import takes its items with it.
    gone = _cv(experience=[_job(2, 12), _job(3, 0), _job(4, 0)])
    assert "company_is_place" not in [i["code"] for i in open_items(stored, gone)]


def test_low_coverage_is_major_and_a_report_less_cv_counts_nothing() -> None:
    cv = _cv()
    unplaced = {
        "code": "unplaced_text", "severity": "warning", "group": "coverage",
        "values": {"count": 30, "percent": 78},
    }  # fmt: skip
    assert [i["code"] for i in major_items({"items": [unplaced]}, cv)] == ["unplaced_text"]
    nearly = unplaced | {"values": {"count": 2, "percent": 96}}
    assert major_items({"items": [nearly]}, cv) == []
    assert open_checks(None, cv) == 0


def test_unplaced_lines_leave_the_report_once_placed() -> None:
    from app.lib.parsing.report.report_live import unplaced_now

    cv = _cv()
    stored = {
        "unplaced": ["o Negotiated three supplier contracts", "Sailing, chess"],
        "unplacedCount": 2,
        "items": [
            {
                "code": "unplaced_text", "severity": "warning", "group": "coverage",
                "template": "Lines placed in no section: %(count)s (%(percent)s%% of the text "
                "was placed).", "values": {"count": 2, "percent": 80},
            }
        ],
    }  # fmt: skip
    assert unplaced_now(stored, cv) == stored["unplaced"]
    cv.experience[0].bullets.append("Negotiated three supplier contracts")
    assert unplaced_now(stored, cv) == ["Sailing, chess"]
    (item,) = open_items(stored, cv)
    assert item["values"]["count"] == 1 and item["values"]["percent"] > 80
    assert item["message"].startswith("Lines placed in no section: 1 (")
    cv.extras.interests.append("Sailing, chess")
    assert open_items(stored, cv) == []
