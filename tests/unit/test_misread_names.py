"""Name fields of a job holding something else, and the shapes a right job shares with them:
a town glued after the employer (repaired when the job has no place), a language or a student's
status where a job belongs, a bullet or an organisation as the title, a reservist's status as
the employer, a heading line in near-capitals; a contract label before a title, a junior
enterprise and a school's own employee are left alone. Synthetic CVs, invented names."""

from __future__ import annotations

from datetime import date

from app.lib.cv_content import CvContent
from app.lib.parsing.misreads.detect import misread_findings
from app.lib.parsing.misreads.glued_town import glued_town
from app.lib.parsing.misreads.repair import repair_misreads
from app.lib.parsing.misreads.shapes import reads_as_sentence
from app.lib.parsing.report.import_report import build_import_report
from app.lib.parsing.report.report_experience import experience_checks
from app.lib.parsing.report.report_live import asks_first
from tests.factories import misread_cv as _cv
from tests.factories import misread_job as _job

TODAY = date(2026, 1, 15)


def _codes(content: CvContent) -> list[str]:
    return [item["code"] for item in misread_findings(content, None)]


def _checks(content: CvContent) -> list[str]:
    return [item["code"] for item in experience_checks(content, TODAY)]


def test_a_town_glued_after_the_employer_moves_to_the_empty_place() -> None:
    cv = _cv(_job(1, company="Nordwind Optics Grenoble"), _job(2))
    assert _checks(cv) == ["company_is_place"]  # as imported, the field is flagged
    fixed = repair_misreads(cv, None)
    job = fixed.content.experience[0]
    assert (job.company, job.location) == ("Nordwind Optics", "Grenoble")
    assert [item["code"] for item in fixed.items] == ["town_unglued"]
    report = build_import_report(fixed.content, None, today=TODAY, parser="rules")
    assert not [item for item in report["items"] if asks_first(item)]
    # The place already naming that town: the town only leaves the employer.
    placed = repair_misreads(_cv(_job(1, company="Nordwind Rennes", location="Rennes, France")),
                             None).content.experience[0]  # fmt: skip
    assert (placed.company, placed.location) == ("Nordwind", "Rennes, France")


def test_names_holding_their_town_on_purpose_stay_as_they_are() -> None:
    assert glued_town("Mairie de Rennes") is None  # "… de Town"
    assert glued_town("Université Grenoble") is None  # an organisation's word
    assert glued_town("Nordwind France") is None  # a country: a subsidiary
    assert glued_town("Nordwind") is None
    for company, location in [("Nordwind Grenoble", "Lyon"), ("Rennes Grenoble", ""),
                              ("Stagiaire Grenoble", "")]:  # fmt: skip
        job = repair_misreads(_cv(_job(1, company=company, location=location)), None)
        assert job.content.experience[0].company == company and job.items == []


def test_a_language_as_the_employer_is_a_line_of_the_languages_list() -> None:
    assert _codes(_cv(_job(1, title="Event hostess", company="Espagnol"), _job(2))) == [
        "name_is_scrap"
    ]
    assert _codes(_cv(_job(1, company="Nordwind Languages"), _job(2))) == []


def test_a_bullet_of_managing_a_team_as_the_employer_is_a_sentence() -> None:
    assert reads_as_sentence("Management d'une équipe de 12 techniciens", employer=True)
    assert reads_as_sentence("Encadrement des équipes de nuit", employer=True)
    assert not reads_as_sentence("Management Solutions Group", employer=True)


def test_a_title_of_lowercase_words_naming_no_job_is_a_line_of_the_description() -> None:
    assert reads_as_sentence("Accueil et orientation des clients selon leur demande")
    job = _job(1, title="Accueil et orientation des clients selon leur demande")
    assert _codes(_cv(job, _job(2))) == ["name_is_sentence"]
    # A title naming a job may be long and lowercase.
    assert not reads_as_sentence("Chargée de développement commercial et marketing digital")
    assert not reads_as_sentence("Technicienne de maintenance des équipements frigorifiques")


