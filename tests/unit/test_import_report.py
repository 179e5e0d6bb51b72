"""The import report (app/lib/parsing/report/import_report.py) on synthetic CVs: lost lines, entries
without company/title/dates, suspicious values, text-layer problems, unrecognised sections."""

from __future__ import annotations

from datetime import date

from app.lib.cv_content import CvContent, Education, Experience, Header, Skill
from app.lib.parsing.report.import_report import build_import_report, things_to_check
from app.lib.parsing.report.report_coverage import coverage

TODAY = date(2026, 6, 15)

SOURCE = """Jeanne Exemple
jeanne.exemple@example.org | +33 6 11 22 33 44 | linkedin.com/in/jeanne-exemple
Née le 01/02/1990 · Permis B

EXPÉRIENCE PROFESSIONNELLE
Cheffe de rayon — Boulangerie Fictive
janv. 2020 - mars 2022
• Gestion des commandes fournisseurs
• Animation d'une équipe de quatre vendeurs
• Mise en place d'un inventaire tournant hebdomadaire

COMPÉTENCES
Encaissement, Merchandising, Inventaire
"""


def _content(**changes: object) -> CvContent:
    job = Experience(
        title="Cheffe de rayon",
        company="Boulangerie Fictive",
        start="2020-01",
        end="2022-03",
        bullets=["Gestion des commandes fournisseurs", "Animation d'une équipe de quatre vendeurs"],
    )
    content = CvContent(
        header=Header(name="Jeanne Exemple"),
        experience=[job],
        skills=[Skill(name=n) for n in ("Encaissement", "Merchandising", "Inventaire")],
    )
    content.header.contact.email = "jeanne.exemple@example.org"
    return content.model_copy(update=changes)


def _report(content: CvContent, text: str | None = SOURCE, **more: object) -> dict:
    return build_import_report(content, text, today=TODAY, parser="rules", **more)  # type: ignore[arg-type]


def _codes(report: dict) -> list[str]:
    return [item["code"] for item in report["items"]]


def test_a_lost_bullet_is_listed_as_unplaced_text_and_nothing_else_is() -> None:
    report = _report(_content())
    # Headings, bullet marks, contact and personal-detail lines and dates written in words are
    # not lost text.
    assert report["unplaced"] == ["Mise en place d'un inventaire tournant hebdomadaire"]
    assert report["unplacedCount"] == 1
    assert 0.7 < report["placedShare"] < 1
    item = next(i for i in report["items"] if i["code"] == "unplaced_text")
    assert item["group"] == "coverage" and item["severity"] == "warning"
    assert item["values"]["count"] == 1
    assert report["checks"] == 1


def test_a_complete_import_has_nothing_to_check() -> None:
    content = _content()
    content.experience[0].bullets.append("Mise en place d'un inventaire tournant hebdomadaire")
    report = _report(content)
    assert report["unplaced"] == [] and report["placedShare"] == 1.0
    assert report["items"] == [] and report["checks"] == 0


def test_a_line_whose_words_are_scattered_over_several_items_is_still_lost() -> None:
    text = "EXPERIENCE\nTeam lead at Nowhere Ltd\nLondon Paris Berlin Madrid offices\n"
    content = CvContent(
        experience=[
            Experience(title="Team lead", company="Nowhere Ltd", location="London"),
            Experience(title="Clerk", company="Other Co", location="Paris"),
            Experience(title="Agent", company="Third Co", location="Berlin"),
        ]
    )
    found = coverage(text, content)
    assert found.unplaced == ["London Paris Berlin Madrid offices"]


def test_entries_without_company_title_or_dates_point_at_their_field() -> None:
    job = Experience(title="", company="", bullets=["Did things"])
    report = _report(_content(experience=[job]), None)
    by_code = {item["code"]: item for item in report["items"]}
    assert by_code["missing_title"]["path"] == "experience[0].title"
    assert by_code["missing_company"]["path"] == "experience[0].company"
    assert by_code["missing_dates"]["path"] == "experience[0].start"
    assert by_code["missing_company"]["itemId"] == job.id
    assert by_code["missing_company"]["value"] == ""
    assert all(item["group"] == "entries" for item in report["items"])


