"""Each misread shape (app/lib/parsing/misreads/) on synthetic text of its shape: it is
repaired where the repair is certain, flagged otherwise, and a correct CV of the same layout is
left alone. Flags are report items (a code and values), so the review page words them in the
reader's language and the generate form asks while one is open."""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent
from app.lib.parsing.misreads.detect import misread_findings
from app.lib.parsing.misreads.repair import repair_misreads
from app.lib.parsing.misreads.shapes import contact_kind, reads_as_sentence
from app.lib.parsing.report.report_live import asks_first
from tests.factories import misread_job as _job


def _cv(*jobs: dict[str, Any], **parts: Any) -> CvContent:
    data: dict[str, Any] = {
        "header": {"name": "Ana Lima", "contact": {"email": "ana@example.com"}},
        "summary": "Backend engineer with eight years on payment systems.",
        "experience": list(jobs) or [_job(1), _job(2), _job(3)],
    }
    return CvContent.from_json(data | parts)


def _codes(content: CvContent, source: str | None = None) -> list[str]:
    return [item["code"] for item in misread_findings(content, source)]


def test_a_correct_cv_raises_nothing() -> None:
    assert _codes(_cv()) == []
    assert repair_misreads(_cv(), None).items == []


def test_contact_lines_in_a_job_are_flagged_or_moved_to_the_header() -> None:
    licence = _cv(_job(1, location="AM, B"), _job(2))
    assert _codes(licence) == ["contact_in_entry"]
    found = misread_findings(licence, None)[0]
    assert found["path"] == "experience[0].location" and found["value"] == "AM, B"
    assert asks_first(found)  # the generate form asks while it is open
    # A phone as the place, the header having none: certain, it moves there.
    phoned = repair_misreads(_cv(_job(1, location="+33 6 12 34 56 78"), _job(2)), None)
    assert phoned.content.experience[0].location == ""
    assert phoned.content.header.contact.phone == "+33 6 12 34 56 78"
    assert [i["code"] for i in phoned.items] == ["contact_to_header"]
    # An office's address is a job's place; a web site may be an employer.
    office = _cv(_job(1, location="12 rue des Lilas, 75011 Paris", company="Acme.io"), _job(2))
    assert _codes(office) == []


def test_a_profile_of_header_lines_goes_to_the_header() -> None:
    cv = _cv(summary="Ana Lima\n12 rue des Lilas, 75011 Paris\nBuilds payment systems.")
    fixed = repair_misreads(cv, None).content
    assert fixed.summary == "Builds payment systems."
    assert fixed.header.contact.location == "12 rue des Lilas, 75011 Paris"
    assert contact_kind("Builds payment systems.") is None


def test_a_sentence_in_a_name_field_is_flagged() -> None:
    cut = "Learning how to run the new packaging line and"
    assert reads_as_sentence(cut, employer=True)
    assert reads_as_sentence("Managed the night shift of the warehouse", employer=True)
    assert reads_as_sentence("Gestion des stocks et des commandes", employer=True)
    assert reads_as_sentence("Scripts, tools, support", employer=True)
    # Long names of organisations and ordinary titles are no sentences.
    assert not reads_as_sentence("Institut National de la Recherche Agronomique", employer=True)
    assert not reads_as_sentence("Lead developer", employer=False)
    assert not reads_as_sentence("CDD : Data analyst - Marketing team", employer=False)
    assert _codes(_cv(_job(1, company=cut), _job(2))) == ["name_is_sentence"]


def test_scraps_places_skills_and_degrees_read_as_jobs_are_flagged() -> None:
    assert _codes(_cv(_job(1, company="level"), _job(2))) == ["name_is_scrap"]
    assert _codes(_cv(_job(1, title="AWARDS/EXTRACURRICULARS"), _job(2))) == ["name_is_scrap"]
    assert _codes(_cv(_job(1, title="Python", company="PostgreSQL"), _job(2))) == ["name_is_scrap"]
    assert _codes(_cv(_job(1, company="TRAINEE"), _job(2))) == ["name_is_scrap"]
    assert _codes(_cv(_job(1, title="Springfield, IL"), _job(2))) == ["title_is_place"]
    degree = _job(1, title="Master in Applied Physics", company="Example University")
    assert _codes(_cv(degree, _job(2))) == ["entry_not_a_job"]
    # Working freelance is a job; a teaching assistant at a university too.
    fine = _cv(_job(1, company="Freelance"), _job(2, title="Teaching assistant",
                                                     company="Example University"))  # fmt: skip
    assert _codes(fine) == []


