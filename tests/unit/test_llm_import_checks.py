"""Per-entry checks of an LLM's CV extraction: dates as written, titles apart from companies,
no description repeating its bullets (synthetic CVs, FR and EN)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.lib.cv_content import CvContent
from app.lib.parsing.dates.written_dates import WrittenDates
from app.lib.parsing.entries.entry_checks import match_entries, separate, without_repeats
from app.lib.parsing.model_import.verify import SourceText, check_cv
from app.lib.parsing.report.import_report import build_import_report

WRITTEN = """Stage juin-août 2019 ; contrat signé le 04/11/2018
Engineer, Feb 22 - Dec 23 | Projet 2012 | Été 2016
Born 1er mars 1990 — April 11, 2015 — 2017-05-09 — avril 2021 – présent — 09/2014
"""


@pytest.mark.parametrize(
    ("value", "supported", "written_part"),
    [
        ("2021", True, "2021"),
        ("2021-04", True, "2021-04"),  # "avril 2021"
        ("2021-04-11", False, "2021-04"),  # only the month is written
        ("2012", True, "2012"),
        ("2012-01", False, "2012"),  # "2012" alone says no month
        ("2012-01-01", False, "2012"),
        ("2016-07", False, "2016"),  # a season is a year, not a month
        ("2019-06", True, "2019-06"),  # a range start borrowing its end's year
        ("2019-07", False, "2019"),
        ("2022-02", True, "2022-02"),  # two-digit years inside a range
        ("2023-12", True, "2023-12"),
        ("2018-11-04", True, "2018-11"),  # 04/11/2018, day first
        ("2018-04-11", True, "2018-04"),  # 04/11/2018, month first
        ("1990-03-01", True, "1990-03"),
        ("2015-04-11", True, "2015-04"),
        ("2017-05-09", True, "2017-05"),
        ("2014-09", True, "2014-09"),
        ("2020", False, None),
        ("2020-13", False, None),
        ("April 2021", False, None),  # not a normalised value
    ],
)
def test_a_date_is_supported_only_at_the_precision_written(
    value: str, supported: bool, written_part: str | None
) -> None:
    dates = WrittenDates(WRITTEN)
    assert dates.supports(value) is supported
    assert dates.written_part(value) == written_part


def test_a_month_and_its_year_on_two_lines_are_read_together() -> None:
    # A sentence wrapped before the year, and a date column cut across two lines of a page.
    dates = WrittenDates(
        "Vendeuse chez Boutique Exemple de septembre\n2020 à août 2023\n"
        "Mars - Sept\tStage Data · 6 mois\n2024\tEntreprise Exemple · Lille"
    )
    assert dates.supports("2020-09") and dates.supports("2023-08")
    assert dates.supports("2024-03") and dates.supports("2024-09")
    assert not dates.supports("2024-04")


def test_apostrophes_and_quotes_do_not_matter() -> None:
    assert SourceText("Hôtesse d’accueil - Salon Exemple").has("Hôtesse d'accueil")


def test_a_name_wrapped_around_a_date_column_is_written_whole() -> None:
    """A PDF's reading puts a right-aligned date cell after the first line of a degree wrapped
    over two lines: the degree is written around it, not a value the file lacks."""
    source = SourceText(
        "Formation\nDiplôme National d’Ingénieur en Sciences\tSept 2009 — Juin 2012\n"
        "Appliquées et technologiques\nInstitut Supérieur d'Informatique\n"
    )
    assert source.has("Diplôme National d'Ingénieur en Sciences Appliquées et technologiques")
    # Only a cell holding a year is set aside: words of other cells still stand where they are.
    tabbed = SourceText("Chef de projet\tLyon\nAcme Conseil\n")
    assert not tabbed.has("Chef de projet Acme Conseil")


def test_a_lone_two_digit_year_is_not_a_month() -> None:
    # "Apr 21" outside a range may be the 21st of April: the parser trusts it only in a range.
    assert not WrittenDates("Deadline Apr 21, then release").supports("2021-04")


@pytest.mark.parametrize(
    ("title", "company", "rules_company", "expected"),
    [
        ("Engineer at Acme Corp", "Acme Corp", "", ("Engineer", "Acme Corp", "split")),
        ("Engineer at Acme Corp", "", "", ("Engineer", "Acme Corp", "split")),
        ("Engineer @ Acme Corp", "", "Acme Corp", ("Engineer", "Acme Corp", "split")),
        ("Acme Corp — Engineer", "Acme Corp", "", ("Engineer", "Acme Corp", "split")),
        ("Ingénieure chez Banque Rhône", "", "", ("Ingénieure", "Banque Rhône", "split")),
        ("Engineer", "Engineer at Acme Corp", "", ("Engineer", "Acme Corp", "split")),
        # The title part is not written: the joined title is not the source's.
        ("Lead Engineer at Acme Corp", "Acme Corp", "", ("Lead Engineer at Acme Corp",
                                                          "Acme Corp", "rejected")),
        ("Engineer", "Acme Corp", "", ("Engineer", "Acme Corp", "kept")),
        ("Acme Corp Ads Specialist", "Acme Corp", "", ("Acme Corp Ads Specialist", "Acme Corp",
                                                       "kept")),
        ("Format Acme", "", "", ("Format Acme", "", "kept")),  # "at" inside a word
    ],
)  # fmt: skip
def test_titles_and_companies_are_separated_as_the_source_writes_them(
    title: str, company: str, rules_company: str, expected: tuple[str, str, str]
) -> None:
    source = SourceText(
        "Engineer — Acme Corp\nIngénieure chez Banque Rhône\nFormat Acme\nAcme Corp Ads Specialist"
    )
    found = separate(title, company, source.has, rules_company)
    assert (found.title, found.company, found.outcome) == expected


def test_a_description_loses_only_the_sentences_that_repeat_its_bullets() -> None:
    bullets = ["Built the billing API in Go", "Led a team of four engineers"]
    assert without_repeats("Built the billing API in Go. Led a team of four. Cut costs.",
                           bullets) == ("Cut costs.", 2)  # fmt: skip
    assert without_repeats("Built the billing API in Go\nLed a team of four engineers",
                           bullets) == ("", 2)  # fmt: skip
    # Bullets run together without punctuation are still the bullets.
    assert without_repeats("Built the billing API in Go Led a team of four engineers",
                           bullets) == ("", 1)  # fmt: skip
    kept = "Platform team for payments, in Go."
    assert without_repeats(kept, bullets) == (kept, 0)
    assert without_repeats("Go.", bullets) == ("Go.", 0)  # one shared word is no repeat


def test_the_parsers_entry_is_matched_only_when_one_is_best() -> None:
    rules = [("Engineer", "Acme Corp", "2020"), ("Analyst", "Acme Corp", "2018")]
    mine = [
        ("Engineer at Acme Corp", "", None),
        ("Analyst", "Acme Corp", "2018-03"),
        ("Consultant", "Acme Corp", None),  # as close to both: neither
        ("Consultant", "Globex", "2020"),
    ]
    assert match_entries(mine, rules) == [0, 1, None, None]
    # One parser entry is the twin of one model entry only: the one it matches best, if any.
    assert match_entries([("Intern", "Acme Corp", None), ("Engineer", "Acme Corp", None)],
                         rules[:1]) == [None, 0]  # fmt: skip
    assert match_entries([("Intern", "Acme Corp", None), ("Trainee", "Acme Corp", None)],
                         rules[:1]) == [None, None]  # fmt: skip


EN_CV = """Jordan Example
jordan@example.org