def test_suspicious_entries_are_reported() -> None:
    sentence = "Responsible for customer orders. Trained the new staff"
    jobs = [
        Experience(title="Cashier", company="Shop One", start="2021-05", end="2019-02"),
        Experience(title="Cashier", company="Lyon, France", start="2027-01"),
        Experience(title=sentence, company="Shop Two", start="2018"),
        Experience(title="Cashier", company="Shop One", start="2021-05", end="2019-02"),
        Experience(title="Clerk", company="Shop 2015", start="2015"),
    ]
    report = _report(_content(experience=jobs), None)
    found = {(item["code"], item.get("path")) for item in report["items"]}
    assert ("dates_reversed", "experience[0].end") in found
    assert ("company_is_place", "experience[1].company") in found
    assert ("future_date", "experience[1].start") in found
    assert ("title_sentence", "experience[2].title") in found
    assert ("duplicate_entry", "experience[3]") in found
    assert ("company_has_date", "experience[4].company") in found


def test_an_employer_naming_its_place_on_purpose_is_not_a_place() -> None:
    jobs = [
        Experience(title="Intern", company="Acme Freight Montreal", start="2021"),  # glued on
        Experience(title="Intern", company="Service des Parcs de Strasbourg", start="2020"),
        Experience(title="Intern", company="Kelvane Bank CI (Head office), CI", start="2019"),
        Experience(title="Intern", company="Lyon, France", start="2018"),
    ]
    report = _report(_content(experience=jobs), None)
    flagged = {item["path"] for item in report["items"] if item["code"] == "company_is_place"}
    assert flagged == {"experience[0].company", "experience[3].company"}


def test_misread_fields_are_reported_on_the_field_they_concern() -> None:
    jobs = [
        Experience(title="Present Night receptionist", company="Hotel Nowhere", start="2022"),
        Experience(title="Waiter", company="6 months", start="2021"),
        Experience(title="Imaginary Clinic", company="Nurse", start="2020"),
        Experience(title="Cook", company="Tastyplace", location="Grand Hotel Example"),
        Experience(title="Vendeur", company="Boutique Exemple", start="2018", end="2019",
                   bullets=["Caisse et conseil", "Magasinier, mars 2016 - juin 2017"]),
        Experience(title="Driver", company="\ue00c", start="2017"),
        Experience(title="Clerk", company="& continuous improvement team", start="2016"),
        Experience(title="and payroll follow-up", company="Firm", start="2015"),
    ]  # fmt: skip
    report = _report(_content(experience=jobs), None)
    found = {(item["code"], item.get("path")) for item in report["items"]}
    assert ("title_has_date", "experience[0].title") in found
    assert ("company_has_date", "experience[1].company") in found
    assert ("fields_swapped", "experience[2].title") in found
    assert ("location_is_company", "experience[3].location") in found
    assert ("merged_entries", "experience[4]") in found
    assert ("missing_company", "experience[5].company") in found  # an icon glyph is no name
    assert ("company_fragment", "experience[6].company") in found
    assert ("title_fragment", "experience[7].title") in found
    merged = next(i for i in report["items"] if i["code"] == "merged_entries")
    assert merged["samples"] == ["Magasinier, mars 2016 - juin 2017"]


def test_a_company_that_is_the_place_of_another_entry_is_a_place() -> None:
    jobs = [
        Experience(title="Clerk", company="Smalltown", start="2020"),
        Experience(title="Clerk", company="Shop Two", location="Smalltown", start="2019"),
    ]
    found = {(i["code"], i.get("path")) for i in _report(_content(experience=jobs), None)["items"]}
    assert ("company_is_place", "experience[0].company") in found


