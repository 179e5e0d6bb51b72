"""A name cut in two (app/lib/parsing/misreads/cut_names.py): an employer or title ending on a
joining character or word, its end read as the next line, is flagged, and the flag follows the
content (gone once the name is whole)."""

from __future__ import annotations

from datetime import date

from app.domain.cvs.open_flags import open_now
from app.lib.cv_content import CvContent, Education, Experience
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.misreads.cut_names import cut_name_findings, joiner
from app.lib.parsing.report.import_report import build_import_report
from app.lib.parsing.report.report_live import asks_first

# An "Orrin & Vale" employer printed at a line's end: the reader kept "Orrin &" as the employer
# and read "Vale Consulting." as the job's first bullet.
CUT_CV = """Mara Quillon
Data Engineer
mara.quillon@example.com | +33 6 12 34 56 78

EXPERIENCE
Data Engineer, Orrin &
• Vale Consulting.
Jan 2020 - Dec 2022
• Built data pipelines for retail clients.
• Cut report times by half.

EDUCATION
MSc Computer Science, University of Lyon, 2017

SKILLS
Python, SQL, Spark
"""


def _job(**fields: object) -> Experience:
    base: dict[str, object] = {"title": "Engineer", "company": "Brightwave Ltd", "start": "2020-01"}
    return Experience.model_validate(base | fields | {"bullets": fields.get("bullets", ["Did."])})


def test_joining_ends_are_found_and_whole_names_are_not() -> None:
    assert [joiner(v) for v in ("Orrin &", "R+", "Sales /", "Acme -", "Banque de")] == [
        "&", "+", "/", "-", "de",
    ]  # fmt: skip
    assert joiner("AG EXPERT ET") == "ET"  # a name in capitals cut on its joining word
    for whole in ("Orrin & Vale", "C++", "Portland OR", "Ernst & Young", "&", "Bac+5", ""):
        assert joiner(whole) is None, whole


def test_a_reading_that_cut_an_employer_at_an_ampersand_is_flagged() -> None:
    parsed = parse_cv_text(CUT_CV).content
    job = parsed.experience[0]
    assert job.company == "Orrin &" and job.bullets[0] == "Vale Consulting."  # the misread
    report = build_import_report(parsed, CUT_CV, today=date(2026, 11, 1), parser="rules")
    cut = [item for item in report["items"] if item["code"] == "name_cut"]
    assert [(i["path"], i["values"]["joiner"], i["samples"]) for i in cut] == [
        ("experience[0].company", "&", ["Vale Consulting."])
    ]
    assert asks_first(cut[0])  # the generate form asks while it is open
    assert report["checks"] >= 1  # never "nothing to check"

    # Fixed by the user: the flag is gone from the report as it stands now.
    job.company, job.bullets = "Orrin & Vale Consulting", job.bullets[1:]
    assert [i for i in open_now(report, parsed) if i["code"] == "name_cut"] == []


def test_titles_schools_and_bullets_cut_in_two_are_flagged() -> None:
    content = CvContent(
        experience=[
            _job(title="Head of", bullets=["Sales for Europe.", "Grew revenue."]),
            _job(bullets=["Led the R&", "D team of six.", "Shipped."]),
            _job(bullets=["Worked with sales & marketing.", "Cut costs +", ""]),
        ],
        education=[Education(institution="École des Mines de", description="Nancy")],
    )
    found = {(i["code"], i["path"]): i["samples"] for i in cut_name_findings(content)}
    assert found == {
        ("name_cut", "experience[0].title"): ["Sales for Europe."],
        ("name_cut", "education[0].institution"): ["Nancy"],
        ("bullet_cut", "experience[1].bullets"): ["D team of six."],
    }