def test_a_referee_block_under_a_degree_is_flagged() -> None:
    referee = {
        "id": "edu_1", "institution": "Example College", "degree": "BSc Biology",
        "description": "Former Shift Supervisor: Jane Roe\n+44 7700 900123",
    }  # fmt: skip
    assert _codes(_cv(education=[referee])) == ["referee_block"]


def test_other_jobs_read_into_one_are_flagged() -> None:
    bullets = ["Built the stock dashboard.", "Internship – Harbour Tools",
               "Automated the crane scheduling.", "Internship – Port Office"]  # fmt: skip
    swallowed = _job(1, bullets=bullets)
    assert _codes(_cv(swallowed, _job(2))) == ["entry_holds_jobs"]


def test_split_bullets_are_joined_when_the_cv_capitalises_its_bullets() -> None:
    split = _job(1, bullets=["Negotiated the yearly contracts with", "three main suppliers.",
                             "Cut the delivery delays by half."])  # fmt: skip
    fixed = repair_misreads(_cv(split, _job(2)), None)
    assert fixed.content.experience[0].bullets == [
        "Negotiated the yearly contracts with three main suppliers.",
        "Cut the delivery delays by half.",
    ]
    assert [i["code"] for i in fixed.items] == ["bullets_rejoined"]
    # A CV writing its bullets in lowercase: a short open bullet is flagged, not joined.
    lower = [_job(n, bullets=["shipped the release.", "fixed the build."]) for n in (1, 2, 3)]
    lower[0]["bullets"] = ["shipped fixes", "billing service moved to the cloud"]
    cv = _cv(*lower)
    assert repair_misreads(cv, None).content.experience[0].bullets == lower[0]["bullets"]
    assert _codes(cv) == ["split_bullet"]


def test_a_place_glued_before_each_bullet_is_taken_off_or_flagged() -> None:
    glued = _job(1, location="Lyon", bullets=["Lyon Shipped the release.", "Lyon Fixed the build."])
    fixed = repair_misreads(_cv(glued, _job(2)), None).content
    assert fixed.experience[0].bullets == ["Shipped the release.", "Fixed the build."]
    other = _job(1, location="Nantes", bullets=["Paris Shipped it.", "Paris Fixed the build."])
    cv = _cv(other, _job(2))
    assert repair_misreads(cv, None).content.experience[0].bullets == other["bullets"]
    assert _codes(cv) == ["place_in_bullets"]


def test_a_line_end_hyphen_inside_a_word_is_joined_or_flagged() -> None:
    source = "Engineer 1\nCompany 1\nOptimised the structu-\nred release flow and the zorbi-\nglanx"
    job = _job(1, bullets=["Optimised the structu-red release flow and the zorbi-glanx"])
    cv = _cv(job, _job(2))
    fixed = repair_misreads(cv, source).content
    assert fixed.experience[0].bullets == ["Optimised the structured release flow and the "
                                           "zorbi-glanx"]  # fmt: skip
    assert _codes(fixed, source) == ["hyphen_in_word"]
    # A compound written so ("full-stack") is no broken word.
    compound = _cv(_job(1, title="Full-stack developer"), _job(2))
    assert repair_misreads(compound, "Full-stack developer").content == compound