Experience
Data Engineer — Northwind Logistics
April 2021 – Present
- Built the shipment tracking pipeline in Python
- Cut the nightly batch from six hours to forty minutes

Backend Developer — Contoso Retail
2017 – 2020
- Maintained the order service

Education
MSc Computer Science — University of Somewhere
2015 – 2017
"""

FR_CV = """Camille Exemple
camille@exemple.fr

Expérience professionnelle
Ingénieure logiciel chez Banque Fictive, Lyon
mars 2019 – juin 2022
• Conçu le service de virements en Java
• Réduit les incidents de production de moitié

Formation
Master Informatique — Université Imaginaire
2017 – 2019
"""


def _answer(**overrides: Any) -> CvContent:
    return CvContent.model_validate({"header": {"name": "Jordan Example"}} | overrides)


def _by_code(findings: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f"{item['code']}@{item['path']}": item for item in findings}


def test_an_english_extraction_is_checked_entry_by_entry() -> None:
    answer = _answer(
        experience=[
            {
                "title": "Data Engineer at Northwind Logistics",
                "company": "",
                "start": "2021-04-11",  # the CV says "April 2021"
                "current": True,
                "description": "Built the shipment tracking pipeline in Python. Cut the nightly "
                "batch from six hours to forty minutes.",
                "bullets": [
                    "Built the shipment tracking pipeline in Python",
                    "Cut the nightly batch from six hours to forty minutes",
                ],
            },
            {
                "title": "Backend Developer",
                "company": "Contoso Retail",
                "start": "2017-01",  # the CV says "2017"
                "end": "2020",
                "bullets": ["Maintained the order service"],
            },
        ],
        education=[
            {
                "degree": "MSc Computer Science",
                "institution": "University of Somewhere",
                "start": "2015-09-01",
                "end": "2017",
            }
        ],
    )
    checked = check_cv(answer, EN_CV)
    first, second = checked.content.experience
    assert (first.title, first.company) == ("Data Engineer", "Northwind Logistics")
    assert first.start == "2021-04" and first.current and first.end is None
    assert first.description == ""  # it only repeated the bullets
    assert len(first.bullets) == 2
    assert (second.start, second.end) == ("2017", "2020")
    assert checked.content.education[0].start == "2015"
    found = _by_code(checked.findings)
    split = found["llm_title_split@experience[0].title"]
    assert split["severity"] == "info" and split["itemId"] == first.id
    assert split["values"]["value"] == "Data Engineer at Northwind Logistics"
    assert split["value"] == "Data Engineer"  # the field as imported, for the review's flag
    replaced = found["llm_date_replaced@experience[0].start"]
    assert replaced["severity"] == "warning"
    assert replaced["values"] | {} == {
        "label": "Data Engineer",
        "value": "2021-04-11",
        "replacement": "2021-04",
    }
    assert found["llm_date_replaced@experience[1].start"]["values"]["replacement"] == "2017"
    assert found["llm_date_replaced@education[0].start"]["values"]["replacement"] == "2015"
    repeated = found["llm_description_repeated@experience[0].description"]
    assert repeated["values"]["count"] == 2 and repeated["severity"] == "info"
    assert len(checked.findings) == 5
    assert checked.dropped == []  # each change is reported once, as a finding

    report = build_import_report(
        checked.content,
        EN_CV,
        today=date(2026, 1, 1),
        parser="llm",
        extraction_findings=checked.findings,
    )
    codes = [item["code"] for item in report["items"]]
    assert codes.count("llm_date_replaced") == 3 and "llm_title_split" in codes
    assert report["checks"] >= 3  # the replaced dates are things to check; the split is not


def test_a_french_extraction_falls_back_to_the_parser_or_drops() -> None:
    answer = _answer(
        experience=[
            {
                "title": "Ingénieure logiciel senior chez Banque Fictive",  # "senior" invented
                "company": "Banque Fictive",
                "start": "2019-03-04",  # "mars 2019": no day
                "end": "2022-07",  # "juin 2022": wrong month
                "description": "Conçu le service de virements en Java. Équipe de six.",
                "bullets": ["Conçu le service de virements en Java"],
            },
            {"title": "Stagiaire", "company": "Banque Fictive", "start": "2016-02-30"},
        ],
    )
    checked = check_cv(answer, FR_CV)
    job = checked.content.experience[0]
    # The parser read the same entry: its title and its dates, as the CV writes them.
    assert (job.title, job.company) == ("Ingénieure logiciel", "Banque Fictive")
    assert (job.start, job.end) == ("2019-03", "2022-06")
    assert job.description == ""  # the repeat went, the invented sentence too
    found = _by_code(checked.findings)
    title = found["llm_title_replaced@experience[0].title"]
    assert title["values"]["replacement"] == "Ingénieure logiciel"
    assert found["llm_date_replaced@experience[0].end"]["values"]["replacement"] == "2022-06"
    # "Stagiaire" is not in the CV: the entry keeps only its employer, and its impossible date
    # is not filled with the other job's (the parser's entry is that job's twin).
    other = checked.content.experience[1]
    assert (other.title, other.company, other.start) == ("", "Banque Fictive", None)
    assert found["llm_date_dropped@experience[1].start"]["values"]["value"] == "2016-02-30"


def test_a_date_with_no_written_fallback_is_left_out() -> None:
    answer = _answer(
        experience=[{"title": "Backend Developer", "company": "Contoso Retail", "end": "2024-02"}]
    )
    checked = check_cv(answer, EN_CV.replace("2017 – 2020", "2017 – 2020 (2024 too)"))
    assert checked.content.experience[0].end == "2020"  # the parser's end for that job
    checked = check_cv(answer, "Backend Developer at Contoso Retail")
    job = checked.content.experience[0]
    assert job.end is None
    [dropped] = [f for f in checked.findings if f["code"] == "llm_date_dropped"]
    assert dropped["values"]["value"] == "2024-02" and dropped["values"]["replacement"] == "—"
    assert dropped["path"] == "experience[0].end" and dropped["value"] is None


def test_projects_and_degrees_get_the_same_checks() -> None:
    source = (
        "Projets\nPlanificateur de tournées — 2022\n• Calcule les tournées de livraison en Rust\n"
        "Formation\nMaster Logistique à Université Exemple, 2018 – 2020\n"
    )
    answer = _answer(
        projects=[
            {
                "name": "Planificateur de tournées",
                "start": "2022-05-02",
                "description": "Calcule les tournées de livraison en Rust.",
                "bullets": ["Calcule les tournées de livraison en Rust"],
            }
        ],
        education=[{"degree": "Master Logistique chez Université Exemple", "end": "2020"}],
    )
    checked = check_cv(answer, source)
    [project] = checked.content.projects
    assert (project.start, project.description) == ("2022", "")
    [degree] = checked.content.education
    assert (degree.degree, degree.institution) == ("Master Logistique", "Université Exemple")
    codes = {(f["code"], f["path"]) for f in checked.findings}
    assert codes == {
        ("llm_date_replaced", "projects[0].start"),
        ("llm_description_repeated", "projects[0].description"),
        ("llm_title_split", "education[0].degree"),
    }