def test_a_contract_label_before_a_title_is_no_sentence() -> None:
    title = "Internship: Design of a pressure test bench for hydraulic pumps"
    assert not reads_as_sentence(title)
    assert _codes(_cv(_job(1, title=title), _job(2))) == []
    # Any other label over eight words is a line of the description.
    assert reads_as_sentence("Context: the team rebuilt the billing platform for the bank")


def test_an_entry_that_calls_its_title_a_study_is_no_job() -> None:
    study = _job(1, title="Ingénieur généraliste", company="Nordwind Institute",
                 start="2021-09", end="2024-06",
                 description="Élève ingénieur généraliste, option énergie")  # fmt: skip
    assert _codes(_cv(study, _job(2))) == ["entry_not_a_job"]
    # A job whose description speaks of students is a job.
    mentor = _job(1, title="Lab technician",
                  description="Trained each student lab technician of the team")  # fmt: skip
    assert _codes(_cv(mentor, _job(2))) == []


def test_a_school_that_employs_the_person_is_no_study_read_twice() -> None:
    education = [{"id": "edu_1", "institution": "Nordwind Design School", "degree": "Mastère",
                  "start": "2022", "end": "2024"}]  # fmt: skip
    worker = _job(1, title="Full-stack developer", company="Nordwind Design School",
                  start="2022-03", end="2022-08")  # fmt: skip
    assert _codes(_cv(worker, _job(2), education=education)) == []
    study = _job(1, title="Ingénieur informatique", company="Nordwind Design School",
                 start="2022-09")  # fmt: skip
    assert _codes(_cv(study, _job(2), education=education)) == ["entry_not_a_job"]


def test_an_organisation_or_a_status_in_the_wrong_field_reads_as_swapped() -> None:
    theatre = _job(1, title="Compagnie de théâtre", company="Secours Nordique")
    reservist = _job(1, title="Armée de Terre", company="RÉSERVISTE")
    for job in (theatre, reservist):
        assert "fields_swapped" in _checks(_cv(job, _job(2)))
    # Titles that open with where the job is done name the job too.
    for title in ("Hotel receptionist", "Restaurant manager", "Laboratory technician"):
        assert _checks(_cv(_job(1, title=title, company="Grand Nord"), _job(2))) == []


def test_a_junior_enterprise_is_an_employer_not_a_rank() -> None:
    junior = _job(1, title="Intervenante", company="Junior Conseil Nordique")
    assert _checks(_cv(junior, _job(2))) == []
    # The rank alone, or beside a role, where the employer goes: the fields are swapped.
    for company in ("Junior", "Senior Consultant"):
        rank = _job(1, title="Nordwind Partners", company=company)
        assert "fields_swapped" in _checks(_cv(rank, _job(2)))


def test_a_heading_line_in_near_capitals_heads_the_description() -> None:
    jobs = [
        _job(1, title="FiELD TECHNiCiAN", company="Nordwind"),
        _job(2, title="SiTE SUPERViSOR", company="Harbour Tools"),
        _job(3, title="RESEARCHER", company="Example Institute",
             description="ViSiTiNG ENGiNEER — Radar group\nBuilt the antenna test bench."),
    ]  # fmt: skip
    found = misread_findings(_cv(*jobs), None)
    assert [(f["code"], f["itemId"]) for f in found] == [("heading_in_description", "exp_3")]


def test_an_organisation_hosted_by_another_is_no_swapped_place() -> None:
    hosted = _job(1, company="Nordwind Lab", location="Université de Rennes, France")
    assert _checks(_cv(hosted, _job(2))) == []
    swapped = _job(1, company="Nordwind", location="Université de Rennes, France")
    assert _checks(_cv(swapped, _job(2))) == ["location_is_company"]


def test_an_employer_and_its_town_filed_as_a_skill_is_a_job_heading() -> None:
    skills = [{"name": "Python"}, {"name": "Example Stores - Springfield 59200"}]
    found = misread_findings(_cv(skills=skills), None)
    assert [(f["code"], f["path"]) for f in found] == [("list_holds_heading", "skills")]
    assert asks_first(found[0])
    # A skill with its detail, a school and its town: no postcode, no job's heading.
    fine = [{"name": "Python - Django"}, {"name": "Epitech – Lyon"}, {"name": "Anglais - C1"}]
    assert misread_findings(_cv(skills=fine), None) == []