def test_projects_that_look_like_jobs_are_reported() -> None:
    from app.lib.cv_content import Project

    projects = [
        Project(name="Example Consulting Group", bullets=["Audits"]),
        Project(name="Data pipeline", description="2019 - 2021 at a retailer"),
        Project(name="Chess engine"),
    ]
    report = _report(_content(projects=projects), None)
    item = next(i for i in report["items"] if i["code"] == "projects_look_like_jobs")
    assert item["path"] == "projects" and item["values"]["count"] == 2


def test_a_planned_end_date_is_not_suspicious_but_one_years_ahead_is() -> None:
    soon = Experience(title="Apprentice", company="Shop", start="2025-09", end="2027-08")
    far = Experience(title="Apprentice", company="Shop", start="2025-09", end="2031-08")
    assert "future_date" not in _codes(_report(_content(experience=[soon]), None))
    assert "future_date" in _codes(_report(_content(experience=[far]), None))


def test_header_and_education_checks() -> None:
    content = _content(header=Header(), education=[Education(degree="Master of Things")])
    report = _report(content)
    by_code = {item["code"]: item for item in report["items"]}
    assert by_code["missing_name"]["path"] == "header.name"
    assert by_code["missing_email"]["path"] == "header.contact.email"
    assert by_code["missing_school"]["path"] == "education[0].institution"


def test_no_experience_and_a_list_section_holding_dated_lines() -> None:
    content = CvContent(
        extras={"interests": ["Chess", "Sales assistant 2019 - 2020", "Waiter 2018"]},  # type: ignore[arg-type]
    )
    codes = _codes(_report(content, None))
    assert "no_experience" in codes and "dated_list_items" in codes


def test_text_layer_problems_become_items_and_only_warnings_count() -> None:
    problems = {"doubled_chars": 3, "page_furniture": 2, "mystery": 1, "glued_words": 0}
    report = _report(_content(experience=_content().experience), None, text_problems=problems)
    text_items = {i["code"]: i for i in report["items"] if i["group"] == "text"}
    assert set(text_items) == {"text_doubled_chars", "text_page_furniture", "text_mystery"}
    assert text_items["text_page_furniture"]["severity"] == "info"
    assert text_items["text_mystery"]["values"] == {"count": 1, "problem": "mystery"}
    assert report["checks"] == things_to_check(report["items"]) == 2


def test_unknown_sections_are_reported_once_with_their_lines() -> None:
    text = SOURCE + "\nMOTIVATIONS DIVERSES\nAider les autres\nVoyager loin\n"
    unknown = [("MOTIVATIONS DIVERSES", ["Aider les autres", "Voyager loin", ""])]
    content = _content()
    content.experience[0].bullets.append("Mise en place d'un inventaire tournant hebdomadaire")
    report = _report(content, text, unknown_sections=unknown)
    item = next(i for i in report["items"] if i["code"] == "unknown_section")
    assert item["group"] == "sections"
    assert item["values"] == {"heading": "MOTIVATIONS DIVERSES", "count": 2}
    assert item["samples"] == ["Aider les autres", "Voyager loin"]
    assert report["unplaced"] == []  # listed with their section, not twice


def test_lines_the_parser_could_not_place_are_merged_without_duplicates() -> None:
    lost = "Mise en place d'un inventaire tournant hebdomadaire"
    report = _report(_content(), parser_unplaced=[lost, "  Une ligne  orpheline "])
    assert report["unplaced"] == [lost, "Une ligne orpheline"]


def test_without_source_text_only_the_structure_is_checked() -> None:
    report = _report(_content(), None)
    assert report["placedShare"] is None and report["unplaced"] == []
    assert report["items"] == []


def test_the_report_reads_llm_output_the_same_way() -> None:
    """No parser data at all (the LLM path): the lost bullet is still found."""
    report = build_import_report(_content(), SOURCE, today=TODAY, parser="llm")
    assert report["parser"] == "llm"
    assert report["unplaced"] == ["Mise en place d'un inventaire tournant hebdomadaire"]
