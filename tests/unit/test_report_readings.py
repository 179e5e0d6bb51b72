"""A PDF's two readings disagreeing on a job (app/lib/parsing/report/report_readings.py): the job
is flagged, with the other reading's names, only where the other reading dates it alike and
names it otherwise."""

from __future__ import annotations

from datetime import date

from app.domain.cvs.rules_reading import parse_two_readings
from app.lib.cv_content import CvContent, Experience, Language
from app.lib.parsing.report.import_report import build_import_report
from app.lib.parsing.report.report_live import asks_first, open_items
from app.lib.parsing.report.report_readings import READINGS_CODE, reading_disagreements

STAFF = Experience(title="Staff Nurse", company="Saint Example Hospital", start="2019", end="2022")
NIGHT = Experience(title="Night Nurse", company="Riverside Clinic", start="2016", end="2019")


def _content(*jobs: Experience) -> CvContent:
    return CvContent(experience=[job.model_copy(deep=True) for job in jobs])


def test_a_job_the_other_reading_dates_alike_and_names_otherwise_is_flagged() -> None:
    other = [STAFF, NIGHT.model_copy(update={"company": "Example Care Home"})]
    content = _content(STAFF, NIGHT)
    found = reading_disagreements(content, other)
    assert [item["itemId"] for item in found] == [content.experience[1].id]
    assert found[0]["path"] == "experience[1].company"
    assert found[0]["other"] == {"title": "Night Nurse", "company": "Example Care Home"}
    assert asks_first(found[0])


def test_the_field_that_differs_is_the_one_pointed_at() -> None:
    other = [STAFF.model_copy(update={"title": "Patient care"})]
    (item,) = reading_disagreements(_content(STAFF), other)
    assert (item["path"], item["value"]) == ("experience[0].title", "Staff Nurse")


def test_names_alike_but_for_case_and_punctuation_agree() -> None:
    other = [STAFF.model_copy(update={"title": "STAFF NURSE", "company": "Saint-Example Hospital"})]
    assert reading_disagreements(_content(STAFF), other) == []


def test_a_lost_space_a_dropped_ligature_or_a_town_after_the_name_agree() -> None:
    for title, company in [
        ("StaffNurse", "Saint Example Hospital"),
        ("Staff Nurse", "Saint Example Hospital Leeds"),
        ("Staff Nurse", "Saint Example"),
    ]:
        other = [STAFF.model_copy(update={"title": title, "company": company})]
        assert reading_disagreements(_content(STAFF), other) == []
    lifted = STAFF.model_copy(update={"title": "So ware Developer", "company": "Consul ng"})
    mine = STAFF.model_copy(update={"title": "Software Developer", "company": "Consulting"})
    assert reading_disagreements(_content(mine), [lifted]) == []


def test_a_line_the_kept_reading_placed_outside_the_job_is_no_alternative() -> None:
    content = _content(STAFF, NIGHT)
    content.languages = [Language(name="Spanish", level="C2")]
    for title in ("Night Nurse", "Spanish", "Employer"):  # another job's name, a language, a label
        other = [STAFF.model_copy(update={"title": title})]
        assert reading_disagreements(content, other) == []
    for company in ("", "P", "Staff Nurse"):  # a blank, a scrap, the job's own title
        other = [STAFF.model_copy(update={"company": company})]
        assert reading_disagreements(content, other) == []
    content.experience[0].bullets = ["Ward rounds, triage"]
    other = [STAFF.model_copy(update={"company": "Ward rounds, triage"})]
    assert reading_disagreements(content, other) == []


def test_no_twin_of_the_same_dates_says_nothing() -> None:
    moved = NIGHT.model_copy(update={"title": "Care Assistant", "start": "2015"})
    assert reading_disagreements(_content(NIGHT), [moved]) == []
    twins = [NIGHT.model_copy(update={"title": "A"}), NIGHT.model_copy(update={"title": "B"})]
    assert reading_disagreements(_content(NIGHT), twins) == []
    undated = Experience(title="Volunteer", company="Food Bank")
    renamed = undated.model_copy(update={"title": "Driver"})
    assert reading_disagreements(_content(undated), [renamed]) == []


def test_the_flag_closes_once_the_user_changes_the_field() -> None:
    content = _content(STAFF)
    other = [STAFF.model_copy(update={"title": "Patient care"})]
    report = build_import_report(
        content, None, today=date(2026, 11, 1), parser="rules", other_jobs=other
    )
    assert READINGS_CODE in [i["code"] for i in open_items(report, content)]
    content.experience[0].title = "Senior Staff Nurse"
    assert READINGS_CODE not in [i["code"] for i in open_items(report, content)]


# A two-column page: the geometric reading puts the sidebar's line between a job's title and its
# employer; the plain reading (text order) keeps the job's lines together.
GEOMETRIC = """Jane Example
Nurse

EXPERIENCE
Staff Nurse
2019 - 2022
Saint Example Hospital
Night Nurse
2016 - 2019
First Aid Certificate

EDUCATION
Bachelor of Nursing, University of Sample, 2012 - 2015
"""
PLAIN = """Jane Example
Nurse

EXPERIENCE
Staff Nurse
2019 - 2022
Saint Example Hospital
Night Nurse
2016 - 2019
Riverside Clinic

EDUCATION
Bachelor of Nursing, University of Sample, 2012 - 2015
"""


def test_the_import_keeps_the_other_reading_s_jobs_for_the_report() -> None:
    parsed = parse_two_readings(GEOMETRIC, PLAIN)
    kept = [(job.title, job.company) for job in parsed.content.experience]
    other = [(job.title, job.company) for job in parsed.other_experience]
    assert len(kept) == len(other) == 2
    assert kept != other
    assert parse_two_readings(GEOMETRIC, "").other_experience == []
    report = build_import_report(
        parsed.content,
        GEOMETRIC,
        today=date(2026, 11, 1),
        parser="rules",
        other_jobs=parsed.other_experience,
    )
    flagged = [i for i in report["items"] if i["code"] == READINGS_CODE]
    assert [(i["path"], i["other"]["company"]) for i in flagged] == [
        ("experience[1].company", "Riverside Clinic")
    ]
