"""A job the PDF's other reading has and the kept one lost (app/lib/parsing/report/
report_missed_jobs.py): flagged where its words stand in the kept reading, with the job offered;
a role inside a kept job, a degree's line and a scrap the other reading took for a job are not.
Synthetic readings; the offer added by the review's fix and closing the flag."""

from __future__ import annotations

from datetime import date

from app.domain.cvs.fixes import add_job
from app.lib.cv_content import CvContent, Education, Experience
from app.lib.parsing.report.import_report import build_import_report
from app.lib.parsing.report.report_live import asks_first, open_items
from app.lib.parsing.report.report_missed_jobs import MISSED_JOB_CODE, missed_jobs

NURSE = Experience(
    title="Staff Nurse", company="Saint Example Hospital", start="2019-03", end="2022-06",
    bullets=["Cared for twelve patients a shift."],
)  # fmt: skip
# The kept reading ran the next job's lines into the nurse's description.
MERGED = NURSE.model_copy(
    update={
        "description": "Care Assistant\nRiverside Care Home\nHelped residents day and night.",
    }
)
CARE = Experience(
    title="Care Assistant", company="Riverside Care Home", start="2016-09", end="2019-02"
)


def _content(*jobs: Experience) -> CvContent:
    return CvContent(experience=[job.model_copy(deep=True) for job in jobs])


def test_a_job_the_kept_reading_ran_into_another_is_flagged_there_and_offered() -> None:
    content = _content(MERGED)
    (item,) = missed_jobs(content, [NURSE, CARE], [])
    assert item["code"] == MISSED_JOB_CODE and asks_first(item)
    assert (item["path"], item["itemId"]) == ("experience[0]", content.experience[0].id)
    assert item["offer"] == {
        "title": "Care Assistant", "company": "Riverside Care Home", "location": "",
        "start": "2016-09", "end": "2019-02", "current": False,
    }  # fmt: skip
    assert "Riverside Care Home" in item["message"] and "2016-09 – 2019-02" in item["message"]


def test_a_job_among_the_unplaced_lines_is_flagged_with_them() -> None:
    content = _content(NURSE)
    lines = ["Care Assistant, Riverside Care Home", "Sept 2016 - Feb 2019", "Cooking club"]
    (item,) = missed_jobs(content, [NURSE, CARE], lines)
    assert (item["path"], item["itemId"], item["value"]) == ("experience", None, 1)
    assert item["samples"] == ["Care Assistant, Riverside Care Home"]
    assert asks_first(item)


def test_an_associate_is_a_job_title_where_the_kept_reading_placed_no_degree() -> None:
    associate = CARE.model_copy(update={"title": "Process Associate", "company": "Northwind"})
    found = missed_jobs(_content(NURSE), [NURSE, associate], ["Process Associate Northwind"])
    assert [item["offer"]["title"] for item in found] == ["Process Associate"]


def test_a_role_change_inside_a_kept_job_is_no_missed_job() -> None:
    kept = Experience(
        title="Engineer", company="Acme Systems", start="2015-01", end="2022-12",
        description="Senior Engineer\nAcme Systems\nLed the platform team.",
    )  # fmt: skip
    role = Experience(
        title="Senior Engineer", company="Acme Systems", start="2019-01", end="2022-12"
    )
    assert missed_jobs(_content(kept), [role], []) == []


def test_lines_the_kept_reading_read_as_a_degree_are_no_missed_job() -> None:
    content = _content(NURSE)
    content.education = [
        Education(degree="Teaching Fellow", institution="Example University", start="2014")
    ]
    fellow = Experience(
        title="Teaching Fellow", company="Example University", start="2014", end="2015"
    )
    assert missed_jobs(content, [NURSE, fellow], ["Teaching Fellow Example University"]) == []


def test_scraps_and_sentences_the_other_reading_took_for_jobs_are_not_offered() -> None:
    lines = ["Inducted as helping them learn", "Writing Club busy while parents were away"]
    scraps = [
        Experience(title="Inducted", company="as helping them learn", start="2021", end="2021"),
        Experience(title="Writing Club", company="busy while parents were away", start="2018"),
        Experience(title="Né", company="AGE", start="2005-12"),
        Experience(title="", company="Membre Kaps", start="2023"),
    ]
    assert missed_jobs(_content(NURSE), [NURSE, *scraps], lines) == []


def test_a_job_the_kept_reading_dates_alike_is_no_missed_job() -> None:
    other = NURSE.model_copy(update={"company": "Saint Example"})
    assert missed_jobs(_content(MERGED), [other], []) == []


def test_the_import_report_flags_it_and_the_offer_added_closes_it() -> None:
    content = _content(MERGED)
    text = "Staff Nurse\nSaint Example Hospital\nCare Assistant\nRiverside Care Home"
    report = build_import_report(
        content, text, today=date(2026, 11, 1), parser="rules", other_jobs=[NURSE, CARE]
    )
    items = [i for i in report["items"] if i["code"] == MISSED_JOB_CODE]
    assert len(items) == 1
    assert [i["code"] for i in open_items(report, content) if i["code"] == MISSED_JOB_CODE]
    added = add_job(content, items[0]["offer"])
    assert added is not None
    assert [(j.title, j.start) for j in added.experience] == [
        ("Staff Nurse", "2019-03"), ("Care Assistant", "2016-09")
    ]  # fmt: skip
    assert not [i for i in open_items(report, added) if i["code"] == MISSED_JOB_CODE]


def test_an_offer_naming_no_job_adds_nothing() -> None:
    assert add_job(_content(NURSE), None) is None
    assert add_job(_content(NURSE), {"title": "Care Assistant"}) is None  # no start