def test_an_employer_printed_once_but_carried_by_two_jobs_is_flagged() -> None:
    source = "\n".join(["Analyst", "2019 - 2020", "Harbour Tools", "Built dashboards.",
                        "Buyer", "2017 - 2018", "Ordered the parts."])  # fmt: skip
    first = _job(1, title="Analyst", company="Harbour Tools", bullets=["Built dashboards."])
    second = _job(2, title="Buyer", company="Harbour Tools", bullets=["Ordered the parts."])
    assert _codes(_cv(first, second), source) == ["employer_elsewhere"]
    # The employer printed once above its roles is one employer's career.
    grouped = "\n".join(["Harbour Tools", "Analyst", "Built dashboards.", "Buyer", "Ordered it."])
    assert _codes(_cv(first, second), grouped) == []
    # The current job's title is also the headline, above the employer's line: its own line
    # is the one over its bullets.
    headed = "\n".join(["Ana Lima", "Analyst", "Experience", "Harbour Tools", "Analyst",
                         "Built dashboards.", "Buyer", "Ordered the parts."])  # fmt: skip
    assert _codes(_cv(first, second), headed) == []


def test_jobs_whose_lines_slid_to_the_job_before_are_flagged() -> None:
    lines = []
    for n in (1, 2, 3):
        lines += [f"Role {n}", f"Firm {n}", f"Task {n}a done well here.", f"Task {n}b done here."]
    source = "\n".join(lines)

    def jobs(shift: int) -> list[dict[str, Any]]:
        tasks = {n: [f"Task {n}a done well here.", f"Task {n}b done here."] for n in (1, 2, 3)}
        return [
            _job(n, title=f"Role {n}", company=f"Firm {n}", bullets=tasks.get(n + shift, []))
            for n in (1, 2, 3)
        ]

    # A table read one row off: each job got the tasks printed under the next one.
    assert _codes(_cv(*jobs(1)), source).count("entry_text_elsewhere") == 2
    assert _codes(_cv(*jobs(0)), source) == []


def test_a_town_a_skills_line_or_a_contract_as_the_employer_is_flagged() -> None:
    # A town the gazetteer knows, no organisation word, no other place: the place took the
    # employer's field. A brand in capitals that shares a town's name is left alone.
    assert _codes(_cv(_job(1, company="Minneapolis"), _job(2))) == ["company_is_place"]
    assert _codes(_cv(_job(1, company="Minneapolis", location="Minnesota"), _job(2))) == [
        "company_is_place"
    ]
    assert _codes(_cv(_job(1, company="ORANGE"), _job(2))) == []
    assert _codes(_cv(_job(1, company="Acme Logistics", location="Minneapolis"), _job(2))) == []
    listed = _cv(_job(1, company="EC2 servers, Security Groups, Lambda functions"), _job(2))
    assert _codes(listed) == ["name_is_sentence"]
    assert _codes(_cv(_job(1, company="Ernst & Young, Audit, Paris"), _job(2))) == []
    assert _codes(_cv(_job(1, company="Job d'été"), _job(2))) == ["name_is_scrap"]
    assert _codes(_cv(_job(1, company="Stage en entreprise"), _job(2))) == ["name_is_scrap"]


def test_someone_telling_or_a_title_written_twice_is_no_name() -> None:
    telling = _job(1, title="Depuis 2018 je travaille en tant que formatrice")
    assert _codes(_cv(telling, _job(2))) == ["name_is_sentence"]
    assert _codes(_cv(_job(1, title="Software Engineer I"), _job(2))) == []
    assert _codes(_cv(_job(1, company="My Little Bakery Paris"), _job(2))) == []
    twice = _job(1, title="GENDARME RESERVISTE", company="Gendarme réserviste opérationnel")
    assert _codes(_cv(twice, _job(2))) == ["name_is_scrap"]


def test_whole_years_at_a_school_with_no_job_named_are_a_study() -> None:
    study = _job(1, title="Ingénieur informatique", company="École d'ingénieurs du numérique",
                 start="2019", end="2024")  # fmt: skip
    assert _codes(_cv(study, _job(2))) == ["entry_not_a_job"]
    # A job at a school names its role; a study read twice matches the education section.
    tutor = _job(1, title="Surveillant", company="Lycée Victor Hugo", start="2019", end="2021")
    assert _codes(_cv(tutor, _job(2))) == []
    again = _job(1, title="Cycle préparatoire", company="Lycée Victor Hugo", start="2019-09")
    education = [{"id": "edu_1", "institution": "Lycée Victor Hugo", "degree": "CPGE MPSI",
                  "start": "2019"}]  # fmt: skip
    assert _codes(_cv(again, _job(2), education=education)) == ["entry_not_a_job"]
