"""Job-level misread shapes the review flags before "Generate" (app/lib/parsing/misreads/): a
job's heading line left in its description, a field holding another field's words, one job read
as two entries, a job's lines filed into a list or under a degree, a job's dates placed nowhere.
Each on synthetic text of its shape, with a correct CV of the same layout left alone; every flag
makes the generate form ask (``asks_first``) but a field holding another field's words, told."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.parsing.misreads.detect import misread_findings
from app.lib.parsing.misreads.lost_dates import month_line
from app.lib.parsing.misreads.shapes import reads_as_heading, reads_as_scrap, reads_as_sentence
from app.lib.parsing.report.import_report import build_import_report
from app.lib.parsing.report.report_live import asks_first
from tests.factories import misread_cv as _cv
from tests.factories import misread_job as _job


def _found(content: CvContent) -> list[dict[str, Any]]:
    return misread_findings(content, None)


def _codes(content: CvContent) -> list[str]:
    return [item["code"] for item in _found(content)]


def test_a_title_under_a_bare_contract_is_a_heading_line() -> None:
    under = _job(1, title="STAGIAIRE", description="Data engineer, pricing team")
    found = _found(_cv(under, _job(2)))
    assert [f["code"] for f in found] == ["heading_in_description"]
    assert found[0]["itemId"] == "exp_1" and asks_first(found[0])
    # A contract as the title over a sentence, or a place, is a job told in full.
    told = _job(1, title="Stagiaire", description="Built the pricing dashboards in Python.")
    placed = _job(1, title="Stagiaire", description="Lyon")
    assert _codes(_cv(told, _job(2))) == [] and _codes(_cv(placed, _job(2))) == []


def test_an_employer_and_its_place_after_the_contract_is_a_heading_line() -> None:
    job = _job(1, company="Resilio", description="alternance — Harbour Tools, Toulouse")
    assert _codes(_cv(job, _job(2))) == ["heading_in_description"]
    # The contract alone under the heading is how CVs write it.
    alone = _job(1, company="Harbour Tools", description="alternance")
    assert _codes(_cv(alone, _job(2))) == []


def test_a_title_with_its_duration_is_a_heading_line() -> None:
    job = _job(1, title="Fleet operator", description="Night shift supervisor — 9 months")
    assert _codes(_cv(job, _job(2))) == ["heading_in_description"]
    contract = _job(1, title="Fleet operator", description="CDD — 9 months")
    assert _codes(_cv(contract, _job(2))) == []


def test_a_line_in_capitals_where_the_cv_prints_its_headings_so() -> None:
    jobs = [
        _job(1, title="FORKLIFT DRIVER", company="NORDLICHT FOODS", description="WAREHOUSE LEAD"),
        _job(2, title="CASHIER", company="MARKET HALL"),
        _job(3, title="PACKER", company="HARBOUR TOOLS", description="BORDEAUX"),
    ]
    found = _found(_cv(*jobs))
    assert [(f["code"], f["itemId"]) for f in found] == [("heading_in_description", "exp_1")]
    # The same line in a CV whose headings are not in capitals says nothing.
    plain = [_job(n, description="WAREHOUSE LEAD") for n in (1, 2, 3)]
    assert _codes(_cv(*plain)) == []


def test_a_title_running_on_into_the_description_is_a_heading_line() -> None:
    job = _job(1, title="Claims officer", description="disputed files and refunds, with the\n"
               "legal team of the branch.")  # fmt: skip
    assert _codes(_cv(job, _job(2))) == ["heading_in_description"]
    sentence = _job(1, description="settled the disputed files of the branch in a week.")
    assert _codes(_cv(sentence, _job(2))) == []


def test_a_title_holding_the_employer_line_and_its_place() -> None:
    job = _job(1, title="Self-employed, Springfield, IL — Web Designer", company="site.example")
    found = _found(_cv(job, _job(2)))
    assert [f["code"] for f in found] == ["title_holds_place"]
    assert found[0]["path"] == "experience[0].title"
    # Told beside the field, not asked before "Generate" (misplaced_fields._finding).
    assert found[0]["severity"] == "info" and not asks_first(found[0])
    assert _codes(_cv(_job(1, title="Designer — Mobile apps, web"), _job(2))) == []


def test_an_employer_naming_only_a_kind_of_organisation() -> None:
    assert _codes(_cv(_job(1, company="AGENCE"), _job(2))) == ["company_is_generic"]
    assert _codes(_cv(_job(1, company="Cabinet"), _job(2))) == ["company_is_generic"]
    assert _codes(_cv(_job(1, company="Agence Lumen"), _job(2))) == []
    assert _codes(_cv(_job(1, company="Studio 9"), _job(2))) == []


def test_a_place_holding_a_title_or_a_scrap() -> None:
    titled = _job(1, location="Lisbon, Claims Associate@ Acme")
    assert _codes(_cv(titled, _job(2))) == ["location_not_place"]
    assert _codes(_cv(_job(1, location="etc."), _job(2))) == ["location_not_place"]
    for place in ("Lyon, France", "france", "Remote"):
        assert _codes(_cv(_job(1, location=place), _job(2))) == []


def test_a_job_whose_lines_or_end_date_went_to_a_headless_entry() -> None:
    empty = _job(1, title="Bookkeeper", company="Corner Shop", bullets=[])
    headless = _job(2, title="Reconciled the accounts of the three stores every month",
                    company="Prepared the payroll for the staff of the stores")  # fmt: skip
    found = [f for f in _found(_cv(empty, headless)) if f["code"] == "entry_split"]
    assert [f["itemId"] for f in found] == ["exp_1"] and asks_first(found[0])
    # Each with one month, the second later and with no heading: one range cut in two.
    first = _job(1, title="Developer", company="Harbour Tools", start="2022-12", end="2022-12")
    second = _job(2, title="Redesign of the booking pages", company="written in Kotlin for",
                  start="2024-10", end="2024-10")  # fmt: skip
    assert "entry_split" in _codes(_cv(first, second))
    # A language line read as an entry after a job without lines took that job's dates.
    language = _job(2, title="Italien", company="Intermédiaire", start="2004", end=None,
                    bullets=[])  # fmt: skip
    found = [f for f in _found(_cv(empty, language)) if f["code"] == "entry_split"]
    assert [f["itemId"] for f in found] == ["exp_1"]
    # Two short jobs one after the other, each with its heading, are two jobs.
    summer = _job(2, title="Cashier", company="Market Hall", start="2024-08", end="2024-08")
    assert "entry_split" not in _codes(_cv(first | {"start": "2024-07", "end": "2024-07"}, summer))


def test_date_ranges_alone_in_a_list_section() -> None:
    cv = _cv(extras={"interests": ["Chess", "Warehouse assistant", "may 2017 - aug 2017"]})
    found = [f for f in _found(cv) if f["code"] == "list_holds_dates"]
    assert [f["path"] for f in found] == ["extras.interests"] and asks_first(found[0])
    awards = {"awards": [{"id": "x1", "name": "Stock room", "date": "Mar 2015 - Aug 2018"}]}
    assert "list_holds_dates" in _codes(_cv(extras=awards))
    # An activity with its years, a prize with its day: what such lists hold.
    fine = {"interests": ["Chess club treasurer, 2018 – 2023", "2016 - 2019"],
            "awards": [{"id": "x1", "name": "Best poster", "date": "2021-06"}]}  # fmt: skip
    assert _codes(_cv(extras=fine)) == []


def test_a_degree_holding_a_job_heading() -> None:
    bank = {"id": "edu_1", "degree": "Senior Account Executive", "institution": "Example Bank"}
    assert _codes(_cv(education=[bank])) == ["education_holds_job"]
    subject = {"id": "edu_1", "degree": "2008", "institution": "Example University",
               "field": "Regional Sales Manager"}  # fmt: skip
    assert _codes(_cv(education=[subject])) == ["education_holds_job"]
    at = {"id": "edu_1", "degree": "BBA", "description": "Lisbon — Claims Associate@ Acme"}
    assert _codes(_cv(education=[at])) == ["education_holds_job"]
    mail = {"id": "edu_1", "degree": "BBA", "description": "Contact: associate@example.org"}
    assert _codes(_cv(education=[mail])) == []
    # A job's heading among the cells of a printed line ("Employer — Role").
    cells = {"id": "edu_1", "degree": "BA Economics", "institution": "Example College",
             "description": "TOWN HALL — Assistant to the facilities team"}  # fmt: skip
    assert _codes(_cv(education=[cells])) == ["education_holds_job"]
    # Degrees named after the job they train for, a course with its contract, a school's role.
    for degree in ("BTS Assistant de manager", "Cycle ingénieur", "Doctor of Medicine",
                   "Développeur web", "Teaching Assistant for Databases"):  # fmt: skip
        study = {"id": "edu_1", "degree": degree, "institution": "Acme"}
        assert _codes(_cv(education=[study])) == []


def test_a_month_date_placed_nowhere_in_a_year_only_job() -> None:
    job = _job(1, title="Lab intern", company="Harbour Tools", start="2022", end="2023")
    source = "Lab intern\nHarbour Tools\n2022 - 2023\napr 2022 (6 weeks)\n"
    cv = _cv(job)
    report = build_import_report(cv, source, today=date(2026, 6, 1), parser="rules")
    found = [i for i in report["items"] if i["code"] == "dates_unplaced"]
    assert [f["itemId"] for f in found] == ["exp_1"] and asks_first(found[0])
    dated = _cv(job | {"start": "2022-04"})
    report = build_import_report(dated, source, today=date(2026, 6, 1), parser="rules")
    assert "dates_unplaced" not in [i["code"] for i in report["items"]]
    # A range placed nowhere holds two dates: another entry's, not this job's start.
    assert month_line("avr. 2021 (6 semaines)") == "2021"
    assert month_line("apr 2022 - jun 2022") is None
    ranged = source.replace("apr 2022 (6 weeks)", "apr 2022 - jun 2022")
    report = build_import_report(cv, ranged, today=date(2026, 6, 1), parser="rules")
    assert "dates_unplaced" not in [i["code"] for i in report["items"]]


def test_sharpened_name_shapes() -> None:
    # A skills list's heading, a deed "of" something, a joined heading in capitals as a title.
    assert _codes(_cv(_job(1, title="Outils et langages"), _job(2))) == ["name_is_scrap"]
    assert _codes(_cv(_job(1, title="Software architect"), _job(2))) == []
    assert reads_as_sentence("Development of a billing module for the shop")
    assert not reads_as_sentence("Head of Implementation")
    assert reads_as_heading("A WARDS AND C OURSES")
    assert not reads_as_heading("Research and Development")
    # A French phrase of lowercase words as the employer; an organisation names what it is.
    phrase = "Analyse statistique des données de mobilité dans les zones urbaines"
    assert reads_as_sentence(phrase, employer=True)
    assert not reads_as_sentence("Ministère de l'économie et des finances", employer=True)
    # A common word the word list holds without its accents.
    assert reads_as_scrap("rencontrée")


def test_a_course_at_the_school_read_as_a_degree_name_is_no_job() -> None:
    course = _job(1, title="Spreadsheet modelling course", company="Example University",
                  start="2025", end="2025")  # fmt: skip
    education = [{"id": "edu_1", "degree": "Example University"}]
    assert "entry_not_a_job" in _codes(_cv(course, _job(2), education=education))
    assert "entry_not_a_job" not in _codes(_cv(course, _job(2)))
